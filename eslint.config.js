// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

/**
 * Layering (see docs/ARCHITECTURE.md), enforced here:
 *   src/shared    pure TypeScript: no electron, no node:* or Node built-ins, no DOM
 *   src/renderer  no Node module, no electron, nothing from src/main or src/preload
 *   src/main      imports electron only in the thin shell (src/main/index.ts, src/main/electron/**)
 *   src/preload   electron and src/shared only
 */
// Built-ins by exact name (as patterns, `domain` would match our own domain/ folder).
const nodeBuiltinPaths = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: 'Layering: this layer may not import Node modules.' }))
const nodeModules = { group: ['node:*'], message: 'Layering: this layer may not import Node modules.' }
/** no-restricted-imports options: Node built-ins plus the given patterns. */
const restrict = (...patterns) => ['error', { paths: nodeBuiltinPaths, patterns }]
const restrictPatterns = (...patterns) => ['error', { patterns }]
const electron = { group: ['electron', 'electron/*'], message: 'Layering: only the Electron shell (src/main/index.ts, src/main/electron/**) and the preload import electron.' }
const mainCode = { group: ['**/main/**', '@main/*'], message: 'Layering: the renderer and shared code may not import main-process code.' }
const rendererCode = { group: ['**/renderer/**', '@renderer/*'], message: 'Layering: only the renderer imports renderer code.' }
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch', 'WebSocket', 'HTMLElement', 'requestAnimationFrame']
  .map((name) => ({ name, message: 'Layering: src/shared is pure TypeScript and may not use the DOM.' }))
const nodeGlobals = ['process', 'Buffer', '__dirname', '__filename', 'require', 'global']
  .map((name) => ({ name, message: 'Layering: this layer may not use Node globals.' }))

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, sourceType: 'module' } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off'
    }
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    // Tests read JSON replies of many shapes; production code may not use any.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(nodeModules, electron, mainCode),
      'no-restricted-globals': ['error', ...nodeGlobals]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(nodeModules, electron, mainCode, rendererCode),
      'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals]
    }
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: { 'no-restricted-imports': restrictPatterns(electron, rendererCode) }
  },
  {
    files: ['src/main/index.ts', 'src/main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': restrictPatterns(rendererCode) }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(nodeModules, mainCode, rendererCode) }
  }
)
