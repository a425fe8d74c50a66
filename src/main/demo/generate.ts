import type { Building } from '@shared/domain/region'
import type { Camera } from '@shared/domain/camera'
import type { EventTransition, GovEvent } from '@shared/domain/event'
import type { BuildingPeople } from '@shared/domain/emergencyResources'
import type { Staff } from '@shared/domain/people'
import type { RegionRecord } from '../store/repositories/regions'
import { generateBuildings } from './buildings'
import { generateDemoAlerts, type DemoAlert } from './alerts'
import { generateCameras } from './cameras'
import { generateEmergencyResources, type EmergencyResources } from './emergencyResources'
import { EventPlanner } from './events/events'
import type { DemoOptions } from './options'
import { Progress } from './progress'
import { LocalProjection } from './projection'
import { generateBuildingPeople } from './people'
import { Random } from './random'
import { planRegions } from './regions'
import { generateStaff } from './staff'

export interface DemoDistrict extends EmergencyResources {
  district: RegionRecord
  streets: RegionRecord[]
  communities: RegionRecord[]
  grids: RegionRecord[]
  buildings: Building[]
  /** Who lives in each building (same order as the buildings). */
  people: BuildingPeople[]
  cameras: Camera[]
  staff: Staff[]
  /** The last day's camera alerts. */
  alerts: DemoAlert[]
  events: GovEvent[]
  transitions: EventTransition[]
}

/** The district without its events, and the planner that produces them day by day. */
export interface DemoPlan extends Omit<DemoDistrict, 'events' | 'transitions'> {
  events: EventPlanner
}

export class DemoOptionsError extends RangeError {
  constructor(message: string) {
    super(`演示参数无效 / invalid demo options: ${message}`)
    this.name = 'DemoOptionsError'
  }
}

function validate(o: DemoOptions): void {
  if (!Number.isInteger(o.seed)) throw new DemoOptionsError(`seed must be an integer, got ${o.seed}`)
  if (!Number.isFinite(o.scale) || o.scale <= 0) throw new DemoOptionsError(`scale must be a positive number, got ${o.scale}`)
  if (!Number.isFinite(o.now)) throw new DemoOptionsError(`now must be a time in ms, got ${o.now}`)
  const [lon, lat] = o.center
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 80)) throw new DemoOptionsError(`center must be [lon, lat] in WGS-84, got ${o.center.join(',')}`)
}

/**
 * Everything but the events: regions, buildings, cameras and staff. Each part draws from its own
 * named stream of the seed, so the output depends on (seed, scale, center, now) only.
 */
export function planDemoDistrict(options: DemoOptions, progress = new Progress(options.onProgress)): DemoPlan {
  validate(options)
  const rng = Random.fromSeed(options.seed)
  const projection = new LocalProjection(options.center)
  const regions = planRegions(rng.fork('regions'), projection, (done, total) =>
    progress.report('regions', (0.8 * done) / total, `划分网格 ${done}/${total}`, `drawing grids ${done}/${total}`)
  )
  const { grids } = regions
  const { buildings, sitesByGrid } = generateBuildings(rng.fork('buildings'), grids, options.scale, projection)
  progress.report('buildings', 0.88, `楼栋 ${buildings.length}`, `${buildings.length} buildings`)
  const cameras = generateCameras(rng.fork('cameras'), grids, sitesByGrid, options.scale, projection)
  progress.report('cameras', 0.92, `摄像机 ${cameras.length}`, `${cameras.length} cameras`)
  const alerts = generateDemoAlerts(rng.fork('alerts'), cameras, options.now)
  const { staff, teams } = generateStaff(rng.fork('staff'), grids, sitesByGrid, options.scale, options.now, projection)
  progress.report('staff', 0.96, `网格队伍 ${staff.length} 人`, `${staff.length} staff`)
  const people = generateBuildingPeople(rng.fork('people'), buildings, grids.map((g) => ({ code: g.record.code, profile: g.profile })))
  const resources = generateEmergencyResources(rng.fork('emergency'), regions.streets, grids, buildings, projection)
  const events = new EventPlanner(rng.fork('events'), { grids, sitesByGrid, teams, projection, now: options.now, scale: options.scale })
  progress.report('staff', 1, '基础数据就绪', 'base data ready')
  return {
    district: regions.district.record,
    streets: regions.streets.map((s) => s.record),
    communities: regions.communities.map((c) => c.record),
    grids: grids.map((g) => g.record),
    buildings,
    people,
    cameras,
    staff,
    alerts,
    ...resources,
    events
  }
}

/** The whole demo district in memory. Pure: no database, same options → same output. */
export function generateDemoDistrict(options: DemoOptions): DemoDistrict {
  const progress = new Progress(options.onProgress)
  const { events: planner, ...base } = planDemoDistrict(options, progress.span(0, 0.15))
  const eventProgress = progress.span(0.15, 1)
  const events: GovEvent[] = []
  const transitions: EventTransition[] = []
  for (const chunk of planner.chunks()) {
    for (const e of chunk.events) events.push(e)
    for (const t of chunk.transitions) transitions.push(t)
    eventProgress.report('events', chunk.daysDone / chunk.totalDays, `事件 ${events.length}/${planner.total}`, `events ${events.length}/${planner.total}`)
  }
  return { ...base, events, transitions }
}
