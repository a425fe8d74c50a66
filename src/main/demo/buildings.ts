import { buildingRiskLevels, type Building } from '@shared/domain/region'
import { apportion, labelByRank, WeightedTable } from './allocation'
import type { Point } from './geometry'
import { companyStems, estateStems, estateSuffixes, roadNames } from './names'
import type { LocalProjection } from './projection'
import type { Random } from './random'
import type { PlannedGrid } from './regions'

/** Guangming's rated rental buildings (001): 30,254 = 24,810 safe + 3,782 normal + 1,662 warning. */
export const SEED_BUILDINGS = 30_254
export const RISK_COUNTS = { safe: 24_810, normal: 3_782, warning: 1_662 } as const

type Kind = 'villageHouse' | 'tower' | 'apartment' | 'factory' | 'commercial' | 'public'

interface KindSpec {
  floors: [number, number]
  /** Dwellings per floor; [0, 0] for non-residential buildings. */
  perFloor: [number, number]
  /** Buildings per compound (a lane of village houses, an estate, an industrial park…). */
  compound: [number, number]
  /** Added to a random score when ranking for risk: crowded rentals and workshops rank first. */
  riskBias: number
}

const kinds: Record<Kind, KindSpec> = {
  villageHouse: { floors: [4, 9], perFloor: [2, 4], compound: [10, 40], riskBias: 0.45 },
  tower: { floors: [18, 33], perFloor: [4, 8], compound: [4, 16], riskBias: 0 },
  apartment: { floors: [6, 14], perFloor: [6, 12], compound: [2, 8], riskBias: 0.15 },
  factory: { floors: [2, 6], perFloor: [0, 0], compound: [3, 15], riskBias: 0.3 },
  commercial: { floors: [2, 6], perFloor: [0, 0], compound: [1, 4], riskBias: 0.15 },
  public: { floors: [3, 6], perFloor: [0, 0], compound: [1, 3], riskBias: 0 }
}

const publicNames = ['小学', '中学', '幼儿园', '社康中心', '党群服务中心', '文体中心']

/** A compound's name; its buildings are numbered within it. */
function compoundName(rng: Random, kind: Kind, stem: string): (n: number) => string {
  switch (kind) {
    case 'villageHouse': {
      const lane = `${stem}${rng.chance(0.5) ? '新村' : '老村'}${rng.int(1, 30)}巷`
      return (n) => `${lane}${n}号`
    }
    case 'tower':
    case 'apartment': {
      const estate = rng.pick(estateStems) + rng.pick(estateSuffixes)
      return (n) => `${estate}${n}栋`
    }
    case 'factory': {
      const park = `${rng.pick(companyStems)}工业园`
      return (n) => `${park}${n}栋`
    }
    case 'commercial': {
      const address = `${rng.pick(roadNames)}${rng.int(1, 399)}号`
      return (n) => `${address}商业楼${n > 1 ? `${n}座` : ''}`
    }
    case 'public': {
      const what = rng.pick(publicNames)
      return (n) => `${stem}${what}${n > 1 ? `${n}号楼` : ''}`
    }
  }
}

export interface BuildingLayout {
  buildings: Building[]
  /** Planar building positions per grid (same order as the grids): where events happen. */
  sitesByGrid: Point[][]
}

/**
 * ~30,254 buildings × scale, more in denser grids and in urban villages (many small buildings).
 * Buildings come in compounds placed inside the grid; each stays clear of the grid's edge.
 */
export function generateBuildings(rng: Random, grids: readonly PlannedGrid[], scale: number, projection: LocalProjection): BuildingLayout {
  const total = Math.round(SEED_BUILDINGS * scale)
  const weights = grids.map((g) => g.profile.households * (0.5 + 1.5 * g.urbanVillage + 0.6 * g.industrial) * rng.logNormal(0.25))
  const counts = apportion(total, weights)
  const buildings: Building[] = []
  const riskScores: number[] = []
  const sitesByGrid: Point[][] = []
  grids.forEach((grid, gi) => {
    const g = rng.fork(grid.record.code)
    const kindTable = WeightedTable.fromRecord<Kind>({
      villageHouse: 0.1 + 0.8 * grid.urbanVillage,
      tower: 0.35 * (1 - grid.urbanVillage) * Math.min(1, grid.density),
      apartment: 0.12,
      factory: 0.04 + 0.7 * grid.industrial,
      commercial: 0.07,
      public: 0.03
    })
    const stem = grid.communityName.replace(/社区$/, '')
    const sites: Point[] = []
    let left = counts[gi]!
    while (left > 0) {
      const kind = kindTable.draw(g)
      const spec = kinds[kind]
      const size = Math.min(left, g.int(...spec.compound))
      const center = grid.sampler.sample(g)
      const radius = 25 + 18 * Math.sqrt(size)
      const name = compoundName(g, kind, stem)
      for (let n = 1; n <= size; n++) {
        const p = grid.sampler.near(g, center, radius) ?? grid.sampler.sample(g)
        const floors = g.int(...spec.floors)
        const [lon, lat] = projection.toLonLat(p)
        sites.push(p)
        riskScores.push(spec.riskBias + 0.2 * grid.urbanVillage + g.float())
        buildings.push({
          id: `B${String(buildings.length + 1).padStart(7, '0')}`,
          gridCode: grid.record.code,
          name: name(n),
          lon,
          lat,
          riskLevel: 'safe',
          floors,
          households: floors * g.int(...spec.perFloor)
        })
      }
      left -= size
    }
    sitesByGrid.push(sites)
  })
  const riskCounts = apportion(total, buildingRiskLevels.map((r) => RISK_COUNTS[r]))
  // Highest scores first: warning, then normal, then safe.
  const levels = [...buildingRiskLevels].reverse()
  const labels = labelByRank(riskScores, levels, [...riskCounts].reverse())
  buildings.forEach((b, i) => (b.riskLevel = labels[i]!))
  return { buildings, sitesByGrid }
}
