import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { BasemapInfo } from '@shared/api/types'
import { loadBasemapConfig, NONE_BASEMAP, remoteBasemapInfo, TILE_CACHE_FILE, type RemoteBasemapConfig } from './config'
import { isValidTileCoord, TILE_URL_TEMPLATE, type TileCoord } from './coords'
import { TileCache } from './cache'
import { sniffRasterType } from './image'
import { MbtilesReader } from './mbtiles'
import { createUpstreamTemplate, type UpstreamTemplate } from './upstream'

export interface Tile {
  body: Buffer
  contentType: string
}

/**
 * The basemap's tiles, served on our own origin (/tiles/{z}/{x}/{y} in the browser host,
 * app://gcc/tiles/… in Electron). `tile` never throws: a tile that can't be had is null, which
 * the routes answer with 204 so the map draws nothing there.
 */
export interface TileService {
  /** What the renderer may know: never an upstream URL, key or header. */
  info(): BasemapInfo
  tile(z: number, x: number, y: number): Promise<Tile | null>
  close(): void
}

export interface TileServiceOptions {
  dataDir: string
  env?: NodeJS.ProcessEnv
  log?: (line: string) => void
  /** For tests: the upstream fetch and the clock. */
  fetch?: typeof fetch
  now?: () => number
}

/** After a network failure, uncached tiles are not asked upstream for this long (no 5 s waits per tile). */
export const OFFLINE_BACKOFF_MS = 15_000
/** Larger upstream bodies are refused (a raster tile is tens of kilobytes). */
const MAX_TILE_BYTES = 4 * 1024 * 1024

/**
 * Reads the basemap configuration and opens what it names. Never throws: a bad configuration,
 * a missing MBTiles file or an unusable cache is logged and the wall falls back to 'none'
 * (or, for the cache, to fetching without one).
 */
export function createTileService(options: TileServiceOptions): TileService {
  const log = options.log ?? ((line: string) => console.log(line))
  const config = loadBasemapConfig(options.dataDir, options.env ?? process.env, log)
  try {
    switch (config.kind) {
      case 'none':
        return noneService()
      case 'mbtiles': {
        const reader = MbtilesReader.open(config)
        const i = reader.info
        log(`[basemap] 离线瓦片包 / offline tiles: ${i.name} (${config.path}, ${i.crs}, z${i.minZoom}–${i.maxZoom})`)
        return {
          info: () => reader.info,
          tile: async (z, x, y) => (isValidTileCoord({ z, x, y }) && z >= i.minZoom && z <= i.maxZoom ? reader.tile({ z, x, y }) : null),
          close: () => reader.close()
        }
      }
      case 'xyz':
      case 'wmts':
        return new RemoteTileService(config, options, log)
    }
  } catch (err) {
    log(`[basemap] ${(err as Error).message}`)
    log('[basemap] 已改用矢量底图 / falling back to the vector background (no tiles)')
    return noneService()
  }
}

function noneService(): TileService {
  return { info: () => NONE_BASEMAP, tile: async () => null, close: () => {} }
}

/**
 * XYZ / WMTS upstream behind a disk cache: cached tiles are served first; after maxAgeHours a
 * cached tile is still served and refreshed in the background (stale-while-revalidate). Every
 * upstream request has a timeout and is aborted on close.
 */
class RemoteTileService implements TileService {
  private readonly basemap: BasemapInfo
  private readonly upstream: UpstreamTemplate
  private readonly source: string
  private readonly cache: TileCache | null
  private readonly fetch: typeof fetch
  private readonly now: () => number
  private readonly maxAgeMs: number
  private readonly inflight = new Map<string, Promise<Tile | null>>()
  private readonly controllers = new Set<AbortController>()
  private offlineUntil = 0
  private reachable: boolean | null = null
  private badBodyLogged = false
  private closed = false

  constructor(
    private readonly config: RemoteBasemapConfig,
    options: TileServiceOptions,
    private readonly log: (line: string) => void
  ) {
    this.basemap = remoteBasemapInfo(config, TILE_URL_TEMPLATE)
    this.upstream = createUpstreamTemplate(config)
    this.source = createHash('sha256').update(this.upstream.template).digest('hex').slice(0, 16)
    this.fetch = options.fetch ?? fetch
    this.now = options.now ?? Date.now
    this.maxAgeMs = config.cache.maxAgeHours * 3_600_000
    const cachePath = join(options.dataDir, TILE_CACHE_FILE)
    let cache: TileCache | null = null
    try {
      cache = TileCache.open(cachePath, { maxBytes: config.cache.maxMB * 1024 * 1024, now: this.now }, log)
    } catch (err) {
      log(`[tiles] 无法使用瓦片缓存，断网时将没有底图 / cannot use the tile cache ${cachePath}: ${(err as Error).message}; tiles will not be kept for offline use`)
    }
    this.cache = cache
    log(
      `[basemap] ${this.basemap.name} (${config.kind}, ${config.crs}, z${config.minZoom}–${config.maxZoom}) ` +
        `${this.upstream.redact(this.upstream.template)}; 缓存 / cache ${cachePath} (≤ ${config.cache.maxMB} MB)`
    )
  }

