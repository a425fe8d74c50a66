import { describe, expect, it } from 'vitest'
import type { BasemapInfo } from '@shared/api/types'
import { createBasemapLayer } from '@renderer/map/basemap'

/** createBasemapLayer builds real OpenLayers objects (no DOM needed to construct them). */

const info = (over: Partial<BasemapInfo> = {}): BasemapInfo => ({
  kind: 'mbtiles',
  name: '离线底图',
  crs: 'WGS84',
  tileUrl: '/tiles/{z}/{x}/{y}',
  minZoom: 2,
  maxZoom: 17,
  attribution: '测绘院',
  ...over
})

describe('createBasemapLayer (renderer)', () => {
  it('is an XYZ tile layer on our own /tiles route, in Web Mercator, within the zoom range', () => {
    const layer = createBasemapLayer(info())
    if (!layer) throw new Error('expected a layer')
    const source = layer.getSource()
    if (!source) throw new Error('expected a source')
    expect(source.getUrls()).toEqual(['/tiles/{z}/{x}/{y}'])
    const projection = source.getProjection()
    if (!projection) throw new Error('expected a projection')
    expect(projection.getCode()).toBe('EPSG:3857')
    expect(source.getTileGrid()?.getMinZoom()).toBe(2)
    expect(source.getTileGrid()?.getMaxZoom()).toBe(17)
    expect(source.getTileUrlFunction()([12, 3372, 1552], 1, projection)).toBe('/tiles/12/3372/1552')
    expect(layer.get('basemap')).toBe(true)
    layer.dispose()
  })

  it('is null when there is no basemap', () => {
    expect(createBasemapLayer(info({ kind: 'none', tileUrl: null }))).toBeNull()
  })
})
