import { intersection } from 'polyclip-ts'
import type { Random } from './random'

/**
 * Planar geometry in metres east/north of the district centre. The district is ~15 km across,
 * so a local plane is accurate enough to shape it; areas on the map are computed geodesically
 * from the final WGS-84 coordinates (see projection.ts).
 */
export type Point = [number, number]
/** Closed ring: the last point repeats the first (polyclip's convention). */
export type Ring = Point[]
/** Outer ring first, then holes. */
export type Poly = Ring[]
export type MultiPoly = Poly[]

export interface BBox {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

export function ringSignedArea(ring: Ring): number {
  let s = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!
    const b = ring[i]!
    s += a[0] * b[1] - b[0] * a[1]
  }
  return s / 2
}

export function polyArea(poly: Poly): number {
  return poly.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring)), 0)
}

export function multiPolyArea(mp: MultiPoly): number {
  return mp.reduce((sum, p) => sum + polyArea(p), 0)
}

/** Area-weighted centroid (holes subtract). */
export function centroid(mp: MultiPoly): Point {
  let cx = 0
  let cy = 0
  let total = 0
  for (const poly of mp) {
    poly.forEach((ring, k) => {
      const sign = (k === 0 ? 1 : -1) * Math.sign(ringSignedArea(ring))
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j]!
        const b = ring[i]!
        const cross = (a[0] * b[1] - b[0] * a[1]) * sign
        cx += (a[0] + b[0]) * cross
        cy += (a[1] + b[1]) * cross
        total += cross
      }
    })
  }
  return total === 0 ? [0, 0] : [cx / (3 * total), cy / (3 * total)]
}

export function bboxOf(mp: MultiPoly): BBox {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity }
  for (const poly of mp) {
    for (const [x, y] of poly[0] ?? []) {
      if (x < box.minX) box.minX = x
      if (y < box.minY) box.minY = y
      if (x > box.maxX) box.maxX = x
      if (y > box.maxY) box.maxY = y
    }
  }
  return box
}

/** Even-odd rule over every ring, so holes and separate parts are handled alike. */
export function containsPoint(mp: MultiPoly, x: number, y: number): boolean {
  let inside = false
  for (const poly of mp) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!
        const [xj, yj] = ring[j]!
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
      }
    }
  }
  return inside
}

/** The part of `subject` inside `clip`. */
export function clip(subject: MultiPoly, clipTo: MultiPoly | Poly): MultiPoly {
  return intersection(subject, clipTo) as MultiPoly
}

/** Uniform point in a polygon by rejection from its bounding box. */
export function samplePointIn(rng: Random, mp: MultiPoly): Point {
  const b = bboxOf(mp)
  for (;;) {
    const x = rng.range(b.minX, b.maxX)
    const y = rng.range(b.minY, b.maxY)
    if (containsPoint(mp, x, y)) return [x, y]
  }
}

/** Density integrated over a polygon on a square lattice of `step` metres. */
export function integrate(mp: MultiPoly, step: number, f: (x: number, y: number) => number): number {
  const b = bboxOf(mp)
  let sum = 0
  for (let y = b.minY + step / 2; y < b.maxY; y += step) {
    for (let x = b.minX + step / 2; x < b.maxX; x += step) if (containsPoint(mp, x, y)) sum += f(x, y)
  }
  return sum * step * step
}
