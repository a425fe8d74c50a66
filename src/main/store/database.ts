import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { migrations, latestSchemaVersion } from './migrations'

/** 'GCC1' — marks a file as ours, so a foreign SQLite file is refused, not migrated. */
export const APPLICATION_ID = 0x47434331

export type Db = Database.Database

/** Start-up must stop: the message says why and what to do. The file is left untouched. */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly reason: 'corrupt' | 'newer-schema' | 'foreign' | 'io',
    readonly path: string
  ) {
    super(message)
    this.name = 'StoreOpenError'
  }
}

export interface OpenOptions {
  /** Open an existing file without migrating or writing (used by read-only tools). */
  readonly?: boolean
}

/**
 * Opens (or creates) the store at `path`, checks it is ours and intact, and migrates it forward.
 * A corrupt file, a foreign SQLite file or one written by a newer version of the app throws
 * StoreOpenError; the file is never overwritten or recreated.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const isNew = path === ':memory:' || !existsSync(path)
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let db: Db
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
  } catch (err) {
    throw new StoreOpenError(`无法打开数据库 / cannot open the database ${path}: ${(err as Error).message}`, 'io', path)
  }
  try {
    checkIntegrity(db, path, isNew)
    if (!options.readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      migrate(db, path)
    }
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

function checkIntegrity(db: Db, path: string, isNew: boolean): void {
  let applicationId: number
  let version: number
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number
    version = db.pragma('user_version', { simple: true }) as number
    if (!isNew) {
      const result = db.pragma('quick_check', { simple: true }) as string
      if (result !== 'ok') throw new Error(result)
    }
  } catch (err) {
    throw new StoreOpenError(
      `数据库文件已损坏，启动已停止，文件未被改动 / the database file is corrupt (${(err as Error).message}). ` +
        `Start-up stopped and the file was left untouched: ${path}. Restore it from a backup, ` +
        `or move it aside to start with a new database.`,
      'corrupt',
      path
    )
  }
  const empty = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0
  if (!empty && applicationId !== APPLICATION_ID) {
    throw new StoreOpenError(
      `该文件不是本系统的数据库 / ${path} is an SQLite database of another application ` +
        `(application_id ${applicationId}). Start-up stopped and the file was left untouched.`,
      'foreign',
      path
    )
  }
  if (version > latestSchemaVersion) {
    throw new StoreOpenError(
      `数据库由更新版本的程序写入 / the database was written by a newer version of this app ` +
        `(schema ${version}, this version knows up to ${latestSchemaVersion}). Start-up stopped and ` +
        `the file was left untouched: ${path}. Install the newer version to use it.`,
      'newer-schema',
      path
    )
  }
}

function migrate(db: Db, path: string): void {
  const from = db.pragma('user_version', { simple: true }) as number
  for (let v = from; v < latestSchemaVersion; v++) {
    const step = db.transaction(() => {
      db.exec(migrations[v]!)
      db.pragma(`user_version = ${v + 1}`)
      if (v === 0) db.pragma(`application_id = ${APPLICATION_ID}`)
    })
    try {
      step()
    } catch (err) {
      throw new StoreOpenError(
        `数据库升级失败 / migrating the database to schema ${v + 1} failed: ${(err as Error).message} (${path})`,
        'io',
        path
      )
    }
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}
