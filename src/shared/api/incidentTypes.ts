import type { AlertStatus } from '../domain/alert'
import type { CameraSite } from '../domain/camera'
import type { PeopleCounts, ShelterKind, Supplies } from '../domain/emergencyResources'
import type { Incident, IncidentLogEntry } from '../domain/incident'
import type { ModeChange } from '../domain/mode'
import type { StaffRole } from '../domain/people'
import type { BuildingRiskLevel } from '../domain/region'

/**
 * The ring analysis of an incident (incidents.rings; docs/EMERGENCY.md, "Ring rules"). Rings are
 * cumulative: ring i holds everything within ringsM[i] metres of the incident, inner rings
 * included. Totals are exact; lists are nearest first and cut at the request's limit.
 */
export interface RingTotals extends PeopleCounts {
  radiusM: number
  /** Grids any part of which lies within the radius. */
  grids: number
  /** Buildings whose point lies within the radius, and the people living in them. */
  buildings: number
  cameras: number
  camerasOnline: number
  /** On-duty vanguard team members (党员先锋队) and grid workers with a known position within the radius. */
  vanguard: number
  workers: number
  shelters: number
  shelterCapacity: number
  supplyPoints: number
}

/** A place within reach: its distance from the incident and the innermost ring it is in (null: beyond the last). */
export interface Placed {
  id: string
  name: string
  gridCode: string
  /** WGS-84. */
  lon: number
  lat: number
  distanceM: number
  ring: number | null
}

export interface RingGrid {
  code: string
  name: string
  /** 0 when the incident is inside the grid. */
  distanceM: number
  ring: number
  /** Per ring (cumulative), the grid's buildings within it and their people. */
  perRing: (PeopleCounts & { buildings: number })[]
}

export interface RingBuilding extends Placed, PeopleCounts {
  riskLevel: BuildingRiskLevel
  ring: number
}

export interface RingCamera extends Placed {
  site: CameraSite
  online: boolean
  ring: number
  /** The camera's newest alert, whatever its age and status. */
  latestAlert: { id: string; type: string; at: number; status: AlertStatus } | null
}

export interface NearbyStaff extends Placed {
  role: StaffRole
  phone: string
}

export interface NearbyShelter extends Placed {
  kind: ShelterKind
  capacity: number
}

export interface NearbySupplyPoint extends Placed {
  supplies: Supplies
}

export interface RingAnalysis {
  incidentId: string
  drill: boolean
  centre: { crs: 'WGS84'; lon: number; lat: number }
  ringsM: number[]
  rings: RingTotals[]
  /** Every grid the outermost ring reaches, nearest first. */
  grids: RingGrid[]
  buildings: RingBuilding[]
  cameras: RingCamera[]
  /** The nearest on-duty staff and places, within the rings or not, nearest first. */
  resources: {
    vanguard: NearbyStaff[]
    workers: NearbyStaff[]
    shelters: NearbyShelter[]
    supplyPoints: NearbySupplyPoint[]
  }
  /** How many of each list were asked for at most. */
  limit: number
}

/** The incident that runs (or null) and the newest entries of its log, newest first. */
export interface CurrentIncident {
  incident: Incident
  log: IncidentLogEntry[]
  /** Entries in the whole log (written ones and alerts inside the rings). */
  logTotal: number
}

/** What mode.enter and mode.leave answer: the mode_changes row and the incident opened or ended. */
export interface ModeSwitchResult {
  change: ModeChange
  /** Null only when leaving an emergency entered before incidents were recorded. */
  incident: Incident | null
}
