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
 * committed. A batch of 5000 alerts writes more than 1000 pages, so on the app's connection each
 * batch would pay a checkpoint on the main thread. The ingest connection checkpoints only as a
 * backstop (INGEST_AUTOCHECKPOINT_PAGES, which also bounds the WAL while alerts stream in); after
 * commits a worker thread with a connection of its own runs a passive checkpoint, at most every
 * CHECKPOINT_INTERVAL_MS. A passive checkpoint never blocks a writer and never moves a commit's
 * durability: a committed transaction is in the WAL (synchronous = NORMAL, as on the app's
 * connection) whether or not it has been copied yet. A store in memory or opened read-only has no
 * file to share: the pipeline then writes through the app's connection, as before.
 */

/** WAL pages after which a commit on the ingest connection checkpoints itself (the worker is not keeping up, or is gone). */
export const INGEST_AUTOCHECKPOINT_PAGES = 20_000
/**
 * Least time between two checkpoints of the thread. The pages a batch changes are mostly the
 * pages the batches before it changed (the leaves of the indices where new alerts land): one
 * checkpoint copies each of them into the database once, however many commits rewrote it.
 */
export const CHECKPOINT_INTERVAL_MS = 1000
/** Page cache of the ingest connection (KiB): the index pages a batch touches stay in memory between batches. */
export const INGEST_CACHE_KIB = 16 * 1024

/** What the pipeline writes through: a connection, its alert repository, its transactions. */
export type IngestWriter = Pick<Store, 'db' | 'alerts' | 'transaction'>

export interface IngestStore {
  /** The connection the pipeline writes through. */
  readonly store: IngestWriter
  /** Whether it is a connection of its own (false: the app's store, e.g. in memory). */
  readonly separate: boolean
  /** After each commit: the checkpoint thread copies what the WAL holds (one checkpoint at a time, at most every CHECKPOINT_INTERVAL_MS). */
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
export function openIngestStore(app: Store, log: (line: string) => void = () => {}, checkpointIntervalMs = CHECKPOINT_INTERVAL_MS): IngestStore {
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
  const checkpointer = startCheckpointer(path, checkpointIntervalMs, log)
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

function startCheckpointer(path: string, intervalMs: number, log: (line: string) => void): Checkpointer | null {
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
  let dead = false
  let stopping = false
  let reported = false
  let count = 0
  let lastRun = -Infinity
  let timer: NodeJS.Timeout | null = null
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const run = (): void => {
    timer = null
    if (dead || stopping) return
    running = true
    lastRun = performance.now()
    worker.postMessage('run')
  }
  /** Runs one now, or once intervalMs after the last one started (one is enough for all commits until then). */
  const schedule = (): void => {
    if (running) {
      queued = true
      return
    }
    if (timer !== null) return
    const wait = lastRun + intervalMs - performance.now()
    if (wait <= 0) run()
    else timer = setTimeout(run, wait).unref()
  }
  worker.on('message', (error: string | null) => {
    running = false
    count++
    if (error !== null && !reported) {
      reported = true
      log(`[alerts] 检查点失败 / a WAL checkpoint failed: ${error}`)
    }
    if (queued) {
      queued = false
      schedule()
    }
  })
  worker.on('error', (err) => {
    dead = true
    log(`[alerts] 检查点线程出错 / the checkpoint thread failed (${err.message}); the ingest connection checkpoints itself`)
  })
  worker.unref()
  return {
    nudge: () => {
      if (!stopping && !dead) schedule()
    },
    done: () => count,
    stop: async () => {
      stopping = true
      queued = false
      if (timer !== null) clearTimeout(timer)
      worker.postMessage('close')
      let wait: NodeJS.Timeout | undefined
      await Promise.race([exited, new Promise((r) => (wait = setTimeout(r, 5000)))])
      clearTimeout(wait)
      await worker.terminate()
    }
  }
}
