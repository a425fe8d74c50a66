import type { RegionGeometry } from '@shared/api/types'

type Ring = readonly (readonly number[])[]

/** Signed-area magnitude of a ring (shoelace), in squared degrees: only for comparing. */
function ringArea(ring: Ring): number {
  let a = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!)
  return Math.abs(a / 2)
}

/** Crossings of the rings with the line coord[axis] = value, as the other coordinate, sorted. */
function crossings(rings: readonly Ring[], axis: 0 | 1, value: number): number[] {
  const other = axis === 0 ? 1 : 0
  const out: number[] = []
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j]!
      const b = ring[i]!
      const av = a[axis]!
      const bv = b[axis]!
      if (av <= value !== bv <= value) out.push(a[other]! + ((value - av) / (bv - av)) * (b[other]! - a[other]!))
    }
  }
  return out.sort((x, y) => x - y)
}

/** Widest inside span [from, to] along the line coord[axis] = value (pairs of crossings). */
function widestSpan(rings: readonly Ring[], axis: 0 | 1, value: number): [number, number] | null {
  const xs = crossings(rings, axis, value)
  let best: [number, number] | null = null
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (!best || xs[i + 1]! - xs[i]! > best[1] - best[0]) best = [xs[i]!, xs[i + 1]!]
  }
  return best
}

/** The inside span along coord[axis] = value that contains `at`. */
function spanContaining(rings: readonly Ring[], axis: 0 | 1, value: number, at: number): [number, number] | null {
  const xs = crossings(rings, axis, value)
  for (let i = 0; i + 1 < xs.length; i += 2) if (xs[i]! <= at && at <= xs[i + 1]!) return [xs[i]!, xs[i + 1]!]
  return null
}

/**
 * A point well inside a polygon (holes respected), unlike the centroid, which can fall outside a
 * concave shape: the middle of the widest horizontal span over a few heights, then the middle of
 * the vertical span through it. Used for labels and for the e2e click hook. MultiPolygon: the
 * largest part. Coordinates stay in the input's system.
 */
export function interiorPoint(geometry: RegionGeometry): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let rings: readonly Ring[] = []
  let largest = -1
  for (const p of polygons) {
    const outer = p[0]
    const area = outer ? ringArea(outer) : 0
    if (area > largest) {
      largest = area
      rings = p
    }
  }
  const outer = rings[0] ?? []
  if (outer.length === 0) return [0, 0]
  let minY = Infinity
  let maxY = -Infinity
  for (const c of outer) {
    minY = Math.min(minY, c[1]!)
    maxY = Math.max(maxY, c[1]!)
  }
  let best: { y: number; span: [number, number] } | null = null
  for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    // Nudge off vertices so that a crossing is never counted twice.
    const y = minY + (maxY - minY) * f + (maxY - minY) * 1e-7
    const span = widestSpan(rings, 1, y)
    if (span && (!best || span[1] - span[0] > best.span[1] - best.span[0])) best = { y, span }
  }
  if (!best) return [outer[0]![0]!, outer[0]![1]!]
  const x = (best.span[0] + best.span[1]) / 2
  const vertical = spanContaining(rings, 0, x, best.y)
  return [x, vertical ? (vertical[0] + vertical[1]) / 2 : best.y]
}

/** Even-odd point-in-polygon test (holes respected). */
export function containsPoint(geometry: RegionGeometry, [x, y]: readonly [number, number]): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let inside = false
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j]!
        const b = ring[i]!
        if (a[1]! > y !== b[1]! > y && x < ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside
      }
    }
  }
  return inside
}
