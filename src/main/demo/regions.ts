import { area as geodesicArea } from '@turf/area'
import { formatRegionCode } from '@shared/domain/gridCode'
import type { GridProfile, RegionLevel } from '@shared/domain/region'
import type { RegionRecord } from '../store/repositories/regions'
import { apportion } from './allocation'
import { LandUse } from './density'
import { integrate, type MultiPoly } from './geometry'
import { communityNames, DISTRICT_NAME, gridName, streetNames } from './names'
import { makeOutline } from './outline'
import { partition } from './partition'
import { gridProfile, sumProfiles } from './profiles'
import type { LocalProjection } from './projection'
import type { Random } from './random'
import { PolygonSampler } from './sampling'
import { weldSharedEdges } from './topology'

/** Seed 001 (Guangming): 6 streets, 31 communities, 264 sub-grids. */
export const DISTRICT_CODE = '440311'
export const STREET_COUNT = 6
export const COMMUNITY_COUNT = 31
export const GRID_COUNT = 264

export interface PlannedArea {
  record: RegionRecord
  sampler: PolygonSampler
}

export interface PlannedGrid extends PlannedArea {
  profile: GridProfile
  communityName: string
  /** Land use at the grid: it shapes building types, camera sites and the event mix. */
  density: number
  urbanVillage: number
  industrial: number
}

export interface RegionPlan {
  district: PlannedArea
  streets: PlannedArea[]
  communities: PlannedArea[]
  grids: PlannedGrid[]
}

interface Cell {
  shape: MultiPoly
  sampler: PolygonSampler
}

/** Codes run north to south in bands, west to east within a band, as a map reader expects. */
function orderCells(shapes: MultiPoly[]): Cell[] {
  const cells = shapes.map((shape) => ({ shape, sampler: new PolygonSampler(shape) }))
  const band = Math.sqrt(cells.reduce((s, c) => s + c.sampler.area, 0) / Math.max(1, cells.length))
  const key = (c: Cell): [number, number] => {
    const [x, y] = c.sampler.labelPoint()
    return [Math.floor(-y / band), x]
  }
  return cells
    .map((c) => ({ c, k: key(c) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1])
    .map(({ c }) => c)
}

function planArea(
  projection: LocalProjection,
  cell: Cell,
  level: RegionLevel,
  code: string,
  name: string,
  parentCode: string | null,
  profile: GridProfile | null
): PlannedArea {
  const geometry = projection.toGeometry(cell.shape)
  return {
    sampler: cell.sampler,
    record: {
      code,
      level,
      name,
      parentCode,
      centroid: projection.toLonLat(cell.sampler.labelPoint()),
      // Set once the shared edges are welded (see planRegions).
      areaM2: 0,
      profile,
      geometry
    }
  }
}

/**
 * The territory: an outline split into streets, streets into communities and communities into
 * grids, each level a clipped Voronoi partition of the one above, so the grids tile the district
 * with no gap and no overlap (无缝覆盖). Denser streets get more communities and denser
 * communities more (smaller) grids, so grids hold comparable numbers of households.
 */
export function planRegions(
  rng: Random,
  projection: LocalProjection,
  onStep: (done: number, total: number) => void = () => {}
): RegionPlan {
  const outline: MultiPoly = [makeOutline(rng.fork('outline'))]
  const land = LandUse.create(rng.fork('land'), outline)
  const density = (x: number, y: number): number => land.density(x, y)
  const people = (shape: MultiPoly): number => integrate(shape, 150, density)

  const streetCells = orderCells(partition(rng.fork('streets'), outline, STREET_COUNT, (x, y) => density(x, y) ** 0.4))
  const communityCounts = apportion(COMMUNITY_COUNT, streetCells.map((c) => people(c.shape)), 3)
  const streetNameList = streetNames(rng.fork('street-names'), STREET_COUNT)
  const communityNameList = communityNames(rng.fork('community-names'), COMMUNITY_COUNT)

  // Communities of every street first: grid counts are apportioned over all of them at once.
  const communityCells = streetCells.map((street, s) =>
    orderCells(partition(rng.fork(`communities:${s}`), street.shape, communityCounts[s]!, (x, y) => density(x, y) ** 0.7))
  )
  const flatCommunities = communityCells.flat()
  const gridCounts = apportion(GRID_COUNT, flatCommunities.map((c) => people(c.shape)), 3)

  const streets: PlannedArea[] = []
  const communities: PlannedArea[] = []
  const grids: PlannedGrid[] = []
  let communityIndex = 0
  streetCells.forEach((streetCell, s) => {
    const streetCode = formatRegionCode({ district: DISTRICT_CODE, street: s + 1 })
    const firstGridOfStreet = grids.length
    communityCells[s]!.forEach((communityCell, c) => {
      const code = formatRegionCode({ district: DISTRICT_CODE, street: s + 1, community: c + 1 })
      const name = communityNameList[communityIndex]!
      const gridRng = rng.fork(`grids:${code}`)
      const firstGrid = grids.length
      const cells = orderCells(partition(gridRng, communityCell.shape, gridCounts[communityIndex++]!, density))
      cells.forEach((cell, g) => {
        const [x, y] = cell.sampler.labelPoint()
        const mean = integrate(cell.shape, 60, density) / cell.sampler.area || density(x, y)
        const profile = gridProfile(gridRng, mean)
        const gridCode = formatRegionCode({ district: DISTRICT_CODE, street: s + 1, community: c + 1, grid: g + 1 })
        grids.push({
          ...planArea(projection, cell, 'grid', gridCode, gridName(name, g + 1), code, profile),
          profile,
          communityName: name,
          density: mean,
          urbanVillage: land.urbanVillage(x, y),
          industrial: land.industrial(x, y)
        })
      })
      const profile = sumProfiles(grids.slice(firstGrid).map((g) => g.profile))
      communities.push(planArea(projection, communityCell, 'community', code, name, streetCode, profile))
      onStep(grids.length, GRID_COUNT)
    })
    const profile = sumProfiles(grids.slice(firstGridOfStreet).map((g) => g.profile))
    streets.push(planArea(projection, streetCell, 'street', streetCode, streetNameList[s]!, DISTRICT_CODE, profile))
  })
  const districtCell = { shape: outline, sampler: new PolygonSampler(outline) }
  const profile = sumProfiles(grids.map((g) => g.profile))
  const district = planArea(projection, districtCell, 'district', DISTRICT_CODE, DISTRICT_NAME, null, profile)
  const records = [district, ...streets, ...communities, ...grids].map((a) => a.record)
  weldSharedEdges(records.map((r) => r.geometry))
  for (const r of records) r.areaM2 = Math.round(geodesicArea(r.geometry) * 10) / 10
  return { district, streets, communities, grids }
}
