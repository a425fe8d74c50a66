import gcoord from 'gcoord'
import type { RegionGeometry } from '@shared/api/types'
import type { CoordinateSystem, LonLat } from '@shared/domain/geo'

/**
 * A converter to WGS-84, which the store keeps. CGCS2000 differs from WGS-84 by centimetres
 * (far below digitising accuracy at grid scale): it is taken as equal. GCJ-02 and BD-09 are
 * converted with gcoord (which leaves points outside China unchanged).
 */
export function toWgs84(crs: CoordinateSystem): (lon: number, lat: number) => LonLat {
  if (crs === 'WGS84' || crs === 'CGCS2000') return (lon, lat) => [lon, lat]
  const from = crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09
  return (lon, lat) => gcoord.transform<LonLat>([lon, lat], from, gcoord.WGS84)
}

/** The geometry with every position converted (a new object). */
export function geometryToWgs84(geometry: RegionGeometry, convert: (lon: number, lat: number) => LonLat): RegionGeometry {
  const ring = (r: LonLat[]): LonLat[] => r.map(([x, y]) => convert(x, y))
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) }
}
