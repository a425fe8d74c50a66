import type { MultiPolygonCoords, PolygonCoords } from '../domain/geo'
import type { IncidentBrief } from '../domain/incident'
import type { OperatingMode } from '../domain/mode'
import type { Operator } from '../domain/people'
import type { TaskNoReplyMinutes } from '../domain/task'
import type { BuildingRiskLevel, GridProfile, RegionLevel } from '../domain/region'
import type { AlertView, IngestStatus } from './alertTypes'
import type { BriefingProgress } from '../briefing/spec'
import type { ImportProgress } from '../import/report'

export type * from './alertTypes'
export type * from './eventTypes'
export type * from './analysisTypes'
export type * from './incidentTypes'

/** Output types of the API. Inputs are the zod schemas in contract.ts. */

export type RegionGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: MultiPolygonCoords }

export type Runtime = 'electron' | 'browser'

export interface SystemStatus {
  productName: string
  version: string
  runtime: Runtime
  mode: OperatingMode
  /** The running incident while in emergency mode (a drill says so), else null (docs/EMERGENCY.md). */
  incident: IncidentBrief | null
  /** Newest event in the store: how fresh the wall's data is. */
  dataAsOf: number | null
  /** Server clock, so every wall shows the same time. */
  serverTime: number
  district: { code: string; name: string } | null
  demo: { seed: number; scale: number; generatedAt: number } | null
  /** The camera-alert link (null until the ingest has started). */
  ingest: IngestStatus | null
  /** The center's supervision settings: open events due within this many minutes are due soon (临期). */
  supervision: { dueSoonMinutes: number }
  /** Minutes without a reply before a dispatched task is highlighted, per incident level (tasks.configure). */
  tasks: { noReplyMinutes: TaskNoReplyMinutes }
}

export interface MapRegion {
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
  centroid: [number, number]
  geometry: RegionGeometry
}

/** The district with every street, community and grid polygon, in WGS-84. */
export interface DistrictMap {
  crs: 'WGS84'
  district: MapRegion
  streets: MapRegion[]
  communities: MapRegion[]
  grids: MapRegion[]
}

export interface AreaRef {
  code: string
  name: string
  level: RegionLevel
}

/** Events per child area (streets of a district, communities of a street, grids of a community). */
export interface EventsByArea {
  area: AreaRef
  since: number
  until: number
  rows: { code: string; name: string; reported: number; resolved: number }[]
}

export interface DistrictSummary {
  area: AreaRef
  grids: number
  buildings: Record<BuildingRiskLevel, number>
  cameras: { online: number; total: number }
  staffOnDuty: number
  events: number
}

export interface SessionInfo {
  operator: Operator | null
}

export interface SignInResult {
  operator: Operator
  /** Bearer token for the browser host; null in Electron, where the window is the session. */
  token: string | null
}

export interface AuditEntry {
  id: number
  at: number
  operatorId: number | null
  username: string | null
  action: string
  target: string | null
  detail: string | null
  outcome: 'ok' | 'refused' | 'failed'
}

/** Which data changed, so the wall refreshes only the affected panels. */
/** `incident`: the running incident's log has new entries (an operator's action while it runs). */
export const dataTopics = ['district', 'events', 'operators', 'mode', 'alerts', 'tasks', 'incident'] as const
export type DataTopic = (typeof dataTopics)[number]

export interface ApiEvents {
  status: SystemStatus
  data: { topics: DataTopic[] }
  /** New and changed alerts, pushed as they are committed (newest first). */
  alerts: { alerts: AlertView[] }
  /** A briefing export's progress (docs/BRIEFINGS.md). */
  briefing: BriefingProgress
  /** An import's progress (docs/IMPORT.md), by the id its caller chose. */
  import: ImportProgress
}

// ---- The normal-mode wall (issue 3). Every statistic is for one area: the one in the breadcrumb.

/** A figure and the same figure at the comparison point (yesterday by this time, or a week ago). */
export interface KpiValue {
  value: number | null
  previous: number | null
  basis: 'yesterday' | 'lastWeek' | 'none'
}

