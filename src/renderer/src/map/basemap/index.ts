import type BaseLayer from 'ol/layer/Base'
import type { BasemapInfo } from '@shared/api/types'

/**
 * The basemap under the wall's layers, from `api.map.basemap()`. Returns null when none is
 * configured: the map then draws its own vector background from the district polygons.
 * (Tile sources for XYZ / WMTS / MBTiles come with the tile service.)
 */
export function createBasemapLayer(info: BasemapInfo): BaseLayer | null {
  if (info.kind === 'none' || !info.tileUrl) return null
  return null
}

/**
 * Converts a WGS-84 [lon, lat] to the basemap's coordinate system before projection, so our
 * layers sit on the tiles (GCJ-02 basemaps are offset by hundreds of metres). Identity for
 * WGS-84 / CGCS2000.
 */
export function toBasemapLonLat(info: BasemapInfo): (lonLat: [number, number]) => [number, number] {
  return (lonLat) => (info.crs === 'GCJ02' ? lonLat : lonLat)
}
