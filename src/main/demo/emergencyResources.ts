import type { Shelter, ShelterKind, Supplies, SupplyKind, SupplyPoint } from '@shared/domain/emergencyResources'
import type { Building } from '@shared/domain/region'
import type { LocalProjection } from './projection'
import type { Random } from './random'
import type { PlannedArea, PlannedGrid } from './regions'

/**
 * Shelters (应急避难场所) and supply points (物资储备点) of the demo district, a few per street,
 * whatever the scale (docs/EMERGENCY.md, "Demo resources"). Shenzhen designates school
 * playgrounds, parks, sports and community centres as shelters; each street keeps a depot
 * (街道应急物资储备库) and its communities smaller points at their party-service centres.
 */
export interface EmergencyResources {
  shelters: Shelter[]
  supplyPoints: SupplyPoint[]
}

/** People a shelter of each kind holds, [min, max] (rounded to 50). */
const capacity: Record<ShelterKind, [number, number]> = {
  school: [1_000, 3_000],
  park: [3_000, 10_000],
  communityCentre: [200, 600],
  sportsCentre: [1_000, 3_000]
}

/** Shelters of each kind taken from a street's public buildings, by the end of their name. */
const fromBuildings: [ShelterKind, RegExp, number][] = [
  ['school', /(小学|中学)$/, 2],
  ['sportsCentre', /文体中心$/, 1],
  ['communityCentre', /党群服务中心$/, 1]
]
const MIN_SHELTERS_PER_STREET = 3

/** A street depot's stock, [min, max] per kind; a community point holds about a tenth. */
const depotStock: Record<SupplyKind, [number, number]> = {
  tents: [100, 300],
  foldingBeds: [200, 500],
  quilts: [500, 1_500],
  drinkingWater: [500, 2_000],
  instantFood: [500, 2_000],
  sandbags: [5_000, 20_000],
  pumps: [5, 20],
  lifeJackets: [100, 300],
  generators: [3, 10]
}
const COMMUNITY_POINTS_PER_STREET: [number, number] = [1, 2]

function stock(rng: Random, factor: number): Supplies {
  const out = {} as Supplies
  for (const [kind, [lo, hi]] of Object.entries(depotStock) as [SupplyKind, [number, number]][]) {
    out[kind] = Math.max(1, Math.round(rng.int(lo, hi) * factor))
  }
  return out
}

export function generateEmergencyResources(
  rng: Random,
  streets: readonly PlannedArea[],
  grids: readonly PlannedGrid[],
  buildings: readonly Building[],
  projection: LocalProjection
): EmergencyResources {
  const shelters: Shelter[] = []
  const supplyPoints: SupplyPoint[] = []
  const seats = (kind: ShelterKind, r: Random): number => Math.round(r.int(...capacity[kind]) / 50) * 50
  const inStreet = (code: string) => (gridCode: string): boolean => gridCode.startsWith(`${code}-`)
  const publicOnes = buildings.filter((b) => fromBuildings.some(([, pattern]) => pattern.test(b.name)))
  for (const street of streets) {
    const code = street.record.code
    const r = rng.fork(code)
    const stem = street.record.name.replace(/街道$/, '')
    const here = inStreet(code)
    const publicBuildings = publicOnes.filter((b) => here(b.gridCode))
    const streetGrids = grids.filter((g) => here(g.record.code))
    const shelter = (kind: ShelterKind, name: string, gridCode: string, lon: number, lat: number): void => {
      shelters.push({ id: `SH${String(shelters.length + 1).padStart(4, '0')}`, name: `${name}应急避难场所`, kind, gridCode, lon, lat, capacity: seats(kind, r) })
    }
    for (const [kind, pattern, most] of fromBuildings) {
      const candidates = publicBuildings.filter((b) => pattern.test(b.name))
      for (const b of r.shuffle([...candidates]).slice(0, most)) shelter(kind, b.name, b.gridCode, b.lon, b.lat)
    }
    // Parks in the least dense grids of the street: at least one, and enough for the minimum.
    const open = [...streetGrids].sort((a, b) => a.density - b.density || (a.record.code < b.record.code ? -1 : 1))
    const streetShelters = (): number => shelters.filter((s) => here(s.gridCode)).length
    for (let k = 0; k < open.length && (k === 0 || streetShelters() < MIN_SHELTERS_PER_STREET); k++) {
      const grid = open[k]!
      const [lon, lat] = projection.toLonLat(grid.sampler.sample(r, 40))
      shelter('park', `${grid.communityName.replace(/社区$/, '')}${k === 0 ? stem : ''}公园`, grid.record.code, lon, lat)
    }

    const point = (name: string, gridCode: string, lon: number, lat: number, factor: number): void => {
      supplyPoints.push({ id: `SP${String(supplyPoints.length + 1).padStart(4, '0')}`, name, gridCode, lon, lat, supplies: stock(r, factor) })
    }
    const depotGrid = r.pick(streetGrids)
    const [lon, lat] = projection.toLonLat(depotGrid.sampler.sample(r, 40))
    point(`${street.record.name}应急物资储备库`, depotGrid.record.code, lon, lat, 1)
    const centres = r.shuffle(publicBuildings.filter((b) => /党群服务中心$/.test(b.name)))
    const wanted = r.int(...COMMUNITY_POINTS_PER_STREET)
    for (let k = 0; k < wanted; k++) {
      const b = centres[k]
      if (b) {
        point(`${b.name.replace(/党群服务中心$/, '')}社区应急物资储备点`, b.gridCode, b.lon, b.lat, 0.1)
      } else {
        const grid = r.pick(streetGrids)
        const [x, y] = projection.toLonLat(grid.sampler.sample(r, 40))
        point(`${grid.communityName}应急物资储备点`, grid.record.code, x, y, 0.1)
      }
    }
  }
  return { shelters, supplyPoints }
}
