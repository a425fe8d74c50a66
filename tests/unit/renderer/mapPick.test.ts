import { describe, expect, it } from 'vitest'
import gcoord from 'gcoord'
import { toLonLat } from 'ol/proj'
import type { MapRegion } from '@shared/api/types'
import { toBasemapLonLat } from '@renderer/map/basemap/crs'
import { projector, projectWgs84 } from '@renderer/map/features'
import { gridAt, unproject } from '@renderer/map/pickPoint'

/** A pixel on the map → WGS-84 (the point picked for an incident): the inverse of the wall's projections. */

const projectGcj02 = projector(toBasemapLonLat({ crs: 'GCJ02' }))
/** Guangming (Shenzhen), Tiananmen, Urumqi, and a point outside China (GCJ-02 leaves it as it is). */
const points: [number, number][] = [
  [113.925, 22.725],
  [113.93871, 22.77312],
  [116.397, 39.908],
  [87.6168, 43.8256],
  [2.3522, 48.8566]
]

describe('unproject: map coordinate → WGS-84', () => {
  it('inverts the WGS-84 projection (no basemap, Tianditu) to well under a millimetre', () => {
    for (const p of points) {
      const [lon, lat] = unproject(projectWgs84, projectWgs84(p))
      expect(lon).toBeCloseTo(p[0], 9)
      expect(lat).toBeCloseTo(p[1], 9)
    }
  })

  it('inverts the GCJ-02 projection: the round trip comes back to the WGS-84 point, not the shifted one', () => {
    for (const p of points) {
      const coordinate = projectGcj02(p)
      const [lon, lat] = unproject(projectGcj02, coordinate)
      expect(lon).toBeCloseTo(p[0], 8)
      expect(lat).toBeCloseTo(p[1], 8)
      // And the projection of the answer lands on the same map coordinate.
      const again = projectGcj02([lon, lat])
      expect(Math.hypot(again[0]! - coordinate[0]!, again[1]! - coordinate[1]!)).toBeLessThan(0.001)
    }
    // Inside China the shift is hundreds of metres: a plain toLonLat would be that far off.
    const [lon, lat] = toLonLat(projectGcj02(points[0]!))
    expect(Math.abs(lon! - points[0]![0]) + Math.abs(lat! - points[0]![1])).toBeGreaterThan(0.003)
  })

  it('agrees with gcoord’s own GCJ-02 → WGS-84 (iterated to 1e-6°)', () => {
    for (const p of points.slice(0, 4)) {
      const gcj = toLonLat(projectGcj02(p)) as [number, number]
      const [lon, lat] = unproject(projectGcj02, projectGcj02(p))
      const [glon, glat] = gcoord.transform<[number, number]>(gcj, gcoord.GCJ02, gcoord.WGS84)
      expect(Math.abs(lon - glon)).toBeLessThan(2e-6)
      expect(Math.abs(lat - glat)).toBeLessThan(2e-6)
    }
  })

  it('finds the grid holding the picked point, or none outside the district', () => {
    const square = (code: string, x: number, y: number): MapRegion =>
      ({ code, name: `网格${code}`, level: 'grid', parentCode: null, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.05, y], [x + 0.05, y + 0.05], [x, y + 0.05], [x, y]]] } }) as MapRegion
    const grids = [square('G1', 113.9, 22.7), square('G2', 113.95, 22.7)]
    expect(gridAt(grids, [113.925, 22.725])?.code).toBe('G1')
    expect(gridAt(grids, [113.97, 22.71])?.code).toBe('G2')
    expect(gridAt(grids, [114.1, 22.71])).toBeNull()
  })
})
