import { toLonLat } from 'ol/proj'
import type { MapRegion } from '@shared/api/types'
import type { Project } from './features'
import { containsPoint } from './geometry'

/** Steps of the inverse's iteration at most (GCJ-02 takes 2–3 to 1e-9°); a safeguard at China's bounding box, where the offset jumps. */
const MAX_STEPS = 20
/** 1e-9° is about 0.1 mm. */
const EPSILON_DEG = 1e-9

/**
 * The inverse of a `Project` (features.ts): a map coordinate (EPSG:3857) back to WGS-84 [lon, lat].
 * A projection is WGS-84 → the basemap's system (the identity, or GCJ-02's offset of a few hundred
 * metres) → Web Mercator. `toLonLat` undoes Web Mercator; the basemap step is undone by the
 * fixed-point iteration w ← w − (f(w) − target), which converges in a few steps because the offset
 * barely changes across its own size. Pure: unit-tested against the forward projection.
 */
export function unproject(project: Project, coordinate: readonly number[]): [number, number] {
  const target = toLonLat([coordinate[0] ?? NaN, coordinate[1] ?? NaN])
  const tx = target[0]!
  const ty = target[1]!
  let lon = tx
  let lat = ty
  for (let i = 0; i < MAX_STEPS; i++) {
    const [fx = NaN, fy = NaN] = toLonLat(project([lon, lat]))
    const dx = fx - tx
    const dy = fy - ty
    lon -= dx
    lat -= dy
    if (!(Math.abs(dx) > EPSILON_DEG || Math.abs(dy) > EPSILON_DEG)) break
  }
  return [lon, lat]
}

/** The grid containing a WGS-84 point, or null outside the district. */
export function gridAt(grids: readonly MapRegion[], lonLat: readonly [number, number]): MapRegion | null {
  return grids.find((g) => containsPoint(g.geometry, lonLat)) ?? null
}
