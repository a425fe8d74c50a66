import type { Random } from './random'

/**
 * Splits `total` into integers proportional to `weights` (largest remainder), each at least
 * `minEach`. Exact totals matter: the seeds' figures (264 grids, 30,254 buildings) are reproduced
 * to the unit, and a proportion such as 82 % safe buildings must hold to the unit as well.
 */
export function apportion(total: number, weights: readonly number[], minEach = 0): number[] {
  const n = weights.length
  if (n === 0) return []
  const free = total - minEach * n
  if (free < 0) throw new RangeError(`cannot give ${n} parts at least ${minEach} out of ${total}`)
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (sum > 0 ? (free * w) / sum : free / n))
  const counts = exact.map((x) => Math.floor(x))
  let left = free - counts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left-- <= 0) break
    counts[i]!++
  }
  return counts.map((c) => c + minEach)
}

/** Draws indices in proportion to fixed weights (binary search over the running sum). */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array

  constructor(
    readonly items: readonly T[],
    weights: readonly number[]
  ) {
    if (items.length !== weights.length || items.length === 0) throw new RangeError('one positive weight per item')
    this.cumulative = new Float64Array(weights.length)
    let s = 0
    weights.forEach((w, i) => (this.cumulative[i] = s += Math.max(0, w)))
    if (s <= 0) throw new RangeError('weights sum to zero')
  }

  static fromRecord<K extends string>(weights: Readonly<Record<K, number>>): WeightedTable<K> {
    const keys = Object.keys(weights) as K[]
    return new WeightedTable(
      keys,
      keys.map((k) => weights[k])
    )
  }

  draw(rng: Random): T {
    const c = this.cumulative
    const r = rng.float() * c[c.length - 1]!
    let lo = 0
    let hi = c.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (c[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]!
  }
}

/**
 * Gives each item a label so that label k goes to exactly counts[k] items, the highest scores
 * taking the first label: exact proportions, yet biased where the score says it is likelier.
 */
export function labelByRank<L>(scores: readonly number[], labels: readonly L[], counts: readonly number[]): L[] {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s || a.i - b.i)
  const out = new Array<L>(scores.length)
  let k = 0
  let left = counts[0] ?? 0
  for (const { i } of order) {
    while (left <= 0 && k < labels.length - 1) left = counts[++k] ?? 0
    out[i] = labels[k]!
    left--
  }
  return out
}