/** The KPI strip. Rates are 0–1; definitions in docs/STATISTICS.md. */
export interface WallKpis {
  area: AreaRef
  asOf: number
  reportedToday: KpiValue
  closedToday: KpiValue
  resolutionRate: KpiValue
  onTimeRate: KpiValue
  satisfaction: KpiValue
  overdue: KpiValue
  camerasOnline: { online: number; total: number }
  staffOnDuty: KpiValue
}

export interface DailyTrend {
  area: AreaRef
  /** Oldest first, one row per Shanghai calendar day, today last. */
  days: { date: string; reported: number; closed: number }[]
}

export interface HourlyProfile {
  area: AreaRef
  /** Events reported in each hour (0–23, Shanghai) today. */
  today: number[]
  /** Mean per hour over the previous 28 days. */
  average: number[]
}

export interface Breakdown<K extends string> {
  area: AreaRef
  since: number
  rows: { key: K; count: number }[]
}

export type RankingPeriod = 'week' | 'month'

/** Grid-worker assessment (周排名、月排行); the score formula is in docs/STATISTICS.md. */
export interface WorkerRanking {
  area: AreaRef
  period: RankingPeriod
  since: number
  rows: {
    staffId: string
    name: string
    role: string
    gridCode: string
    gridName: string
    reports: number
    handled: number
    onTimeRate: number | null
    satisfaction: number | null
    score: number
  }[]
}

/** Top grids by events per 1,000 residents. */
export interface Hotspots {
  area: AreaRef
  since: number
  rows: { gridCode: string; name: string; events: number; population: number; per1000: number }[]
}

export const mapMetrics = ['eventsToday', 'openEvents', 'overdueEvents', 'warningBuildings'] as const
export type MapMetric = (typeof mapMetrics)[number]

/** Choropleth values for every street, community and grid (absent code = 0). */
export interface RegionMetrics {
  metric: MapMetric
  asOf: number
  values: Record<string, number>
}

/** Buildings as columns (30,000–60,000 points): WGS-84, risk 0 safe / 1 normal / 2 warning. */
export interface BuildingPoints {
  crs: 'WGS84'
  ids: string[]
  lon: number[]
  lat: number[]
  risk: number[]
}

export interface CameraPoint {
  id: string
  name: string
  site: string
  gridCode: string
  lon: number
  lat: number
  online: boolean
}

export interface StaffPosition {
  id: string
  name: string
  role: string
  gridCode: string
  lon: number
  lat: number
}

/** A grid's detail card. */
export interface GridDetail {
  code: string
  name: string
  community: AreaRef
  street: AreaRef
  areaM2: number
  profile: GridProfile | null
  staff: { id: string; name: string; role: string; phone: string; dutyStatus: string }[]
  openEvents: number
  overdueEvents: number
  cameras: { online: number; total: number }
  buildings: Record<BuildingRiskLevel, number>
}

/** The basemap the wall draws under its layers; tiles always come through our own /tiles route. */
export interface BasemapInfo {
  kind: 'none' | 'xyz' | 'wmts' | 'mbtiles'
  /** Display name, e.g. "天地图 矢量" or "离线瓦片包". */
  name: string
  /** Coordinate system of the tiles: our WGS-84 layers are converted to it. */
  crs: 'WGS84' | 'CGCS2000' | 'GCJ02'
  /** Tile URL template on our own origin, e.g. "/tiles/{z}/{x}/{y}"; null when kind is "none". */
  tileUrl: string | null
  minZoom: number
  maxZoom: number
  attribution: string
}

/**
 * A place found by places.search (the incident's location in the 平急转换 form): a grid (by name or
 * code; its point is the centroid mode.enter uses) or a building (by name, which is its address).
 */
export interface PlaceHit {
  kind: 'grid' | 'building'
  /** The grid's code or the building's id: what mode.enter's location takes. */
  id: string
  name: string
  gridCode: string
  /** The grid's name, for a building. */
  gridName?: string
  /** WGS-84. */
  lon: number
  lat: number
}
