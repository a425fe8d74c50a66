import type { Camera, CameraSite } from '@shared/domain/camera'
import { apportion, labelByRank, WeightedTable } from './allocation'
import type { Point } from './geometry'
import { estateStems, roadNames } from './names'
import type { LocalProjection } from './projection'
import type { Random } from './random'
import type { PlannedGrid } from './regions'

/** Seed 001: AI algorithms run on 958 cameras at main roads, parks, checkpoints and schools. */
export const SEED_CAMERAS = 958
/** Share of cameras reporting online at any time. */
export const ONLINE_SHARE = 0.95

const sides = ['东', '南', '西', '北']
const schools = ['小学', '中学', '幼儿园']
const parkSpots = ['公园入口', '公园北门', '公园南门', '公园广场', '湿地公园']

function cameraName(rng: Random, site: CameraSite, stem: string): string {
  switch (site) {
    case 'mainRoad': {
      const road = rng.pick(roadNames)
      const cross = rng.pick(roadNames.filter((r) => r !== road))
      return `${road}与${cross}交叉口`
    }
    case 'checkpoint':
      return `${stem}${rng.pick(sides)}卡口`
    case 'park':
      return `${stem}${rng.pick(parkSpots)}`
    case 'school':
      return `${stem}${rng.pick(schools)}门口`
    case 'residential':
      return `${rng.pick(estateStems)}小区${rng.pick(sides)}门`
    case 'market':
      return `${stem}农贸市场`
  }
}

/**
 * Where a camera stands. Grids are bounded by streets (街巷定界), so road and checkpoint cameras
 * sit near the grid's edge; estate, school and market cameras near buildings; park ones deep inside.
 */
function cameraPoint(rng: Random, grid: PlannedGrid, site: CameraSite, sites: readonly Point[]): Point {
  if (site === 'mainRoad' || site === 'checkpoint') return grid.sampler.sample(rng, 12, 60)
  if (site === 'park') return grid.sampler.sample(rng, 40)
  const building = sites.length > 0 ? rng.pick(sites) : null
  return (building && grid.sampler.near(rng, building, 40)) ?? grid.sampler.sample(rng)
}

/** ~958 cameras × scale, more where more people are, ~95 % online. */
export function generateCameras(
  rng: Random,
  grids: readonly PlannedGrid[],
  sitesByGrid: readonly Point[][],
  scale: number,
  projection: LocalProjection
): Camera[] {
  const total = Math.round(SEED_CAMERAS * scale)
  const counts = apportion(
    total,
    grids.map((g) => Math.sqrt(g.profile.population) * (1 + 0.5 * g.urbanVillage + 0.3 * g.industrial) * rng.logNormal(0.3))
  )
  const cameras: Camera[] = []
  grids.forEach((grid, gi) => {
    const g = rng.fork(grid.record.code)
    const siteTable = WeightedTable.fromRecord<CameraSite>({
      mainRoad: 0.3,
      residential: 0.18 + 0.1 * grid.urbanVillage,
      checkpoint: 0.1,
      market: 0.06 + 0.1 * grid.urbanVillage,
      school: 0.1,
      park: 0.08 + 0.3 * Math.max(0, 1 - grid.density)
    })
    const stem = grid.communityName.replace(/社区$/, '')
    for (let k = 0; k < counts[gi]!; k++) {
      const site = siteTable.draw(g)
      const [lon, lat] = projection.toLonLat(cameraPoint(g, grid, site, sitesByGrid[gi] ?? []))
      cameras.push({
        id: `CAM${String(cameras.length + 1).padStart(6, '0')}`,
        name: cameraName(g, site, stem),
        site,
        gridCode: grid.record.code,
        lon,
        lat,
        online: true
      })
    }
  })
  const online = Math.round(total * ONLINE_SHARE)
  const status = labelByRank(
    cameras.map(() => rng.float()),
    [true, false],
    [online, total - online]
  )
  cameras.forEach((c, i) => (c.online = status[i]!))
  return cameras
}