  info(): BasemapInfo {
    return this.basemap
  }

  async tile(z: number, x: number, y: number): Promise<Tile | null> {
    const c = { z, x, y }
    if (this.closed || !isValidTileCoord(c) || z < this.config.minZoom || z > this.config.maxZoom) return null
    let cached: ReturnType<TileCache['get']> = null
    try {
      cached = this.cache?.get(this.source, c) ?? null
    } catch (err) {
      this.log(`[tiles] 读取缓存失败 / cache read failed: ${(err as Error).message}`)
    }
    if (cached) {
      if (this.now() - cached.fetchedAt > this.maxAgeMs && !this.isOffline()) void this.fetchOnce(c)
      return { body: cached.data, contentType: cached.contentType }
    }
    if (this.isOffline()) return null
    return this.fetchOnce(c)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const controller of this.controllers) controller.abort()
    this.controllers.clear()
    this.cache?.close()
  }

  private isOffline(): boolean {
    return this.now() < this.offlineUntil
  }

  /** One upstream request per tile at a time, whoever asks. Never rejects. */
  private fetchOnce(c: TileCoord): Promise<Tile | null> {
    const key = `${c.z}/${c.x}/${c.y}`
    let pending = this.inflight.get(key)
    if (!pending) {
      pending = this.fetchUpstream(c).finally(() => this.inflight.delete(key))
      this.inflight.set(key, pending)
    }
    return pending
  }

  private async fetchUpstream(c: TileCoord): Promise<Tile | null> {
    const url = this.upstream.url(c)
    const controller = new AbortController()
    this.controllers.add(controller)
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs)
    try {
      const res = await this.fetch(url, { signal: controller.signal, headers: this.config.headers ?? {}, redirect: 'follow' })
      if (!res.ok) {
        await res.body?.cancel().catch(() => {})
        // 404 / 204: the server is fine, it simply has no tile there.
        if (res.status >= 500 || res.status === 429) this.markReachable(false, `HTTP ${res.status}`)
        return null
      }
      const length = Number(res.headers.get('content-length') ?? 0)
      if (length > MAX_TILE_BYTES) {
        await res.body?.cancel().catch(() => {})
        return null
      }
      const body = Buffer.from(await res.arrayBuffer())
      this.markReachable(true)
      const contentType = body.length <= MAX_TILE_BYTES ? sniffRasterType(body) : null
      if (!contentType) {
        // e.g. Tianditu's XML error for a wrong or exhausted key: never cached, never served.
        if (!this.badBodyLogged) {
          this.badBodyLogged = true
          this.log(
            `[tiles] 上游返回的不是图片（密钥错误或超出配额？）/ the upstream answered with something other than an image ` +
              `(wrong tk or quota exceeded?): ${this.upstream.redact(url)}: ${body.subarray(0, 120).toString('utf8').replace(/\s+/g, ' ')}`
          )
        }
        return null
      }
      if (this.closed) return null
      try {
        this.cache?.put(this.source, c, body, contentType)
      } catch (err) {
        this.log(`[tiles] 写入缓存失败 / cache write failed: ${(err as Error).message}`)
      }
      return { body, contentType }
    } catch (err) {
      if (!this.closed) this.markReachable(false, controller.signal.aborted ? `timeout after ${this.config.timeoutMs} ms` : (err as Error).message)
      return null
    } finally {
      clearTimeout(timer)
      this.controllers.delete(controller)
    }
  }

  private markReachable(ok: boolean, why = ''): void {
    if (!ok) this.offlineUntil = this.now() + OFFLINE_BACKOFF_MS
    if (this.reachable === ok) return
    this.reachable = ok
    if (ok) this.log('[tiles] 底图服务可访问 / the basemap server is reachable')
    else this.log(`[tiles] 底图服务不可访问，使用缓存瓦片 / the basemap server is unreachable (${this.upstream.redact(why)}): serving cached tiles only`)
  }
}
