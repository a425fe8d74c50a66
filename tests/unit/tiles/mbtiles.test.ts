import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createTileService } from '../../../src/main/tiles/service'
import { tempDir } from '../../support/tempDir'
import { jpeg, png, writeMbtiles } from './fixtures'

describe('offline MBTiles package', () => {
  const dirs: { remove: () => void }[] = []
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()))
  const setup = (metadata: Record<string, string>, tiles: Parameters<typeof writeMbtiles>[2], extra: Record<string, unknown> = {}) => {
    const d = tempDir()
    dirs.push(d)
    writeMbtiles(join(d.dir, 'district.mbtiles'), metadata, tiles)
    // A relative path: resolved against the configuration file's folder.
    writeFileSync(join(d.dir, 'basemap.json'), JSON.stringify({ kind: 'mbtiles', path: 'district.mbtiles', ...extra }))
    const lines: string[] = []
    return { service: createTileService({ dataDir: d.dir, env: {}, log: (l) => lines.push(l) }), lines }
  }

  it('reads tiles by XYZ coordinates from TMS rows, with info from the metadata', async () => {
    const { service } = setup({ name: '示范区离线底图', format: 'png', minzoom: '1', maxzoom: '3', attribution: '测绘院', crs: 'GCJ-02' }, [
      { z: 1, x: 0, y: 0, data: png('north-west') },
      { z: 1, x: 0, y: 1, data: png('south-west') },
      { z: 3, x: 6, y: 2, data: jpeg('z3') }
    ])
    try {
      expect(service.info()).toEqual({ kind: 'mbtiles', name: '示范区离线底图', crs: 'GCJ02', tileUrl: '/tiles/{z}/{x}/{y}', minZoom: 1, maxZoom: 3, attribution: '测绘院' })
      expect((await service.tile(1, 0, 0))?.body.toString()).toContain('north-west')
      expect((await service.tile(1, 0, 1))?.body.toString()).toContain('south-west')
      expect(await service.tile(3, 6, 2)).toMatchObject({ contentType: 'image/jpeg' })
      expect((await service.tile(1, 0, 0))?.contentType).toBe('image/png')
      expect(await service.tile(1, 1, 1)).toBeNull()
      expect(await service.tile(3, 6, 5)).toBeNull()
      expect(await service.tile(1, 0, 2)).toBeNull()
    } finally {
      service.close()
    }
    expect(await service.tile(1, 0, 0)).toBeNull()
  })

  it('lets the configuration override crs and name', () => {
    const { service } = setup({ format: 'jpg' }, [], { crs: 'CGCS2000', name: '离线 影像' })
    expect(service.info()).toMatchObject({ kind: 'mbtiles', name: '离线 影像', crs: 'CGCS2000', minZoom: 0, maxZoom: 18 })
    service.close()
  })

  it('refuses vector (pbf) packages, saying only raster is supported', async () => {
    const { service, lines } = setup({ format: 'pbf' }, [{ z: 0, x: 0, y: 0, data: gzipSync(Buffer.from('vector')) }])
    expect(service.info().kind).toBe('none')
    expect(lines.join('\n')).toMatch(/pbf.*only raster png, jpg or webp/)
    expect(await service.tile(0, 0, 0)).toBeNull()
  })

  it('falls back to none for a missing or foreign file', () => {
    const d = tempDir()
    dirs.push(d)
    writeFileSync(join(d.dir, 'basemap.json'), JSON.stringify({ kind: 'mbtiles', path: join(d.dir, 'nope.mbtiles') }))
    const lines: string[] = []
    expect(createTileService({ dataDir: d.dir, env: {}, log: (l) => lines.push(l) }).info().kind).toBe('none')
    expect(lines.join('\n')).toMatch(/找不到离线瓦片包 .* does not exist/)
    writeFileSync(join(d.dir, 'nope.mbtiles'), 'not sqlite at all, just text '.repeat(100))
    lines.length = 0
    expect(createTileService({ dataDir: d.dir, env: {}, log: (l) => lines.push(l) }).info().kind).toBe('none')
    expect(lines.join('\n')).toMatch(/MBTiles/)
  })
})
