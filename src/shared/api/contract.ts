import { z } from 'zod'
import { operatorRoles, type Operator, type OperatorRole } from '../domain/people'
import { isRegionCode } from '../domain/gridCode'
import { PLACE_LIMIT_MAX, PLACE_QUERY_MAX } from '../domain/placeSearch'
import { enterEmergencySchema, leaveEmergencySchema } from '../domain/incidentInput'
import type { CurrentIncident, ModeSwitchResult, RingAnalysis } from './incidentTypes'
import { dispatchTaskSchema, taskNoReplyMinutesSchema, type TaskNoReplyMinutes, type TaskView } from '../domain/task'
import { dismissReasons } from '../domain/alert'
import type { AlertCounts, AlertView, IngestStatus, QuarantineEntry } from './alertTypes'
import { brokerSettingsUpdateSchema, type BrokerSettingsInfo } from '../alerts/brokerSettings'
import type { ApiMethodName } from './channels'
import { briefingExportInputSchema, type BriefingRecord } from '../briefing/spec'
import { briefingScheduleSchema, type BriefingScheduleInfo } from '../briefing/schedule'
import { importInputSchema } from '../import/api'
import type { ImportPreview, ImportResult } from '../import/report'
import type { EventCategoryId } from '../domain/categories'
import { eventCategoryIds } from '../domain/categories'
import { eventLevels, eventSources, eventStatuses, wallEventActions, type EventSource } from '../domain/event'
import { DUE_SOON_MINUTES_MAX, DUE_SOON_MINUTES_MIN } from '../domain/supervision'
import type { EventActResult, EventDetail, EventFilterInput, EventList, EventSupervision } from './eventTypes'
import type { HeatCells, HotDemands, HourWeekday } from './analysisTypes'
import type { DisputeWarnings } from './disputeTypes'
import {
  mapMetrics,
  type BasemapInfo,
  type Breakdown,
  type BuildingPoints,
  type CameraPoint,
  type DailyTrend,
  type GridDetail,
  type HourlyProfile,
  type Hotspots,
  type PlaceHit,
  type RegionMetrics,
  type StaffPosition,
  type WallKpis,
  type WorkerRanking
} from './types'
import type {
  AuditEntry,
  DistrictMap,
  DistrictSummary,
  EventsByArea,
  SessionInfo,
  SignInResult,
  SystemStatus
} from './types'

/**
 * The one API contract, used by the main-side dispatcher (validation and role checks), the
 * preload, the browser host and the renderer's client.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** Least role that may call it; null: open to the view-only wall. */
  role: OperatorRole | null
  /** Recorded in the audit log, allowed or refused. */
  audit: boolean
  /** What the audit entry names as the target (default: the input's area code, mode or username). */
  auditTarget?(input: z.output<I>): string | null
  /** Phantom field carrying the output type. */
  readonly output?: O
}

const method =
  <O>() =>
  <I extends z.ZodType>(spec: { input: I; role: OperatorRole | null; audit?: boolean; auditTarget?: (input: z.output<I>) => string | null }): MethodSpec<I, O> => ({
    input: spec.input,
    role: spec.role,
    audit: spec.audit ?? false,
    ...(spec.auditTarget ? { auditTarget: spec.auditTarget } : {})
  })

const none = z.object({}).strict()
const importAuditTarget = (i: z.output<typeof importInputSchema>): string => `import ${i.id}: ${i.files.map((f) => `${f.kind} ${f.name}`).join(', ')}`.slice(0, 500)
export const regionCodeSchema = z
  .string()
  .max(32)
  .refine((c) => isRegionCode(c), { message: '区划编码格式错误 / malformed region code' })
const area = z.object({ areaCode: regionCodeSchema }).strict()
const areaDays = (max: number) => z.object({ areaCode: regionCodeSchema, days: z.number().int().min(1).max(max) }).strict()
export const alertIdSchema = z.string().min(1).max(200)
const alertId = z.object({ id: alertIdSchema }).strict()
const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, '用户名只能包含字母、数字和 . _ - / letters, digits and . _ - only')

