import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase, schemaVersion, StoreOpenError } from '../../../src/main/store/database'
import { latestSchemaVersion } from '../../../src/main/store/migrations'
import { Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/tempDir'

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('SQLite store', () => {
  let dir: string
  let remove: () => void
  beforeEach(() => ({ dir, remove } = tempDir()))
  afterEach(() => remove())

  it('creates a new file at the latest schema, in WAL mode, marked as ours', () => {
    const db = openDatabase(join(dir, 'nested', 'gcc.sqlite3'))
    expect(schemaVersion(db)).toBe(latestSchemaVersion)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
  })

  it('reopens an existing file without migrating twice and keeps its data', () => {
    const path = join(dir, 'gcc.sqlite3')
    const store = Store.open(path)
    store.meta.set('k', 'v')
    store.close()
    const again = Store.open(path)
    expect(again.meta.get('k')).toBe('v')
    expect(schemaVersion(again.db)).toBe(latestSchemaVersion)
    again.close()
  })

  it('has the indices the wall queries use', () => {
    const db = openDatabase(join(dir, 'gcc.sqlite3'))
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT community_code, count(*) FROM events WHERE street_code = ? AND reported_at >= ? GROUP BY community_code")
      .all('440311-001', 0) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/events_street_reported/)
    db.close()
  })

  it('refuses a database written by a newer schema and leaves it untouched', () => {
    const path = join(dir, 'gcc.sqlite3')
    openDatabase(path).close()
    const raw = new Database(path)
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`)
    raw.close()
    const before = sha(path)
    expect(() => openDatabase(path)).toThrowError(expect.objectContaining({ reason: 'newer-schema' }))
    expect(() => openDatabase(path)).toThrow(/newer version/)
    expect(sha(path)).toBe(before)
  })

  it('refuses a corrupt file and leaves it untouched', () => {
    const path = join(dir, 'gcc.sqlite3')
    writeFileSync(path, Buffer.concat([Buffer.from('this is not a database '), Buffer.alloc(8192, 0x5a)]))
    const before = sha(path)
    let error: unknown
    try {
      openDatabase(path)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(StoreOpenError)
    expect((error as StoreOpenError).reason).toBe('corrupt')
    expect((error as Error).message).toMatch(/corrupt/)
    expect(sha(path)).toBe(before)
  })

  it('refuses a database whose pages are damaged', () => {
    const path = join(dir, 'gcc.sqlite3')
    const store = Store.open(path)
    store.meta.set('x', 'y'.repeat(20000))
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    store.close()
    const bytes = readFileSync(path)
    // Overwrite everything after the first page (the header stays valid).
    bytes.fill(0xff, 4096)
    writeFileSync(path, bytes)
    const before = sha(path)
    expect(() => openDatabase(path)).toThrowError(expect.objectContaining({ reason: 'corrupt' }))
    expect(sha(path)).toBe(before)
  })

  it("refuses another application's SQLite file", () => {
    const path = join(dir, 'other.sqlite3')
    const raw = new Database(path)
    raw.exec('CREATE TABLE t (x)')
    raw.close()
    const before = sha(path)
    expect(() => openDatabase(path)).toThrowError(expect.objectContaining({ reason: 'foreign' }))
    expect(sha(path)).toBe(before)
  })
})
