import type { LonLat, MultiPolygonCoords, PolygonCoords } from './geo'

/**
 * Distances for the incident rings (docs/EMERGENCY.md, "Ring rules"), on WGS-84 in metres.
 * Points: the haversine great-circle distance on the mean Earth radius (IUGG), within 0.3 % of the
 * ellipsoid. Polygons (grids): the distance to the nearest edge in a local equirectangular plane
 * centred on the incident, which over 20 km differs from the haversine by less than 0.1 %.
 */
export const EARTH_RADIUS_M = 6_371_008.8
const RAD = Math.PI / 180
const M_PER_DEG = EARTH_RADIUS_M * RAD

export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD
  const dLon = (lon2 - lon1) * RAD
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** A lon/lat box holding every point within `radiusM` of the centre (a little larger: a pre-filter). */
export function boxAround(lon: number, lat: number, radiusM: number): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const dLat = (radiusM / M_PER_DEG) * 1.01 + 1e-6
  const cos = Math.max(0.01, Math.cos(Math.min(89, Math.abs(lat) + dLat) * RAD))
  const dLon = dLat / cos
  return { minLon: lon - dLon, maxLon: lon + dLon, minLat: lat - dLat, maxLat: lat + dLat }
}

/** The innermost ring (index into ascending radii) a distance falls in, or null beyond the last. */
export function ringOf(distanceM: number, ringsM: readonly number[]): number | null {
  const i = ringsM.findIndex((r) => distanceM <= r)
  return i < 0 ? null : i
}

export type PolygonGeometry = { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: MultiPolygonCoords }

/** The lon/lat bounding box of a polygon's outer rings. */
export function polygonBox(geometry: PolygonGeometry): { minLon: number; maxLon: number; minLat: number; maxLat: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  const box = { minLon: Infinity, maxLon: -Infinity, minLat: Infinity, maxLat: -Infinity }
  for (const [lon, lat] of polygons.flatMap((p) => p[0] ?? [])) {
    box.minLon = Math.min(box.minLon, lon)
    box.maxLon = Math.max(box.maxLon, lon)
    box.minLat = Math.min(box.minLat, lat)
    box.maxLat = Math.max(box.maxLat, lat)
  }
  return box
}

/** Even-odd rule over every ring, so holes are outside. */
function contains(polygons: readonly PolygonCoords[], [x, y]: LonLat): boolean {
  let inside = false
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
  }
  return inside
}

/** Metres from a point to a polygon: 0 inside it, else to its nearest edge. */
export function polygonDistanceM(lon: number, lat: number, geometry: PolygonGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  if (contains(polygons, [lon, lat])) return 0
  const kx = M_PER_DEG * Math.cos(lat * RAD)
  const ky = M_PER_DEG
  let best = Infinity
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1]![0] - lon) * kx
      const ay = (ring[i - 1]![1] - lat) * ky
      const dx = (ring[i]![0] - lon) * kx - ax
      const dy = (ring[i]![1] - lat) * ky - ay
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)))
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy))
    }
  }
  return best
}
