import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

/** FNV-1a over the label, then a murmur3 finaliser with the seed: well-spread 32-bit stream seeds. */
function mixSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ seed
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}

/**
 * The generator's only source of randomness (never Math.random): a seeded xoroshiro128+ stream.
 * Each part of the district draws from its own named fork, so a change in how many numbers one
 * part draws does not shift every part generated after it.
 */
export class Random {
  private spareNormal: number | null = null

  private constructor(
    private readonly rng: RandomGenerator,
    private readonly seed: number
  ) {}

  static fromSeed(seed: number): Random {
    const s = mixSeed(seed, 'root')
    return new Random(xoroshiro128plus(s), s)
  }

  /** An independent stream named by `label`; the same label always gives the same stream. */
  fork(label: string): Random {
    const s = mixSeed(this.seed, label)
    return new Random(xoroshiro128plus(s), s)
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng)
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.float()
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[Math.floor(this.float() * items.length)]!
  }

  /** Standard normal (Box–Muller; the second value is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal
      this.spareNormal = null
      return v
    }
    const u = 1 - this.float()
    const r = Math.sqrt(-2 * Math.log(u))
    const a = 2 * Math.PI * this.float()
    this.spareNormal = r * Math.sin(a)
    return r * Math.cos(a)
  }

  /** Multiplicative noise around 1 (median 1). */
  logNormal(sigma: number): number {
    return Math.exp(sigma * this.normal())
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float())
  }

  /** `x` rounded up or down so that its expectation is `x`. */
  stochasticRound(x: number): number {
    const f = Math.floor(x)
    return f + (this.chance(x - f) ? 1 : 0)
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1))
      const t = items[i]!
      items[i] = items[j]!
      items[j] = t
    }
    return items
  }
}
