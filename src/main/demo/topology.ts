import type { RegionGeometry } from '@shared/api/types'
import type { LonLat } from '@shared/domain/geo'

/** Farther than rounding can move a vertex (1e-6° ≈ 0.1 m), nearer than any real feature. */
const TOLERANCE_DEG = 1.5e-6
const CELL_DEG = 0.002

const rings = (g: RegionGeometry): LonLat[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat())
const cellKey = (i: number, j: number): string => `${i}:${j}`

/**
 * Where a clipped cell meets its parent's edge it gains a vertex that its neighbour across that
 * edge does not have (a T-junction). Once rounded to 1e-6°, that vertex sits a few centimetres
 * off the neighbour's edge, leaving slivers of overlap or gap. Inserting every such vertex into
 * every edge it lies on makes neighbours share identical vertex chains: no overlap, no gap, at
 * every level of the tree. Mutates the geometries.
 */
export function weldSharedEdges(geometries: readonly RegionGeometry[]): void {
  const cells = new Map<string, LonLat[]>()
  const seen = new Set<string>()
  for (const g of geometries) {
    for (const ring of rings(g)) {
      for (const p of ring) {
        const key = `${p[0]},${p[1]}`
        if (seen.has(key)) continue
        seen.add(key)
        const ck = cellKey(Math.floor(p[0] / CELL_DEG), Math.floor(p[1] / CELL_DEG))
        const list = cells.get(ck)
        if (list) list.push(p)
        else cells.set(ck, [p])
      }
    }
  }
  for (const g of geometries) {
    for (const ring of rings(g)) {
      const welded: LonLat[] = []
      for (let i = 0; i + 1 < ring.length; i++) {
        welded.push(ring[i]!)
        for (const v of verticesOnEdge(cells, ring[i]!, ring[i + 1]!)) welded.push([v[0], v[1]])
      }
      welded.push(ring[ring.length - 1]!)
      ring.splice(0, ring.length, ...welded)
    }
  }
}

/** Vertices strictly between a and b, within tolerance of the segment, in order from a. */
function verticesOnEdge(cells: ReadonlyMap<string, LonLat[]>, a: LonLat, b: LonLat): LonLat[] {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  if (len2 === 0) return []
  const found: { t: number; p: LonLat }[] = []
  const i0 = Math.floor((Math.min(a[0], b[0]) - TOLERANCE_DEG) / CELL_DEG)
  const i1 = Math.floor((Math.max(a[0], b[0]) + TOLERANCE_DEG) / CELL_DEG)
  const j0 = Math.floor((Math.min(a[1], b[1]) - TOLERANCE_DEG) / CELL_DEG)
  const j1 = Math.floor((Math.max(a[1], b[1]) + TOLERANCE_DEG) / CELL_DEG)
  for (let i = i0; i <= i1; i++) {
    for (let j = j0; j <= j1; j++) {
      for (const p of cells.get(cellKey(i, j)) ?? []) {
        const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2
        if (t <= 0 || t >= 1) continue
        const ex = a[0] + t * dx - p[0]
        const ey = a[1] + t * dy - p[1]
        if (ex * ex + ey * ey > TOLERANCE_DEG * TOLERANCE_DEG) continue
        if ((p[0] === a[0] && p[1] === a[1]) || (p[0] === b[0] && p[1] === b[1])) continue
        found.push({ t, p })
      }
    }
  }
  return found.sort((x, y) => x.t - y.t).map((f) => f.p)
}
