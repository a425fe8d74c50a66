import TileLayer from 'ol/layer/Tile'
import XYZ from 'ol/source/XYZ'
import type { BasemapInfo } from '@shared/api/types'
import { basemapSourceOptions } from './source'

export { toBasemapLonLat, type LonLat } from './crs'
export { basemapSourceOptions, type BasemapSourceOptions } from './source'

/**
 * The basemap under the wall's layers, from `api.map.basemap()`: a tile layer on our own
 * /tiles/{z}/{x}/{y} route (main fetches, caches or reads the tiles; a missing tile is a 204 and
 * draws nothing). Null when none is configured: the map then draws its own vector background
 * from the district polygons. The caller owns the layer: dispose it (and its source) on unmount.
 */
export function createBasemapLayer(info: BasemapInfo): TileLayer<XYZ> | null {
  const options = basemapSourceOptions(info)
  if (!options) return null
  const source = new XYZ({
    url: options.url,
    minZoom: options.minZoom,
    maxZoom: options.maxZoom,
    projection: options.projection,
    attributions: options.attributions,
    attributionsCollapsible: false,
    // Tiles come from our own origin: no CORS mode needed, and a missing one simply stays empty.
    transition: 0
  })
  return new TileLayer({ source, preload: 1, properties: { basemap: true } })
}
