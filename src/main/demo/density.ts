import { samplePointIn, type MultiPoly, type Point } from './geometry'
import type { Random } from './random'

interface Bump {
  x: number
  y: number
  sigma: number
  weight: number
}

const bumpValue = (bumps: readonly Bump[], x: number, y: number): number =>
  bumps.reduce((s, b) => s + b.weight * Math.exp(-((x - b.x) ** 2 + (y - b.y) ** 2) / (2 * b.sigma ** 2)), 0)

/**
 * Where people live and work. A Shenzhen outer district has a few dense urban cores with urban
 * villages (城中村) around them, industrial parks, and a large forest park with hardly anyone in
 * it. Everything that scales with people (grid sizes, buildings, cameras, events) follows this.
 */
export class LandUse {
  private constructor(
    private readonly cores: Bump[],
    private readonly industry: Bump[],
    private readonly park: Bump
  ) {}

  static create(rng: Random, outline: MultiPoly): LandUse {
    const inside = (): Point => samplePointIn(rng, outline)
    const cores = Array.from({ length: rng.int(3, 4) }, (_, i) => {
      const [x, y] = inside()
      return { x, y, sigma: rng.range(1400, 2600), weight: i === 0 ? 1 : rng.range(0.5, 0.85) }
    })
    const industry = Array.from({ length: 3 }, () => {
      const [x, y] = inside()
      return { x, y, sigma: rng.range(1200, 2200), weight: rng.range(0.6, 1) }
    })
    const [px, py] = inside()
    return new LandUse(cores, industry, { x: px, y: py, sigma: rng.range(1300, 1900), weight: 0.9 })
  }

  /** Relative population density, ~0.03 (forest park) to ~1.2 (urban core). */
  density(x: number, y: number): number {
    const urban = 0.12 + bumpValue(this.cores, x, y) + 0.35 * bumpValue(this.industry, x, y)
    return Math.max(0.03, urban * (1 - bumpValue([this.park], x, y)))
  }

  /** 0–1: how much of the land is industrial parks. */
  industrial(x: number, y: number): number {
    return Math.min(1, bumpValue(this.industry, x, y))
  }

  /** 0–1: urban villages ring the cores: dense, but not the core itself. */
  urbanVillage(x: number, y: number): number {
    const core = bumpValue(this.cores, x, y)
    return Math.max(0, Math.min(1, core * 2.2 * (1.15 - core)))
  }
}
