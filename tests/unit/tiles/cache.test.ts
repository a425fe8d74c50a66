import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TileCache } from '../../../src/main/tiles/cache'
import { createTileService, OFFLINE_BACKOFF_MS, type TileService } from '../../../src/main/tiles/service'
import { tempDir } from '../../support/tempDir'
import { png, startUpstream, type Upstream } from './fixtures'

describe('xyz / wmts tiles through the disk cache', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  async function setup(config: Record<string, unknown>, now?: () => number): Promise<{ upstream: Upstream; tiles: TileService; dir: string; lines: string[] }> {
    const upstream = await startUpstream()
    cleanups.push(() => upstream.stop())
    const d = tempDir()
    cleanups.push(() => d.remove())
    const url = String(config['url'] ?? '/tiles/{z}/{x}/{y}.png')
    writeFileSync(join(d.dir, 'basemap.json'), JSON.stringify({ kind: 'xyz', ...config, url: upstream.origin + url }))
    const lines: string[] = []
    const tiles = createTileService({ dataDir: d.dir, env: {}, log: (l) => lines.push(l), ...(now ? { now } : {}) })
    cleanups.push(() => tiles.close())
    return { upstream, tiles, dir: d.dir, lines }
  }

  it('fetches from the upstream once, then serves the cached tile after the upstream is gone', async () => {
    const { upstream, tiles, dir } = await setup({ tk: 'the-key-xyz', url: '/tiles/{z}/{x}/{y}.png?tk={tk}' })
    const first = await tiles.tile(5, 26, 12)
    expect(first?.contentType).toBe('image/png')
    expect(first?.body.toString()).toContain('5/26/12')
    expect(upstream.requests).toEqual(['/tiles/5/26/12.png?tk=the-key-xyz'])
    expect(existsSync(join(dir, 'tile-cache.sqlite3'))).toBe(true)

    await tiles.tile(5, 26, 12)
    expect(upstream.requests).toHaveLength(1)

    await upstream.stop()
    expect((await tiles.tile(5, 26, 12))?.body.toString()).toContain('5/26/12')
    // Never fetched, and no network: nothing (the route answers 204).
    expect(await tiles.tile(5, 27, 12)).toBeNull()
  })

  it('keeps the cache across restarts (a wall that starts offline still has its basemap)', async () => {
    const { upstream, tiles, dir } = await setup({})
    await tiles.tile(3, 1, 2)
    tiles.close()
    await upstream.stop()
    const again = createTileService({ dataDir: dir, env: {}, log: () => {} })
    cleanups.push(() => again.close())
    expect((await again.tile(3, 1, 2))?.body.toString()).toContain('3/1/2')
  })

  it('returns null, not an error, for 404, non-image bodies, timeouts and zooms out of range', async () => {
    let t = 1_000_000
    const { tiles, upstream } = await setup({ url: '/missing/{z}/{x}/{y}', minZoom: 2, maxZoom: 4 }, () => t)
    expect(await tiles.tile(3, 1, 1)).toBeNull()
    expect(await tiles.tile(1, 0, 0)).toBeNull()
    expect(await tiles.tile(5, 0, 0)).toBeNull()
    expect(await tiles.tile(3, 8, 0)).toBeNull()
    expect(upstream.requests).toEqual(['/missing/3/1/1'])

    const xml = await setup({ url: '/xml/{z}/{x}/{y}?tk={tk}', tk: 'bad-key-123' })
    expect(await xml.tiles.tile(3, 1, 1)).toBeNull()
    expect(await xml.tiles.tile(3, 1, 1)).toBeNull()
    expect(xml.upstream.requests).toHaveLength(2) // an error body is never cached
    expect(xml.lines.join('\n')).toMatch(/not an image|other than an image/)
    expect(xml.lines.join('\n')).not.toContain('bad-key-123')

    const slow = await setup({ url: '/slow/{z}/{x}/{y}', timeoutMs: 500 }, () => t)
    const started = Date.now()
    expect(await slow.tiles.tile(3, 1, 1)).toBeNull()
    expect(Date.now() - started).toBeLessThan(3000)
    expect(slow.lines.join('\n')).toMatch(/unreachable \(timeout after 500 ms\)/)
    // Offline: uncached tiles are not asked again until the back-off has passed.
    expect(await slow.tiles.tile(3, 2, 1)).toBeNull()
    expect(slow.upstream.requests).toHaveLength(1)
    t += OFFLINE_BACKOFF_MS + 1
    expect(await slow.tiles.tile(3, 2, 1)).toBeNull()
    expect(slow.upstream.requests).toHaveLength(2)
  })

  it('serves a stale tile at once and refreshes it in the background', async () => {
    let t = 1_000_000
    const { tiles, upstream } = await setup({ cache: { maxAgeHours: 1 } }, () => t)
    await tiles.tile(4, 3, 3)
    t += 2 * 3_600_000
    expect((await tiles.tile(4, 3, 3))?.body.toString()).toContain('4/3/3')
    await new Promise((r) => setTimeout(r, 200))
    expect(upstream.requests).toEqual(['/tiles/4/3/3.png', '/tiles/4/3/3.png'])
    await tiles.tile(4, 3, 3)
    expect(upstream.requests).toHaveLength(2)
  })

  it('aborts upstream requests on close', async () => {
    const { tiles } = await setup({ url: '/slow/{z}/{x}/{y}', timeoutMs: 30_000 })
    const pending = tiles.tile(2, 1, 1)
    await new Promise((r) => setTimeout(r, 50))
    const started = Date.now()
    tiles.close()
    expect(await pending).toBeNull()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await tiles.tile(2, 1, 1)).toBeNull()
  })
})

