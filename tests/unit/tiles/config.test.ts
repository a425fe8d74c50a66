import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadBasemapConfig, parseBasemapConfig } from '../../../src/main/tiles/config'
import { createTileService } from '../../../src/main/tiles/service'
import { createUpstreamTemplate } from '../../../src/main/tiles/upstream'
import { tempDir } from '../../support/tempDir'

const TK = 'secret-tianditu-key-0123456789abcdef'
const tianditu = {
  kind: 'xyz',
  name: '天地图 矢量',
  url: 'https://t{0-7}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}',
  tk: TK,
  crs: 'CGCS2000',
  minZoom: 1,
  maxZoom: 18,
  attribution: '天地图'
}

describe('basemap configuration', () => {
  const dirs: { remove: () => void }[] = []
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()))
  const dataDir = (): string => {
    const d = tempDir()
    dirs.push(d)
    return d.dir
  }

  it('is none when there is no file, without complaining', () => {
    const lines: string[] = []
    expect(loadBasemapConfig(dataDir(), {}, (l) => lines.push(l))).toEqual({ kind: 'none' })
    expect(lines).toEqual([])
  })

  it('reads <dataDir>/basemap.json, and never lets the tk reach BasemapInfo', () => {
    const dir = dataDir()
    writeFileSync(join(dir, 'basemap.json'), JSON.stringify(tianditu))
    const lines: string[] = []
    const tiles = createTileService({ dataDir: dir, env: {}, log: (l) => lines.push(l) })
    try {
      const info = tiles.info()
      expect(info).toEqual({ kind: 'xyz', name: '天地图 矢量', crs: 'CGCS2000', tileUrl: '/tiles/{z}/{x}/{y}', minZoom: 1, maxZoom: 18, attribution: '天地图' })
      expect(JSON.stringify(info)).not.toContain(TK)
      expect(JSON.stringify(info)).not.toContain('tianditu.gov.cn')
      expect(lines.join('\n')).not.toContain(TK)
    } finally {
      tiles.close()
    }
  })

  it('follows GCC_BASEMAP to another file, and resolves an mbtiles path against it', () => {
    const dir = dataDir()
    const file = join(dir, 'elsewhere.json')
    writeFileSync(file, JSON.stringify({ kind: 'mbtiles', path: 'tiles/district.mbtiles' }))
    expect(loadBasemapConfig(dataDir(), { GCC_BASEMAP: file }, () => {})).toMatchObject({ kind: 'mbtiles', path: join(dir, 'tiles/district.mbtiles') })
  })

  it('builds a WMTS GetTile template for EPSG:3857 and appends the tk', () => {
    const config = parseBasemapConfig(
      JSON.stringify({ kind: 'wmts', url: 'http://10.0.0.5/geoserver/gwc/service/wmts', layer: 'district:basemap', matrixSet: 'EPSG:900913', tileMatrixPrefix: 'EPSG:900913:', tk: 'k1' }),
      '/x.json'
    )
    if (config.kind !== 'wmts') throw new Error('expected wmts')
    const upstream = createUpstreamTemplate(config)
    expect(upstream.url({ z: 3, x: 6, y: 2 })).toBe(
      'http://10.0.0.5/geoserver/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=district%3Abasemap&STYLE=default' +
        '&TILEMATRIXSET=EPSG%3A900913&FORMAT=image%2Fpng&TILEMATRIX=EPSG%3A900913%3A3&TILEROW=2&TILECOL=6&tk=k1'
    )
    expect(config).toMatchObject({ crs: 'WGS84', minZoom: 0, maxZoom: 18, timeoutMs: 5000, cache: { maxMB: 1024 } })
  })

  it('rotates subdomains, and fills {-y} with the TMS row', () => {
    const config = parseBasemapConfig(JSON.stringify({ kind: 'xyz', url: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{-y}.png' }), '/x.json')
    if (config.kind !== 'xyz') throw new Error('expected xyz')
    const upstream = createUpstreamTemplate(config)
    expect(upstream.url({ z: 2, x: 0, y: 0 })).toBe('https://a.tile.openstreetmap.org/2/0/3.png')
    expect(upstream.url({ z: 2, x: 1, y: 0 })).toBe('https://b.tile.openstreetmap.org/2/1/3.png')
    const tdt = parseBasemapConfig(JSON.stringify(tianditu), '/x.json')
    if (tdt.kind !== 'xyz') throw new Error('expected xyz')
    const t = createUpstreamTemplate(tdt)
    expect(t.url({ z: 5, x: 3, y: 4 })).toMatch(/^https:\/\/t7\.tianditu\.gov\.cn\/.*TILEMATRIX=5&TILEROW=4&TILECOL=3&tk=secret/)
    expect(t.template).not.toContain(TK)
    expect(t.redact(t.url({ z: 5, x: 3, y: 4 }))).not.toContain(TK)
  })

  it.each([
    ['not JSON', '{ kind: xyz', /不是有效的 JSON .* not valid JSON/],
    ['an unknown kind', JSON.stringify({ kind: 'tms', url: 'http://a/{z}/{x}/{y}' }), /底图配置无效 .* invalid basemap configuration .*kind/],
    ['no {z}/{x}/{y}', JSON.stringify({ kind: 'xyz', url: 'http://a/tiles' }), /url: the URL template needs \{z\}/],
    ['a file: URL', JSON.stringify({ kind: 'xyz', url: 'file:///etc/{z}/{x}/{y}' }), /url: must be an http/],
    ['{tk} without tk', JSON.stringify({ kind: 'xyz', url: 'https://t0.tianditu.gov.cn/{z}/{x}/{y}?tk={tk}' }), /no "tk" is set/],
    ['zoom out of range', JSON.stringify({ kind: 'xyz', url: 'http://a/{z}/{x}/{y}', maxZoom: 30 }), /maxZoom/],
    ['minZoom above maxZoom', JSON.stringify({ kind: 'xyz', url: 'http://a/{z}/{x}/{y}', minZoom: 12, maxZoom: 5 }), /minZoom must not exceed maxZoom/],
    ['an unknown crs', JSON.stringify({ kind: 'xyz', url: 'http://a/{z}/{x}/{y}', crs: 'BD09' }), /crs/],
    ['an unknown field', JSON.stringify({ kind: 'xyz', url: 'http://a/{z}/{x}/{y}', tileSize: 512 }), /tileSize/],
    ['wmts without a layer', JSON.stringify({ kind: 'wmts', url: 'http://a/wmts', matrixSet: 'w' }), /layer/]
  ])('refuses %s with a bilingual message and falls back to none', (_what, text, message) => {
    const dir = dataDir()
    writeFileSync(join(dir, 'basemap.json'), text)
    expect(() => parseBasemapConfig(text, join(dir, 'basemap.json'))).toThrow(message)
    const lines: string[] = []
    const tiles = createTileService({ dataDir: dir, env: {}, log: (l) => lines.push(l) })
    expect(tiles.info()).toMatchObject({ kind: 'none', tileUrl: null })
    expect(lines.join('\n')).toMatch(/basemap\.json/)
    expect(lines.join('\n')).toMatch(/矢量底图 \/ falling back/)
    tiles.close()
  })

  it('says so when GCC_BASEMAP names a missing file', () => {
    const lines: string[] = []
    expect(loadBasemapConfig(dataDir(), { GCC_BASEMAP: '/nonexistent/basemap.json' }, (l) => lines.push(l))).toEqual({ kind: 'none' })
    expect(lines.join('\n')).toMatch(/GCC_BASEMAP .*missing file/)
  })
})
