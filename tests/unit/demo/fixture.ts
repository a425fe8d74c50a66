import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import RBush from 'rbush'
import type { RegionGeometry } from '@shared/api/types'
import { fromShanghai } from '@shared/time'
import type { DemoOptions } from '../../../src/main/demo/options'
import type { RegionRecord } from '../../../src/main/store/repositories/regions'

/** The district every demo test looks at: fixed seed, scale 1, default centre, a fixed "today". */
export const demoOptions: DemoOptions = {
  seed: 20261122,
  scale: 1,
  center: [113.94, 22.76],
  now: fromShanghai(2026, 11, 22, 14, 30)
}

interface Entry {
  minX: number
  minY: number
  maxX: number
  maxY: number
  region: RegionRecord
}

function bboxOf(geometry: RegionGeometry): Omit<Entry, 'region'> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }
  for (const poly of polygons) {
    for (const [x, y] of poly[0] ?? []) {
      box.minX = Math.min(box.minX, x)
      box.minY = Math.min(box.minY, y)
      box.maxX = Math.max(box.maxX, x)
      box.maxY = Math.max(box.maxY, y)
    }
  }
  return box
}

/**
 * An index of regions independent of the generator: bounding boxes in an R-tree, then turf's
 * point-in-polygon on the GeoJSON as stored. Used to check that a point lies in exactly one grid.
 */
export class RegionIndex {
  private readonly tree = new RBush<Entry>()

  constructor(regions: readonly RegionRecord[]) {
    this.tree.load(regions.map((region) => ({ ...bboxOf(region.geometry), region })))
  }

  /** Codes of every region whose polygon contains the point (boundary excluded). */
  containing(lon: number, lat: number): string[] {
    return this.tree
      .search({ minX: lon, minY: lat, maxX: lon, maxY: lat })
      .filter((e) => booleanPointInPolygon([lon, lat], e.region.geometry, { ignoreBoundary: true }))
      .map((e) => e.region.code)
  }

  /** Pairs of regions whose bounding boxes overlap: the only ones that could overlap at all. */
  candidatePairs(): [RegionRecord, RegionRecord][] {
    const pairs: [RegionRecord, RegionRecord][] = []
    for (const e of this.tree.all()) {
      for (const other of this.tree.search(e)) if (other.region.code > e.region.code) pairs.push([e.region, other.region])
    }
    return pairs
  }
}

/** Points that do not lie in exactly the one grid they name, as readable strings. */
export function misplaced(index: RegionIndex, items: readonly { id: string; gridCode: string; lon: number; lat: number }[]): string[] {
  const bad: string[] = []
  for (const item of items) {
    const hits = index.containing(item.lon, item.lat)
    if (hits.length !== 1 || hits[0] !== item.gridCode) bad.push(`${item.id} in [${hits.join(', ')}], names ${item.gridCode}`)
  }
  return bad
}

export const share = <T>(items: readonly T[], pred: (x: T) => boolean): number => items.filter(pred).length / items.length

/** Distance in metres from a point to the nearest edge of a polygon (local equirectangular). */
export function edgeDistance(lon: number, lat: number, geometry: RegionGeometry): number {
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180)
  const ky = 110_574
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let best = Infinity
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = [(ring[i - 1]![0] - lon) * kx, (ring[i - 1]![1] - lat) * ky]
      const [bx, by] = [(ring[i]![0] - lon) * kx, (ring[i]![1] - lat) * ky]
      const dx = bx - ax
      const dy = by - ay
      const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)))
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy))
    }
  }
  return best
}
