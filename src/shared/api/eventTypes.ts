import type { EventCategoryId } from '../domain/categories'
import type { EventAction, EventLevel, EventSource, EventStatus } from '../domain/event'
import type { Staff } from '../domain/people'
import type { SupervisionLevel } from '../domain/supervision'
import type { AlertView } from './alertTypes'
import type { DisputeAssessment } from './disputeTypes'
import type { AreaRef } from './types'

/** Output types of the events methods (docs/EVENTS.md). */

/** One event as the wall lists it. */
export interface EventRow {
  id: string
  title: string
  category: EventCategoryId
  level: EventLevel
  status: EventStatus
  source: EventSource
  gridCode: string
  gridName: string
  reportedAt: number
  deadlineAt: number
  closedAt: number | null
  reporterId: string | null
  handlerId: string | null
}

export interface OverdueEventRow extends EventRow {
  /** now − deadline, > 0. */
  overdueMs: number
  supervisionLevel: SupervisionLevel
}

export interface DueSoonEventRow extends EventRow {
  /** deadline − now, ≥ 0. */
  remainingMs: number
}

/** events.supervision: the area's overdue events (most overdue first) and those due soon (soonest first). */
export interface EventSupervision {
  area: AreaRef
  asOf: number
  dueSoonMinutes: number
  overdue: OverdueEventRow[]
  dueSoon: DueSoonEventRow[]
  /** Exact counts for the area, whatever the limit. */
  counts: { overdue: number; dueSoon: number }
}

/** events.list filters: each a non-empty list (absent: any), combined with AND; overdue: open and past the deadline now. */
export interface EventFilterInput {
  status?: EventStatus[]
  level?: EventLevel[]
  category?: EventCategoryId[]
  source?: EventSource[]
  overdue?: boolean
}

/** Position in the list: the last row seen (newest first by reportedAt, then id). */
export interface EventCursor {
  reportedAt: number
  id: string
}

export interface EventListRow extends EventRow {
  overdue: boolean
}

/** events.list: one page, newest first, and the number of events matching the filters. */
export interface EventList {
  area: AreaRef
  asOf: number
  rows: EventListRow[]
  total: number
  /** Cursor of the next page; null when this is the last. */
  next: EventCursor | null
}

export interface EventTimelineEntry {
  id: number
  action: EventAction | 'report'
  status: EventStatus
  at: number
  actor: string
}

/** events.get: an event with its timeline, deadline, grid and team, and the camera alert that raised it. */
export interface EventDetail {
  event: EventRow & { lon: number; lat: number; satisfaction: number | null }
  timeline: EventTimelineEntry[]
  asOf: number
  /** deadline − now while open and not yet due; null otherwise. */
  remainingMs: number | null
  /** now − deadline while open and overdue, or closedAt − deadline when closed late; null otherwise. */
  overdueMs: number | null
  /** While open and overdue. */
  supervisionLevel: SupervisionLevel | null
  grid: { code: string; name: string; community: AreaRef | null; street: AreaRef | null }
  team: Staff[]
  alert: AlertView | null
  /** A dispute's facts and warning level (docs/EVENTS.md "Dispute early warning"); null for other categories. */
  dispute: DisputeAssessment | null
}

/** events.act: the event after the action, and the transition it recorded. */
export interface EventActResult {
  event: EventRow
  transition: EventTimelineEntry
}
