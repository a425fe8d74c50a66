import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { TileCoord } from './coords'
import { flipY } from './coords'

/** 'GCTC': marks the file as our tile cache, so a foreign SQLite file is never written to. */
const CACHE_APPLICATION_ID = 0x47435443

export interface CachedTile {
  data: Buffer
  contentType: string
  fetchedAt: number
}

export interface TileCacheOptions {
  /** Upper bound of the stored tile bytes; the least recently used tiles go first. */
  maxBytes: number
  now?: () => number
}

/**
 * Fetched tiles kept on disk (`<dataDir>/tile-cache.sqlite3`), so the wall still has its basemap
 * when the network is gone. MBTiles-like: zoom_level, tile_column, tile_row (TMS, row 0 at the
 * south), tile_data; plus the source (a hash of the upstream template, never the key), the
 * content type, when it was fetched and when it was last served (for LRU-ish eviction).
 */
export class TileCache {
  private readonly db: Database.Database
  private readonly now: () => number
  private readonly maxBytes: number
  private total: number
  private readonly stmts: {
    get: Database.Statement<[string, number, number, number], { tile_data: Buffer; content_type: string; fetched_at: number }>
    touch: Database.Statement<[number, string, number, number, number, number]>
    old: Database.Statement<[string, number, number, number], { size: number }>
    put: Database.Statement<[string, number, number, number, Buffer, string, number, number]>
    lru: Database.Statement<[number], { source: string; zoom_level: number; tile_column: number; tile_row: number; size: number }>
    del: Database.Statement<[string, number, number, number]>
  }

  private constructor(db: Database.Database, options: TileCacheOptions) {
    this.db = db
    this.now = options.now ?? Date.now
    this.maxBytes = options.maxBytes
    const key = 'source = ? AND zoom_level = ? AND tile_column = ? AND tile_row = ?'
    this.stmts = {
      get: db.prepare(`SELECT tile_data, content_type, fetched_at FROM tiles WHERE ${key}`),
      touch: db.prepare(`UPDATE tiles SET used_at = ? WHERE ${key} AND used_at < ?`),
      old: db.prepare(`SELECT length(tile_data) AS size FROM tiles WHERE ${key}`),
      put: db.prepare(
        'INSERT OR REPLACE INTO tiles (source, zoom_level, tile_column, tile_row, tile_data, content_type, fetched_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      ),
      lru: db.prepare('SELECT source, zoom_level, tile_column, tile_row, length(tile_data) AS size FROM tiles ORDER BY used_at LIMIT ?'),
      del: db.prepare(`DELETE FROM tiles WHERE ${key}`)
    }
    this.total = (db.prepare('SELECT COALESCE(SUM(length(tile_data)), 0) AS n FROM tiles').get() as { n: number }).n
    this.evict()
  }

  /**
   * Opens or creates the cache. A file that is not a readable cache of ours is moved aside
   * (`…corrupt-<time>`; it is only a cache) and a fresh one created; throws if that fails too.
   */
  static open(path: string, options: TileCacheOptions, log: (line: string) => void = () => {}): TileCache {
    mkdirSync(dirname(path), { recursive: true })
    try {
      return new TileCache(openCacheDb(path), options)
    } catch (err) {
      if (!existsSync(path)) throw err
      const aside = `${path}.corrupt-${Date.now()}`
      log(`[tiles] 瓦片缓存无法使用，已移至 ${aside} 并新建 / the tile cache ${path} is unusable (${(err as Error).message}): moved to ${aside}, starting a new one`)
      renameSync(path, aside)
      for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix)
      return new TileCache(openCacheDb(path), options)
    }
  }

  get(source: string, c: TileCoord): CachedTile | null {
    const row = this.stmts.get.get(source, c.z, c.x, flipY(c.z, c.y))
    if (!row) return null
    const now = this.now()
    // Touch at most once a minute per tile: reads should not turn into a write each.
    this.stmts.touch.run(now, source, c.z, c.x, flipY(c.z, c.y), now - 60_000)
    return { data: row.tile_data, contentType: row.content_type, fetchedAt: row.fetched_at }
  }

  put(source: string, c: TileCoord, data: Buffer, contentType: string): void {
    const now = this.now()
    const row = flipY(c.z, c.y)
    this.db.transaction(() => {
      const old = this.stmts.old.get(source, c.z, c.x, row)
      this.stmts.put.run(source, c.z, c.x, row, data, contentType, now, now)
      this.total += data.length - (old?.size ?? 0)
    })()
    this.evict()
  }

  /** Bytes of tile data held. */
  size(): number {
    return this.total
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM tiles').get() as { n: number }).n
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  /** Over the bound: drop least recently used tiles until 90 % of it. */
  private evict(): void {
    if (this.total <= this.maxBytes) return
    const target = Math.floor(this.maxBytes * 0.9)
    this.db.transaction(() => {
      while (this.total > target) {
        const victims = this.stmts.lru.all(256)
        if (victims.length === 0) {
          this.total = 0
          break
        }
        for (const v of victims) {
          this.stmts.del.run(v.source, v.zoom_level, v.tile_column, v.tile_row)
          this.total -= v.size
          if (this.total <= target) break
        }
      }
    })()
  }
}

function openCacheDb(path: string): Database.Database {
  const db = new Database(path)
  try {
    const id = db.pragma('application_id', { simple: true }) as number
    const tables = (db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n
    if (id !== CACHE_APPLICATION_ID && !(id === 0 && tables === 0)) throw new Error('not a tile cache file')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 2000')
    db.pragma(`application_id = ${CACHE_APPLICATION_ID}`)
    db.exec(`
      CREATE TABLE IF NOT EXISTS tiles (
        source TEXT NOT NULL,
        zoom_level INTEGER NOT NULL,
        tile_column INTEGER NOT NULL,
        tile_row INTEGER NOT NULL,
        tile_data BLOB NOT NULL,
        content_type TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        used_at INTEGER NOT NULL,
        PRIMARY KEY (source, zoom_level, tile_column, tile_row)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS tiles_used_at ON tiles (used_at);
    `)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}
