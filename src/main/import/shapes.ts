import turfArea from '@turf/area'
import type { RegionGeometry } from '@shared/api/types'
import type { LonLat, MultiPolygonCoords } from '@shared/domain/geo'
import { bboxOf, centroid, containsPoint, type BBox } from '../demo/geometry'

/** Every geometry as a list of polygons (polyclip's MultiPoly). */
export const polygonsOf = (g: RegionGeometry): MultiPolygonCoords => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

/** Geodesic area in m² of polygons in WGS-84. */
export const areaM2 = (mp: MultiPolygonCoords): number => (mp.length === 0 ? 0 : turfArea({ type: 'MultiPolygon', coordinates: mp }))

export const bbox = (mp: MultiPolygonCoords): BBox => bboxOf(mp)

/**
 * A point inside the polygons, to name where a problem is: the area-weighted centroid when it
 * lies inside, else the middle of the widest inside stretch of the scanline through the middle
 * of the largest part.
 */
export function interiorPoint(mp: MultiPolygonCoords): LonLat {
  const c = centroid(mp)
  if (containsPoint(mp, c[0], c[1])) return c
  const largest = mp.reduce((best, p) => (areaM2([p]) > areaM2([best]) ? p : best), mp[0]!)
  const box = bboxOf([largest])
  const y = (box.minY + box.maxY) / 2
  const xs: number[] = []
  for (const ring of largest) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!
      const [xj, yj] = ring[j]!
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi)
    }
  }
  xs.sort((a, b) => a - b)
  let best: LonLat = largest[0]![0]!
  let width = -1
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!
      best = [(xs[i]! + xs[i + 1]!) / 2, y]
    }
  }
  return best
}

/** Centroid for the store (may lie outside a concave or split region; the map only labels with it). */
export const centroidOf = (mp: MultiPolygonCoords): LonLat => centroid(mp)

const round = (v: number, digits: number): number => Number(v.toFixed(digits))
/** A location as reported: 6 decimals (~0.1 m). */
export const reportPoint = (p: LonLat): [number, number] => [round(p[0], 6), round(p[1], 6)]
