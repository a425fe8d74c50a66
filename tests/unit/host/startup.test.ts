import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { latestSchemaVersion } from '../../../src/main/store/migrations'
import { Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/tempDir'

const root = resolve(import.meta.dirname, '../../..')
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GCC_')))
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/** The browser host's entry, as `npm run serve` starts it (from source here: no build needed). */
const host = (...args: string[]) =>
  spawnSync(tsx, ['--tsconfig', 'tsconfig.node.json', 'src/main/host.ts', '--port', '0', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000
  })

describe('browser host start-up refuses a database it must not touch', () => {
  let dir: string
  let remove: () => void
  beforeAll(() => ({ dir, remove } = tempDir('gcc-startup-')))
  afterAll(() => remove())

  it('stops on a corrupt file with a clear message and leaves it as it was', () => {
    const dataDir = join(dir, 'corrupt')
    mkdirSync(dataDir)
    const file = join(dataDir, 'gcc.sqlite3')
    writeFileSync(file, 'SQLite format 3\0' + 'garbage'.repeat(2000))
    const before = sha(file)
    const r = host('--data-dir', dataDir)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/启动已停止/)
    expect(r.stderr).toMatch(/corrupt/)
    expect(r.stderr).toContain(file)
    expect(sha(file)).toBe(before)
  })

  it('stops on a database from a newer version and leaves it as it was', () => {
    const dataDir = join(dir, 'newer')
    const file = join(dataDir, 'gcc.sqlite3')
    Store.open(file).close()
    const raw = new Database(file)
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`)
    raw.close()
    const before = sha(file)
    const r = host('--data-dir', dataDir)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/newer version/)
    expect(sha(file)).toBe(before)
  })

  it('stops on a bad setting and names it', () => {
    const r = host('--data-dir', join(dir, 'x'), '--center', 'nowhere')
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/demoCenter/)
  })
})
