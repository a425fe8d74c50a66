import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/tempDir'

const root = resolve(__dirname, '../../..')
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')
/** Without the GCC_* variables of whoever runs the tests, so only the flags given here count. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GCC_')))

// The CLI as `npm run demo` runs it; the tsconfig with the @shared alias is passed explicitly.
const demo = (...args: string[]): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(tsx, ['--tsconfig', 'tsconfig.node.json', 'src/main/cli/demo.ts', ...args], { cwd: root, env, encoding: 'utf8' })

let dir: string
let remove: () => void
beforeAll(() => ({ dir, remove } = tempDir('gcc-demo-cli-')))
afterAll(() => remove())

describe('npm run demo', () => {
  it('generates a small district into the data directory and prints a summary', () => {
    const r = demo('--seed', '5', '--scale', '0.05', '--data-dir', join(dir, 'ok'), '--now', '2026-11-22T14:30:00+08:00')
    expect(r.stderr).toContain('100%')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('440311')
    expect(r.stdout).toMatch(/events 1,825/)
    const store = Store.open(join(dir, 'ok', 'gcc.sqlite3'))
    expect(store.events.count()).toBe(1825)
    expect(store.meta.get('demo.seed')).toBe('5')
    store.close()
  })

  it('stops with exit code 1 and leaves a corrupt database file untouched', () => {
    const file = join(dir, 'corrupt', 'gcc.sqlite3')
    const r0 = demo('--scale', '0.05', '--data-dir', join(dir, 'corrupt'))
    expect(r0.status).toBe(0)
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 0, 4096)
    writeFileSync(file, bytes)
    const before = createHash('sha256').update(readFileSync(file)).digest('hex')
    const r = demo('--scale', '0.05', '--data-dir', join(dir, 'corrupt'))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/损坏|corrupt|not a database/i)
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
  })

  it('rejects invalid options with exit code 1 and a clear message', () => {
    const r = demo('--scale', '0', '--data-dir', join(dir, 'bad'))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/demoScale/)
    const n = demo('--now', 'yesterday', '--data-dir', join(dir, 'bad'))
    expect(n.status).toBe(1)
    expect(n.stderr).toMatch(/--now/)
  })
})