describe('tile cache file', () => {
  it('stays under its size bound, evicting the least recently used tiles', () => {
    const d = tempDir()
    let t = 0
    const cache = TileCache.open(join(d.dir, 'tile-cache.sqlite3'), { maxBytes: 10_000, now: () => t })
    try {
      const tile = png('x'.repeat(992)) // 1000 bytes
      for (let i = 0; i < 8; i++) {
        t += 120_000
        cache.put('src', { z: 5, x: i, y: 0 }, tile, 'image/png')
      }
      t += 120_000
      expect(cache.get('src', { z: 5, x: 0, y: 0 })).not.toBeNull() // recently used now
      for (let i = 8; i < 30; i++) {
        t += 120_000
        cache.put('src', { z: 5, x: i, y: 0 }, tile, 'image/png')
        expect(cache.size()).toBeLessThanOrEqual(10_000)
      }
      expect(cache.count()).toBeLessThanOrEqual(10)
      expect(cache.get('src', { z: 5, x: 29, y: 0 })).not.toBeNull()
      expect(cache.get('src', { z: 5, x: 1, y: 0 })).toBeNull()
      // Replacing a tile does not count it twice.
      const before = cache.size()
      cache.put('src', { z: 5, x: 29, y: 0 }, tile, 'image/png')
      expect(cache.size()).toBe(before)
      // Sources (upstream templates) do not mix.
      expect(cache.get('other', { z: 5, x: 29, y: 0 })).toBeNull()
    } finally {
      cache.close()
      d.remove()
    }
  })

  it('moves a foreign or corrupt file aside and starts a new cache', () => {
    const d = tempDir()
    const path = join(d.dir, 'tile-cache.sqlite3')
    writeFileSync(path, 'garbage '.repeat(1000))
    const lines: string[] = []
    const cache = TileCache.open(path, { maxBytes: 1_000_000 }, (l) => lines.push(l))
    cache.put('s', { z: 0, x: 0, y: 0 }, png('a'), 'image/png')
    expect(cache.count()).toBe(1)
    expect(lines.join('\n')).toMatch(/moved to .*corrupt-/)
    cache.close()
    d.remove()
  })
})
