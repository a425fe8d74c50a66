import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { AlertRepository } from '../store/repositories/alerts'
import type { Store } from '../store/store'

/**
 * The alert pipeline's own connection to the app's SQLite file, and a thread that checkpoints
 * the write-ahead log (docs/ALERTS.md "Throughput").
 *
 * Every commit of a connection whose WAL has grown past `wal_autocheckpoint` pages (1000 on the
 * app's connection) copies the WAL into the database and syncs both files, on the thread that
 * committed. A batch of 2000 alerts writes more than 1000 pages, so on the app's connection each
 * batch would pay a checkpoint on the main thread. The ingest connection checkpoints only as a
 * backstop (INGEST_AUTOCHECKPOINT_PAGES); after each commit a worker thread with a connection of
 * its own runs a passive checkpoint, which never blocks a writer and never moves a commit's
 * durability: a committed transaction is in the WAL (synchronous = NORMAL, as on the app's
 * connection) whether or not it has been copied yet. A store in memory or opened read-only has no
 * file to share: the pipeline then writes through the app's connection, as before.
 */

/** WAL pages after which a commit on the ingest connection checkpoints itself (the worker is not keeping up, or is gone). */
export const INGEST_AUTOCHECKPOINT_PAGES = 10_000
/** Page cache of the ingest connection (KiB): the index pages a batch touches stay in memory between batches. */
export const INGEST_CACHE_KIB = 16 * 1024

/** What the pipeline writes through: a connection, its alert repository, its transactions. */
export type IngestWriter = Pick<Store, 'db' | 'alerts' | 'transaction'>

export interface IngestStore {
  /** The connection the pipeline writes through. */
  readonly store: IngestWriter
  /** Whether it is a connection of its own (false: the app's store, e.g. in memory). */
  readonly separate: boolean
  /** After each commit: the checkpoint thread copies what the WAL holds (at most one checkpoint runs, one more is queued). */
  committed(): void
  /** Checkpoints run so far by the thread. */
  checkpoints(): number
  /** Ends the checkpoint thread and closes the connection (the app's store stays open). */
  close(): Promise<void>
}

/**
 * The ingest connection to the app's store file; the app's store itself when the store has no
 * file or the connection cannot be opened (logged: alerts are then written as before).
 */
export function openIngestStore(app: Store, log: (line: string) => void = () => {}): IngestStore {
  const shared: IngestStore = { store: app, separate: false, committed: () => {}, checkpoints: () => 0, close: async () => {} }
  const path = app.db.name
  if (app.db.memory || app.db.readonly || path === '') return shared
  let db: Database.Database
  try {
    db = new Database(path, { fileMustExist: true })
    // The app's settings (src/main/store/database.ts), except when this connection checkpoints.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma(`wal_autocheckpoint = ${INGEST_AUTOCHECKPOINT_PAGES}`)
    db.pragma(`cache_size = -${INGEST_CACHE_KIB}`)
  } catch (err) {
    log(`[alerts] 告警写入连接未能打开，使用主连接 / the ingest connection did not open (${(err as Error).message}); alerts are written through the app's`)
    return shared
  }
  const checkpointer = startCheckpointer(path, log)
  let closed = false
  const writer: IngestWriter = { db, alerts: new AlertRepository(db), transaction: (fn) => db.transaction(fn)() }
  return {
    store: writer,
    separate: true,
    committed: () => checkpointer?.nudge(),
    checkpoints: () => checkpointer?.done() ?? 0,
    close: async () => {
      if (closed) return
      closed = true
      await checkpointer?.stop()
      db.close()
    }
  }
}

/**
 * The checkpoint thread: a connection of its own that runs `PRAGMA wal_checkpoint(PASSIVE)` on
 * request. Plain JavaScript evaluated in the worker (no module to bundle), which loads the same
 * better-sqlite3 as the main thread.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path, { fileMustExist: true })
db.pragma('synchronous = NORMAL')
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage(null)
  } catch (err) {
    parentPort.postMessage(String(err && err.message))
  }
})
`

interface Checkpointer {
  nudge(): void
  done(): number
  stop(): Promise<void>
}

function startCheckpointer(path: string, log: (line: string) => void): Checkpointer | null {
  let worker: Worker
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, path } })
  } catch (err) {
    log(`[alerts] 检查点线程未启动 / the checkpoint thread did not start (${(err as Error).message}); the ingest connection checkpoints itself`)
    return null
  }
  let running = false
  let queued = false
  let failed = false
  let count = 0
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.on('message', (error: string | null) => {
    running = false
    count++
    if (error !== null && !failed) {
      failed = true
      log(`[alerts] 检查点失败 / a WAL checkpoint failed: ${error}`)
    }
    if (queued) {
      queued = false
      run()
    }
  })
  worker.on('error', (err) => {
    failed = true
    log(`[alerts] 检查点线程出错 / the checkpoint thread failed (${err.message}); the ingest connection checkpoints itself`)
  })
  worker.unref()
  const run = (): void => {
    if (failed) return
    running = true
    worker.postMessage('run')
  }
  let stopping = false
  return {
    nudge: () => {
      if (stopping) return
      if (running) queued = true
      else run()
    },
    done: () => count,
    stop: async () => {
      stopping = true
      queued = false
      worker.postMessage('close')
      let timer: NodeJS.Timeout | undefined
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))])
      clearTimeout(timer)
      await worker.terminate()
    }
  }
}
