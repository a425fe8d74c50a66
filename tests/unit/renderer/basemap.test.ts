import { describe, expect, it } from 'vitest'
import type { BasemapInfo } from '@shared/api/types'
import { toBasemapLonLat } from '@renderer/map/basemap/crs'
import { basemapSourceOptions } from '@renderer/map/basemap/source'

/** The renderer's pure basemap functions. */


const info = (over: Partial<BasemapInfo> = {}): BasemapInfo => ({
  kind: 'xyz',
  name: '天地图 矢量',
  crs: 'CGCS2000',
  tileUrl: '/tiles/{z}/{x}/{y}',
  minZoom: 1,
  maxZoom: 18,
  attribution: '天地图',
  ...over
})

/** Metres between two nearby [lon, lat] points (equirectangular, fine at this scale). */
function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180
  const dx = (a[0] - b[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad) * 6_371_000
  const dy = (a[1] - b[1]) * rad * 6_371_000
  return Math.hypot(dx, dy)
}

describe('basemap coordinates (renderer, pure)', () => {
  it('converts WGS-84 to GCJ-02 for GCJ-02 basemaps (Tiananmen, a known point)', () => {
    const toGcj = toBasemapLonLat(info({ crs: 'GCJ02' }))
    const out = toGcj([116.397, 39.908])
    expect(metres(out, [116.4032, 39.9094])).toBeLessThan(15)
    // The shift itself is hundreds of metres: the reason the conversion exists.
    expect(metres(out, [116.397, 39.908])).toBeGreaterThan(400)
  })

  it('leaves WGS-84 and CGCS2000 as they are', () => {
    expect(toBasemapLonLat(info({ crs: 'WGS84' }))([116.397, 39.908])).toEqual([116.397, 39.908])
    expect(toBasemapLonLat(info({ crs: 'CGCS2000' }))([114.05, 22.54])).toEqual([114.05, 22.54])
  })
})

describe('basemap source options (renderer, pure)', () => {
  it('builds an XYZ source on our own /tiles route', () => {
    expect(basemapSourceOptions(info())).toEqual({
      url: '/tiles/{z}/{x}/{y}',
      minZoom: 1,
      maxZoom: 18,
      attributions: '天地图',
      projection: 'EPSG:3857'
    })
    expect(basemapSourceOptions(info({ attribution: ' ' }))?.attributions).toBeUndefined()
  })

  it('draws no tiles for none, or for a URL that is not on our origin', () => {
    expect(basemapSourceOptions(info({ kind: 'none', tileUrl: null }))).toBeNull()
    expect(basemapSourceOptions(info({ tileUrl: null }))).toBeNull()
    expect(basemapSourceOptions(info({ tileUrl: 'https://t0.tianditu.gov.cn/{z}/{x}/{y}' }))).toBeNull()
    expect(basemapSourceOptions(info({ tileUrl: '//evil.example/{z}/{x}/{y}' }))).toBeNull()
  })

  it('keeps zoom levels within 0–22 and in order', () => {
    expect(basemapSourceOptions(info({ minZoom: -3, maxZoom: 40 }))).toMatchObject({ minZoom: 0, maxZoom: 22 })
    expect(basemapSourceOptions(info({ minZoom: 10, maxZoom: 5 }))).toMatchObject({ minZoom: 10, maxZoom: 10 })
  })
})
