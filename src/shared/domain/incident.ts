import type { AlertType } from './alert'

/**
 * 突发事件 (incidents) that switch the center to emergency command (平急转换, docs/EMERGENCY.md).
 * The types are those a Shenzhen district's 应急指挥 actually meets (the city's 突发事件总体应急预案
 * lists natural disasters, accidents, public-health and social-security events); earthquakes are
 * left out: Shenzhen's seismic risk is low and a quake is commanded at city level, not by a street.
 */
export const incidentTypes = [
  'fire',
  'waterlogging',
  'typhoon',
  'landslide',
  'hazardousChemicals',
  'gasLeak',
  'publicHealth',
  'massIncident',
  'other'
] as const
export type IncidentType = (typeof incidentTypes)[number]

/** At most this many rings, each at most this far (metres). */
export const MAX_RINGS = 3
export const MAX_RING_RADIUS_M = 20_000
export const MIN_RING_RADIUS_M = 50

/**
 * Default rings per type, metres, innermost first (the dispatcher may override them per incident).
 * Why these sizes:
 * - fire: the building and its neighbours (500 m), the block that smoke reaches (1 km), the area a
 *   fire station's first response covers and traffic is diverted in (3 km);
 * - waterlogging (防汛内涝): a flooded underpass or low-lying village is a few hundred metres; the
 *   catchment that drains to it ~1–2 km;
 * - typhoon: a whole-district hazard, the point is the worst-hit spot or the forward command post;
 *   rings measure how far teams and shelters are (1 / 3 / 5 km);
 * - landslide (边坡、余泥渣土受纳场滑坡: Guangming, 20 December 2015): the foot of the slope and the
 *   run-out (200 m, 500 m), the area evacuated around it (1 km);
 * - hazardous chemicals: the ERG's initial isolation and protective-action distances for large
 *   spills reach several km downwind; evacuation after Tianjin 2015 reached 3 km (1 / 3 / 5 km);
 * - gas leak: cordon of the building and street (100 m), evacuation (300 m), traffic control (1 km);
 * - public health: Shenzhen's 封控区 / 管控区 / 防范区 practice: the compound, its neighbourhood,
 *   the street around (300 m / 1 km / 3 km);
 * - mass incident (群体性事件): the crowd (200 m), the cordon (500 m), traffic and access (1 km);
 * - other: the common 500 m / 1 km / 3 km.
 */
export const defaultRingsM: Readonly<Record<IncidentType, readonly number[]>> = {
  fire: [500, 1000, 3000],
  waterlogging: [300, 1000, 2000],
  typhoon: [1000, 3000, 5000],
  landslide: [200, 500, 1000],
  hazardousChemicals: [1000, 3000, 5000],
  gasLeak: [100, 300, 1000],
  publicHealth: [300, 1000, 3000],
  massIncident: [200, 500, 1000],
  other: [500, 1000, 3000]
}

/**
 * The four levels of 突发事件 (《突发事件应对法》): I 特别重大 red, II 重大 orange, III 较大
 * yellow, IV 一般 blue. I is the most serious.
 */
export const incidentLevels = ['I', 'II', 'III', 'IV'] as const
export type IncidentLevel = (typeof incidentLevels)[number]
export const incidentLevelColors: Readonly<Record<IncidentLevel, 'red' | 'orange' | 'yellow' | 'blue'>> = {
  I: 'red',
  II: 'orange',
  III: 'yellow',
  IV: 'blue'
}

/** Where the incident is, as the dispatcher gave it: a WGS-84 point, a grid or a building. */
export type IncidentLocationInput =
  | { lon: number; lat: number; label?: string }
  | { gridCode: string }
  | { buildingId: string }

/** One incident: an emergency from its start to its end (a drill, 演练, is labelled as such everywhere). */
export interface Incident {
  /** `INC-yyyymmdd-nn`, numbered per Shanghai day. */
  id: string
  type: IncidentType
  level: IncidentLevel
  /** The point the rings are drawn around, WGS-84. */
  lon: number
  lat: number
  /** The grid holding the point (null when it is outside the district). */
  gridCode: string | null
  /** The building it was given by, if any. */
  buildingId: string | null
  /** What the wall shows: the building's or grid's name, or the address given with a point. */
  label: string
  reason: string
  drill: boolean
  /** Ring radii in metres, innermost first. */
  ringsM: number[]
  startedAt: number
  startedBy: string
  endedAt: number | null
  endedBy: string | null
  summary: string | null
}

/** What every wall carries in its status while an incident runs. */
export type IncidentBrief = Pick<Incident, 'id' | 'type' | 'level' | 'label' | 'drill' | 'startedAt'>

export const incidentBrief = (i: Incident): IncidentBrief => ({
  id: i.id,
  type: i.type,
  level: i.level,
  label: i.label,
  drill: i.drill,
  startedAt: i.startedAt
})

/**
 * Kinds of incident-log entries (docs/EMERGENCY.md "Incident log"): the switch in and out, tasks
 * dispatched and the status their replies report, the operators' actions on alerts and events
 * while the incident runs, and the camera alerts inside its rings.
 */
export const incidentLogKinds = ['started', 'ended', 'task', 'taskStatus', 'action', 'alert'] as const
export type IncidentLogKind = (typeof incidentLogKinds)[number]

/** A camera alert inside the rings, as the log lists it. */
export interface IncidentLogAlert {
  id: string
  type: AlertType
  cameraName: string
  /** Index of the innermost ring it falls in. */
  ring: number
  distanceM: number
}

export interface IncidentLogEntry {
  /** `log:{n}` for a written entry, `alert:{alertId}` for an alert inside the rings. */
  id: string
  incidentId: string
  at: number
  kind: IncidentLogKind
  operator: string | null
  text: string
  /** Set on `alert` entries. */
  alert?: IncidentLogAlert
}

/** Chinese and English names of the types, for texts written in main (the wall's are in its i18n messages). */
export const incidentTypeNames: Readonly<Record<IncidentType, { zh: string; en: string }>> = {
  fire: { zh: '火灾', en: 'Fire' },
  waterlogging: { zh: '防汛内涝', en: 'Flooding and waterlogging' },
  typhoon: { zh: '台风', en: 'Typhoon' },
  landslide: { zh: '地质灾害（滑坡）', en: 'Landslide' },
  hazardousChemicals: { zh: '危化品事故', en: 'Hazardous chemicals' },
  gasLeak: { zh: '燃气泄漏', en: 'Gas leak' },
  publicHealth: { zh: '公共卫生事件', en: 'Public health' },
  massIncident: { zh: '群体性事件', en: 'Mass incident' },
  other: { zh: '其他突发事件', en: 'Other emergency' }
}

/** The log's text for an incident's start: "[演练] 火灾 IV级 @ 某网格：原因". */
export const incidentStartedText = (i: Pick<Incident, 'drill' | 'type' | 'level' | 'label' | 'reason'>): string =>
  `${i.drill ? '[演练] ' : ''}${incidentTypeNames[i.type].zh} ${i.level}级 @ ${i.label}：${i.reason}`
