import type { LonLat } from '@shared/domain/geo'
import type { RegionGeometry } from '@shared/api/types'
import { ringSignedArea, type MultiPoly, type Point, type Ring } from './geometry'

/** ~0.1 m: finer than any map needs, and it keeps the JSON small. */
const COORD_DECIMALS = 1e6
export const roundCoord = (v: number): number => Math.round(v * COORD_DECIMALS) / COORD_DECIMALS

/**
 * Local equirectangular projection around the district centre (WGS-84). Over ~15 km its
 * distortion is far below what the map shows; the same planar point always maps to the same
 * rounded lon/lat, so neighbouring polygons keep identical shared vertices.
 */
export class LocalProjection {
  private readonly metresPerDegLon: number
  private readonly metresPerDegLat: number

  constructor(readonly center: LonLat) {
    const phi = (center[1] * Math.PI) / 180
    this.metresPerDegLat = 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi)
    this.metresPerDegLon = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi)
  }

  toLonLat(p: Point): LonLat {
    return [roundCoord(this.center[0] + p[0] / this.metresPerDegLon), roundCoord(this.center[1] + p[1] / this.metresPerDegLat)]
  }

  fromLonLat(p: LonLat): Point {
    return [(p[0] - this.center[0]) * this.metresPerDegLon, (p[1] - this.center[1]) * this.metresPerDegLat]
  }

  /** GeoJSON (RFC 7946 winding: outer rings counter-clockwise, holes clockwise). */
  toGeometry(mp: MultiPoly): RegionGeometry {
    const polygons = mp
      .map((poly) => poly.map((ring, i) => this.ringToLonLat(ring, i === 0)).filter((r) => r.length >= 4))
      .filter((poly) => poly.length > 0)
    return polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons }
  }

  private ringToLonLat(ring: Ring, outer: boolean): LonLat[] {
    const out: LonLat[] = []
    for (const p of ring) {
      const q = this.toLonLat(p)
      const last = out[out.length - 1]
      // Rounding can merge neighbouring vertices; repeated positions are not allowed in a ring.
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q)
    }
    const first = out[0]
    const last = out[out.length - 1]
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]])
    const ccw = ringSignedArea(out) > 0
    return ccw === outer ? out : out.reverse()
  }
}
