import type { Store } from '../store/store'

/** A snapshot route's answer (status, and the image when 200). */
export interface SnapshotAnswer {
  status: 200 | 400 | 403 | 404 | 502 | 504
  contentType?: string
  body?: Uint8Array
  /** Why not, in both languages (for the log and the response body). */
  message?: string
}

export interface SnapshotServiceOptions {
  store: Store
  /** Whether snapshots may be fetched from this host (the deployer's list; docs/ALERTS.md). */
  allowedHost: (url: URL) => boolean
  fetch?: typeof fetch
  timeoutMs?: number
  maxBytes?: number
  /** Memory for recently shown snapshots. */
  cacheBytes?: number
}

const IMAGE_TYPES = /^image\/(jpeg|png|webp|gif)\b/i

/**
 * Camera snapshots through our own origin (`/snapshots/<alert id>` in the browser host,
 * `app://gcc/snapshots/<alert id>` in Electron), so the wall's CSP stays `img-src 'self'` and the
 * page never learns or reaches the camera network. Only an alert's own snapshot URL is fetched,
 * only from allowed hosts, over http(s), with a time limit and a size cap; recent ones are kept
 * in a bounded memory cache (a snapshot of an alert does not change).
 */
export class SnapshotService {
  private readonly cache = new Map<string, { contentType: string; body: Uint8Array }>()
  private cached = 0
  private readonly fetch: typeof fetch
  private readonly timeoutMs: number
  private readonly maxBytes: number
  private readonly cacheBytes: number

  constructor(private readonly o: SnapshotServiceOptions) {
    this.fetch = o.fetch ?? fetch
    this.timeoutMs = o.timeoutMs ?? 5000
    this.maxBytes = o.maxBytes ?? 5 * 1024 * 1024
    this.cacheBytes = o.cacheBytes ?? 64 * 1024 * 1024
  }

  async answer(alertId: string): Promise<SnapshotAnswer> {
    if (alertId.length === 0 || alertId.length > 200) return { status: 400, message: '预警编号无效 / bad alert id' }
    const hit = this.cache.get(alertId)
    if (hit) {
      // Most recently used last.
      this.cache.delete(alertId)
      this.cache.set(alertId, hit)
      return { status: 200, ...hit }
    }
    const alert = this.o.store.alerts.view(alertId)
    if (!alert?.snapshotUrl) return { status: 404, message: '该预警没有抓拍图 / no snapshot for this alert' }
    let url: URL
    try {
      url = new URL(alert.snapshotUrl)
    } catch {
      return { status: 404, message: '抓拍图地址无效 / the snapshot URL is not a URL' }
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !this.o.allowedHost(url)) {
      return { status: 403, message: `不允许从该地址获取抓拍图 / snapshots from ${url.host} are not allowed (mqtt.json snapshots.allowedHosts)` }
    }
    let response: Response
    try {
      response = await this.fetch(url, { signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' })
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError'
      return { status: timedOut ? 504 : 502, message: `抓拍图获取失败 / fetching the snapshot failed: ${(err as Error).message}` }
    }
    const contentType = response.headers.get('content-type') ?? ''
    if (!response.ok || !IMAGE_TYPES.test(contentType)) {
      await response.body?.cancel()
      return { status: 502, message: `抓拍图服务器应答无效 / the snapshot server answered ${response.status} ${contentType}` }
    }
    const body = await this.readCapped(response)
    if (!body) return { status: 502, message: `抓拍图过大 / the snapshot is over ${this.maxBytes} bytes` }
    this.remember(alertId, contentType, body)
    return { status: 200, contentType, body }
  }

  private async readCapped(response: Response): Promise<Uint8Array | null> {
    const reader = response.body?.getReader()
    if (!reader) return new Uint8Array()
    const chunks: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > this.maxBytes) {
        await reader.cancel()
        return null
      }
      chunks.push(value)
    }
    const body = new Uint8Array(size)
    let at = 0
    for (const c of chunks) {
      body.set(c, at)
      at += c.byteLength
    }
    return body
  }

  private remember(alertId: string, contentType: string, body: Uint8Array): void {
    if (body.byteLength > this.cacheBytes) return
    this.cache.set(alertId, { contentType, body })
    this.cached += body.byteLength
    for (const [id, entry] of this.cache) {
      if (this.cached <= this.cacheBytes) break
      this.cache.delete(id)
      this.cached -= entry.body.byteLength
    }
  }
}
