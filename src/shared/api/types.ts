import type { MultiPolygonCoords, PolygonCoords } from '../domain/geo'
import type { OperatingMode } from '../domain/mode'
import type { Operator } from '../domain/people'
import type { BuildingRiskLevel, RegionLevel } from '../domain/region'

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
  /** Newest event in the store: how fresh the wall's data is. */
  dataAsOf: number | null
  /** Server clock, so every wall shows the same time. */
  serverTime: number
  district: { code: string; name: string } | null
  demo: { seed: number; scale: number; generatedAt: number } | null
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
export const dataTopics = ['district', 'events', 'operators', 'mode'] as const
export type DataTopic = (typeof dataTopics)[number]

export interface ApiEvents {
  status: SystemStatus
  data: { topics: DataTopic[] }
}