export const eventIdSchema = z.string().min(1).max(200)
const eventFilters = z
  .object({
    status: z.array(z.enum(eventStatuses)).min(1).max(eventStatuses.length).optional(),
    level: z.array(z.union([z.literal(1), z.literal(2), z.literal(3)])).min(1).max(eventLevels.length).optional(),
    category: z.array(z.enum(eventCategoryIds as [EventCategoryId, ...EventCategoryId[]])).min(1).max(eventCategoryIds.length).optional(),
    source: z.array(z.enum(eventSources)).min(1).max(eventSources.length).optional(),
    overdue: z.boolean().optional()
  })
  .strict() satisfies z.ZodType<EventFilterInput>

/** The analysis of hot-spot areas and hours: an area, one category or all (absent), the last `days` days. */
const analysisInput = z
  .object({
    areaCode: regionCodeSchema,
    category: z.enum(eventCategoryIds as [EventCategoryId, ...EventCategoryId[]]).optional(),
    days: z.number().int().min(1).max(366)
  })
  .strict()

export const apiMethods = {
  'system.status': method<SystemStatus>()({ input: none, role: null }),
  'map.district': method<DistrictMap>()({ input: none, role: null }),
  'stats.summary': method<DistrictSummary>()({ input: z.object({ areaCode: regionCodeSchema }).strict(), role: null }),
  'stats.eventsByArea': method<EventsByArea>()({
    input: z.object({ areaCode: regionCodeSchema, days: z.number().int().min(1).max(366) }).strict(),
    role: null
  }),
  'stats.kpis': method<WallKpis>()({
    // `at` (epoch ms, not in the future) rewinds the event windows to that moment; cameras and
    // staff on duty are always the present state.
    input: z.object({ areaCode: regionCodeSchema, at: z.number().int().min(0).optional() }).strict(),
    role: null
  }),
  'stats.trend': method<DailyTrend>()({ input: areaDays(90), role: null }),
  'stats.hourly': method<HourlyProfile>()({ input: area, role: null }),
  'stats.categories': method<Breakdown<EventCategoryId>>()({ input: areaDays(366), role: null }),
  'stats.sources': method<Breakdown<EventSource>>()({ input: areaDays(366), role: null }),
  'stats.workerRanking': method<WorkerRanking>()({
    input: z.object({ areaCode: regionCodeSchema, period: z.enum(['week', 'month']), limit: z.number().int().min(1).max(200) }).strict(),
    role: null
  }),
  'stats.hotspots': method<Hotspots>()({
    input: z.object({ areaCode: regionCodeSchema, days: z.number().int().min(1).max(366), limit: z.number().int().min(1).max(50) }).strict(),
    role: null
  }),
  /** Hot-spot areas: the area's events of the last `days` days (one category or all) per place cell, for a heat map. */
  'stats.heat': method<HeatCells>()({ input: analysisInput, role: null }),
  /** Hot-spot hours: the same events by hour and weekday (Shanghai, Monday first). */
  'stats.hourWeekday': method<HourWeekday>()({ input: analysisInput, role: null }),
  /** Hot resident demands: per category, the last 7 × 24 h against the 7 × 24 h before, rising first. */
  'stats.hotDemands': method<HotDemands>()({ input: area, role: null }),
  'map.metrics': method<RegionMetrics>()({ input: z.object({ metric: z.enum(mapMetrics) }).strict(), role: null }),
  'map.buildings': method<BuildingPoints>()({ input: none, role: null }),
  'map.cameras': method<CameraPoint[]>()({ input: none, role: null }),
  'map.staffPositions': method<StaffPosition[]>()({ input: none, role: null }),
  'map.basemap': method<BasemapInfo>()({ input: none, role: null }),
  /** Grids (name or code) and buildings (name, i.e. address) matching a query, for the incident's location (docs/EMERGENCY.md). */
  'places.search': method<PlaceHit[]>()({
    input: z.object({ query: z.string().trim().min(1).max(PLACE_QUERY_MAX), limit: z.number().int().min(1).max(PLACE_LIMIT_MAX).optional() }).strict(),
    role: null
  }),
  'region.gridDetail': method<GridDetail>()({
    input: z.object({ gridCode: regionCodeSchema.refine((c) => isRegionCode(c, 'grid'), { message: '须为网格编码 / must be a grid code' }) }).strict(),
    role: null
  }),
  'auth.session': method<SessionInfo>()({ input: none, role: null }),
  'auth.signIn': method<SignInResult>()({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    role: null,
    audit: true
  }),
  'auth.signOut': method<null>()({ input: none, role: null, audit: true }),
  'operators.list': method<Operator[]>()({ input: none, role: 'admin' }),
  'operators.create': method<Operator>()({
    input: z
      .object({
        username,
        displayName: z.string().trim().min(1).max(64),
        role: z.enum(operatorRoles),
        password: z.string().min(10, '密码至少 10 位 / at least 10 characters').max(256)
      })
      .strict(),
    role: 'admin',
    audit: true
  }),
  'audit.latest': method<AuditEntry[]>()({
    input: z.object({ limit: z.number().int().min(1).max(1000) }).strict(),
    role: 'admin'
  }),
  /** 平急转换 into emergency command: opens an incident (docs/EMERGENCY.md); CONFLICT when already in emergency mode. */
  'mode.enter': method<ModeSwitchResult>()({
    input: enterEmergencySchema,
    role: 'dispatcher',
    audit: true,
    auditTarget: (i) => `emergency ${i.type}${i.drill ? ' drill' : ''}`
  }),
  /** Back to normal service: ends the running incident with a summary; CONFLICT when not in emergency mode. */
  'mode.leave': method<ModeSwitchResult>()({ input: leaveEmergencySchema, role: 'dispatcher', audit: true, auditTarget: () => 'normal' }),
  /** The running incident and its log (newest first), or null. */
  'incidents.current': method<CurrentIncident | null>()({ input: none, role: null }),
  /** The ring analysis of the running incident, or of the incident with this id (docs/EMERGENCY.md, "Ring rules"). */
  'incidents.rings': method<RingAnalysis>()({
    input: z.object({ id: z.string().min(1).max(40).optional(), limit: z.number().int().min(1).max(2000).optional() }).strict(),
    role: null
  }),
  /** A task for a worker or a grid's team during the running incident, sent through the outbox (docs/EMERGENCY.md "Dispatch"); CONFLICT when none runs. */
  'tasks.dispatch': method<TaskView>()({
    input: dispatchTaskSchema,
    role: 'dispatcher',
    audit: true,
    auditTarget: (i) => ('staffId' in i.assignee ? `task staff ${i.assignee.staffId}` : `task team ${i.assignee.gridCode}`)
  }),
  /** The tasks of the running incident (or of the incident `incidentId`), oldest first, with `overdue`. */
  'tasks.list': method<TaskView[]>()({ input: z.object({ incidentId: z.string().min(1).max(40).optional() }).strict(), role: null }),
  /** The center's minutes without a reply before a task is highlighted, per incident level (admins; in every wall's status). */
  'tasks.configure': method<TaskNoReplyMinutes>()({ input: taskNoReplyMinutesSchema, role: 'admin', audit: true, auditTarget: () => 'task no-reply minutes' }),
  'alerts.latest': method<AlertView[]>()({
    input: z.object({ areaCode: regionCodeSchema.optional(), limit: z.number().int().min(1).max(200) }).strict(),
    role: null
  }),
  'alerts.get': method<AlertView>()({ input: alertId, role: null }),
  'alerts.counts': method<AlertCounts>()({ input: area, role: null }),
  'alerts.acknowledge': method<AlertView>()({ input: alertId, role: 'dutyOfficer', audit: true }),
  'alerts.dispatch': method<AlertView>()({
    input: z.object({ id: alertIdSchema, note: z.string().trim().max(500).optional() }).strict(),
    role: 'dutyOfficer',
    audit: true
  }),
  'alerts.dismiss': method<AlertView>()({
    input: z.object({ id: alertIdSchema, reason: z.enum(dismissReasons), note: z.string().trim().max(500).optional() }).strict(),
    role: 'dutyOfficer',
    audit: true
  }),
  'alerts.quarantine': method<QuarantineEntry[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    role: 'dutyOfficer'
  }),
  /** The broker settings dialog: `<dataDir>/mqtt.json` without its password. */
  'alerts.brokerSettings': method<BrokerSettingsInfo>()({ input: none, role: 'admin' }),
  /** Validates and writes mqtt.json, restarts the alert path with it; returns the new link status. */
  'alerts.configureBroker': method<IngestStatus>()({ input: brokerSettingsUpdateSchema, role: 'admin', audit: true }),
  /** Overdue (督办) and due-soon (临期) open events of an area (docs/EVENTS.md). */
  'events.supervision': method<EventSupervision>()({
    input: z
      .object({
        areaCode: regionCodeSchema,
        /** Absent: the center's setting (events.configureSupervision; DEFAULT_DUE_SOON_MINUTES until set). */
        dueSoonMinutes: z.number().int().min(1).max(DUE_SOON_MINUTES_MAX).optional(),
        limit: z.number().int().min(1).max(200)
      })
      .strict(),
    role: null
  }),
  /** An area's events, newest first, filtered and paged by cursor, with the total for the filters. */
  'events.list': method<EventList>()({
    input: z
      .object({
        areaCode: regionCodeSchema,
        filters: eventFilters.optional(),
        limit: z.number().int().min(1).max(200),
        before: z.object({ reportedAt: z.number().int().min(0), id: eventIdSchema }).strict().optional()
      })
      .strict(),
    role: null
  }),
  'events.get': method<EventDetail>()({ input: z.object({ id: eventIdSchema }).strict(), role: null }),
  /** A dispatcher's action from the wall; the field's actions come from the platform (docs/EVENTS.md). */
  'events.act': method<EventActResult>()({
    input: z.object({ id: eventIdSchema, action: z.enum(wallEventActions), note: z.string().trim().max(500).optional() }).strict(),
    role: 'dispatcher',
    audit: true
  }),
  /** The due-soon (临期) window for every wall of the center; pushed with the status. */
  'events.configureSupervision': method<{ dueSoonMinutes: number }>()({
    input: z.object({ dueSoonMinutes: z.number().int().min(DUE_SOON_MINUTES_MIN).max(DUE_SOON_MINUTES_MAX) }).strict(),
    role: 'admin',
    audit: true
  }),
  /** The area's open disputes with their facts and warning level, most serious first, and exact counts per level (docs/EVENTS.md). */
  'events.disputes': method<DisputeWarnings>()({
    input: z.object({ areaCode: regionCodeSchema, limit: z.number().int().min(1).max(200) }).strict(),
    role: null
  }),
  /** The wall or one panel as a PNG with a header band, in `<dataDir>/briefings/` (docs/BRIEFINGS.md); progress as `briefing` events. */
  'briefings.export': method<BriefingRecord>()({
    input: briefingExportInputSchema,
    role: 'dutyOfficer',
    audit: true,
    auditTarget: (i) => `briefing ${i.target.kind === 'wall' ? 'wall' : `panel ${i.target.panel}`} ${i.areaCode} ${i.width}x${i.height}`
  }),
  /** The exported briefings, newest first. */
  'briefings.list': method<BriefingRecord[]>()({ input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(), role: null }),
  /** The scheduled briefings (`<dataDir>/briefings.json`) and the next time one fires. */
  'briefings.schedule': method<BriefingScheduleInfo>()({ input: none, role: null }),
  /** Writes the schedule (the whole of it; omitted fields take their defaults) and reschedules. */
  'briefings.configure': method<BriefingScheduleInfo>()({ input: briefingScheduleSchema, role: 'admin', audit: true, auditTarget: () => 'briefing schedule' }),
  /** Reads, maps and validates a district's files and reports, writing nothing (docs/IMPORT.md); progress as `import` events. */
  'import.preview': method<ImportPreview>()({ input: importInputSchema, role: 'admin', audit: true, auditTarget: importAuditTarget }),
  /** Validates again and replaces the district in one transaction when there is no error; then pushes `data { topics: ['district', …] }`. */
  'import.apply': method<ImportResult>()({ input: importInputSchema, role: 'admin', audit: true, auditTarget: importAuditTarget })
} satisfies Record<ApiMethodName, MethodSpec>

export type ApiMethods = typeof apiMethods
export type ApiInput<M extends ApiMethodName> = z.input<ApiMethods[M]['input']>
export type ApiParsedInput<M extends ApiMethodName> = z.output<ApiMethods[M]['input']>
export type ApiOutput<M extends ApiMethodName> = ApiMethods[M] extends MethodSpec<z.ZodType, infer O> ? O : never
