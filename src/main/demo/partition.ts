import { Delaunay } from 'd3-delaunay'
import { union } from 'polyclip-ts'
import { bboxOf, clip, containsPoint, polyArea, samplePointIn, type MultiPoly, type Point } from './geometry'
import type { Random } from './random'

type Weight = (x: number, y: number) => number

/**
 * Seeds spread like a Poisson-disc set whose spacing shrinks where `weight` is high (Mitchell's
 * best candidate): dense areas get small cells, sparse ones large, and no two seeds nearly touch,
 * which is what makes the cells look like drawn grids rather than random shards.
 */
function placeSeeds(rng: Random, parent: MultiPoly, count: number, weight: Weight): Point[] {
  const seeds: Point[] = []
  const candidates = 14
  for (let i = 0; i < count; i++) {
    let best: Point | null = null
    let bestScore = -1
    for (let c = 0; c < candidates; c++) {
      const p = samplePointIn(rng, parent)
      let d2 = Infinity
      for (const s of seeds) d2 = Math.min(d2, (s[0] - p[0]) ** 2 + (s[1] - p[1]) ** 2)
      const score = Math.sqrt(d2) * Math.sqrt(weight(p[0], p[1]))
      if (score > bestScore) {
        bestScore = score
        best = p
      }
    }
    seeds.push(best!)
  }
  return seeds
}

/**
 * Lloyd relaxation on a weighted lattice (discrete weighted k-means): each seed moves to the
 * weighted centre of the lattice points nearest to it. It removes the slivers and needle-shaped
 * cells random seeds leave along a parent's edge while keeping cells small where weight is high.
 */
function relax(parent: MultiPoly, seeds: Point[], weight: Weight, rounds: number): Point[] {
  const b = bboxOf(parent)
  const step = Math.sqrt(((b.maxX - b.minX) * (b.maxY - b.minY)) / (80 * seeds.length))
  const lattice: { x: number; y: number; w: number }[] = []
  for (let y = b.minY + step / 2; y < b.maxY; y += step) {
    for (let x = b.minX + step / 2; x < b.maxX; x += step) if (containsPoint(parent, x, y)) lattice.push({ x, y, w: weight(x, y) })
  }
  let current = seeds
  for (let r = 0; r < rounds; r++) {
    const delaunay = Delaunay.from(current)
    const sums = current.map(() => ({ x: 0, y: 0, w: 0 }))
    let hint = 0
    for (const p of lattice) {
      hint = delaunay.find(p.x, p.y, hint)
      const s = sums[hint]!
      s.x += p.x * p.w
      s.y += p.y * p.w
      s.w += p.w
    }
    current = current.map((seed, i) => {
      const s = sums[i]!
      const moved: Point = [s.x / s.w, s.y / s.w]
      // In a concave parent the centre can fall outside it, where the cell would be empty.
      return s.w > 0 && containsPoint(parent, moved[0], moved[1]) ? moved : seed
    })
  }
  return current
}

/** Rounds to 1 cm so that the same vertex computed by two clips compares equal. */
const vertexKey = (p: Point): string => `${Math.round(p[0] * 100)},${Math.round(p[1] * 100)}`

function sharedVertices(a: MultiPoly, keys: ReadonlySet<string>): number {
  let n = 0
  for (const poly of a) for (const ring of poly) for (const p of ring) if (keys.has(vertexKey(p))) n++
  return n
}

/**
 * Splits `parent` into `count` cells that tile it exactly: the Voronoi diagram of weighted seeds,
 * each cell clipped to the parent. Clipping a convex cell to a concave parent can leave a cut-off
 * piece on the far side of a bay; such pieces are merged into the neighbour they touch most, so
 * the pieces still tile the parent and cells stay in one piece wherever that is possible.
 */
export function partition(rng: Random, parent: MultiPoly, count: number, weight: Weight): MultiPoly[] {
  if (count === 1) return [parent]
  const seeds = relax(parent, placeSeeds(rng, parent, count, weight), weight, 2)
  const b = bboxOf(parent)
  const voronoi = Delaunay.from(seeds).voronoi([b.minX - 10, b.minY - 10, b.maxX + 10, b.maxY + 10])
  const cells: MultiPoly[] = seeds.map((_, i) => clip(parent, [voronoi.cellPolygon(i) as Point[]]))
  // Each seed lies inside the parent, so its cell cannot be empty; if it were, a grid would vanish.
  if (cells.some((c) => c.length === 0)) throw new Error('partition: a seed produced an empty cell')
  const orphans: { piece: MultiPoly; owner: number }[] = []
  cells.forEach((cell, i) => {
    if (cell.length < 2) return
    const largest = cell.reduce((best, p) => (polyArea(p) > polyArea(best) ? p : best))
    for (const p of cell) if (p !== largest) orphans.push({ piece: [p], owner: i })
    cells[i] = [largest]
  })
  for (const { piece, owner } of orphans) {
    const keys = new Set(piece.flatMap((poly) => poly.flatMap((ring) => ring.map(vertexKey))))
    let target = owner
    let most = 0
    cells.forEach((cell, j) => {
      if (j === owner) return
      const n = sharedVertices(cell, keys)
      if (n > most) {
        most = n
        target = j
      }
    })
    cells[target] = union(cells[target]!, piece) as MultiPoly
  }
  return cells
}
