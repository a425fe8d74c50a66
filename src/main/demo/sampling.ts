import { bboxOf, centroid, multiPolyArea, type BBox, type MultiPoly, type Point } from './geometry'
import type { Random } from './random'

/** Points keep this far from a grid's edge so rounding can never put them in the neighbour. */
export const EDGE_CLEARANCE_M = 8

/**
 * Fast point queries on one region: its edges flattened into a typed array, because every
 * building, camera, staff position and event (a million at scale 30) is placed with them.
 */
export class PolygonSampler {
  readonly box: BBox
  readonly area: number
  private readonly edges: Float64Array
  private pole: Point | null = null

  constructor(readonly shape: MultiPoly) {
    this.box = bboxOf(shape)
    this.area = multiPolyArea(shape)
    const segs: number[] = []
    for (const poly of shape) {
      for (const ring of poly) {
        for (let i = 1; i < ring.length; i++) segs.push(ring[i - 1]![0], ring[i - 1]![1], ring[i]![0], ring[i]![1])
      }
    }
    this.edges = Float64Array.from(segs)
  }

  contains(x: number, y: number): boolean {
    const e = this.edges
    let inside = false
    for (let k = 0; k < e.length; k += 4) {
      const x1 = e[k]!
      const y1 = e[k + 1]!
      const x2 = e[k + 2]!
      const y2 = e[k + 3]!
      if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside
    }
    return inside
  }

  /** Distance to the nearest edge. */
  clearance(x: number, y: number): number {
    const e = this.edges
    let best = Infinity
    for (let k = 0; k < e.length; k += 4) {
      const x1 = e[k]!
      const y1 = e[k + 1]!
      const dx = e[k + 2]! - x1
      const dy = e[k + 3]! - y1
      const len2 = dx * dx + dy * dy
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2))
      const d2 = (x1 + t * dx - x) ** 2 + (y1 + t * dy - y) ** 2
      if (d2 < best) best = d2
    }
    return Math.sqrt(best)
  }

  /** Inside, and at least `min` (at most `max`) metres from the edge. */
  accepts(x: number, y: number, min = EDGE_CLEARANCE_M, max = Infinity): boolean {
    if (!this.contains(x, y)) return false
    const c = this.clearance(x, y)
    return c >= min && c <= max
  }

  /**
   * A uniform point inside with the given clearance band. Thin regions may have no room for a
   * band, so after a bounded number of tries it settles for the deepest interior point.
   */
  sample(rng: Random, min = EDGE_CLEARANCE_M, max = Infinity): Point {
    const b = this.box
    for (let tries = 0; tries < 400; tries++) {
      const x = rng.range(b.minX, b.maxX)
      const y = rng.range(b.minY, b.maxY)
      if (this.accepts(x, y, min, tries < 200 ? max : Infinity)) return [x, y]
    }
    return this.interiorPoint()
  }

  /** A point within `radius` of `p` with the usual clearance, or null when none was found quickly. */
  near(rng: Random, p: Point, radius: number): Point | null {
    for (let tries = 0; tries < 8; tries++) {
      const a = rng.range(0, 2 * Math.PI)
      const r = radius * Math.sqrt(rng.float())
      const x = p[0] + r * Math.cos(a)
      const y = p[1] + r * Math.sin(a)
      if (this.accepts(x, y)) return [x, y]
    }
    return null
  }

  /** The interior point farthest from the edge (on a lattice, refined once): a safe anchor. */
  interiorPoint(): Point {
    if (this.pole) return this.pole
    let best: Point = [(this.box.minX + this.box.maxX) / 2, (this.box.minY + this.box.maxY) / 2]
    let bestClear = -1
    let w = this.box.maxX - this.box.minX
    let h = this.box.maxY - this.box.minY
    let [x0, y0] = [this.box.minX, this.box.minY]
    for (let round = 0; round < 3; round++) {
      const n = 24
      for (let i = 0; i <= n; i++) {
        for (let j = 0; j <= n; j++) {
          const x = x0 + (w * i) / n
          const y = y0 + (h * j) / n
          if (!this.contains(x, y)) continue
          const c = this.clearance(x, y)
          if (c > bestClear) {
            bestClear = c
            best = [x, y]
          }
        }
      }
      // Zoom in around the best point found so far.
      w /= 6
      h /= 6
      x0 = best[0] - w / 2
      y0 = best[1] - h / 2
    }
    this.pole = best
    return best
  }

  /** Where the map puts the region's label: the centroid, unless it falls outside or on an edge. */
  labelPoint(): Point {
    const c = centroid(this.shape)
    return this.accepts(c[0], c[1], Math.min(50, Math.sqrt(this.area) / 8)) ? c : this.interiorPoint()
  }
}
