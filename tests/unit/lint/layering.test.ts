import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message)
}

describe('lint enforces the layering', () => {
  it.each([
    ['src/shared/domain/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/shared/domain/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src/shared/domain/x.ts', "import { join } from 'path'\nexport const a = join"],
    ['src/shared/domain/x.ts', 'export const w = () => document.title'],
    ['src/shared/domain/x.ts', "import { Store } from '../../main/store/store'\nexport const s = Store"],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'fs'\nexport const a = readFileSync"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"],
    ['src/renderer/src/x.ts', 'export const v = process.versions'],
    ['src/main/services/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/store/x.ts', "import { BrowserWindow } from 'electron'\nexport const a = BrowserWindow"]
  ])('%s: %s is an error', async (file, code) => {
    expect(await layeringErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['src/shared/domain/x.ts', "import { parseRegionCode } from './gridCode'\nexport const a = parseRegionCode"],
    ['src/main/electron/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/index.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/main/services/x.ts', "import { join } from 'node:path'\nexport const a = join"],
    ['src/renderer/src/x.ts', "import { createApiClient } from '@shared/api/client'\nexport const a = createApiClient"]
  ])('%s: %s is allowed', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([])
  })
})
