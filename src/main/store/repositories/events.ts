import type { Statement } from 'better-sqlite3'
import type { Db } from '../database'
import type { EventCursor, EventListRow, EventRow, EventTimelineEntry } from '@shared/api/eventTypes'
import { isOpenStatus, type EventLevel, type EventSource, type EventStatus, type EventTransition, type GovEvent } from '@shared/domain/event'
import { ancestorCode, parseRegionCode } from '@shared/domain/gridCode'
import type { RegionLevel } from '@shared/domain/region'
import { codeRange, inRange } from './area'
import { splitWindow } from './eventStats'

/** Level of an area's children, by the area's level. */
const childLevelOf: Partial<Record<RegionLevel, RegionLevel>> = {
  district: 'street',
  street: 'community',
  community: 'grid'
}
/** Column that holds the code of an area itself, by its level. */
const ownColumn: Partial<Record<RegionLevel, string>> = {
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code'
}

/** Filters of the events list (docs/EVENTS.md); an absent filter matches every event. */
export interface EventFilters {
  status?: readonly EventStatus[]
  level?: readonly EventLevel[]
  category?: readonly string[]
  source?: readonly EventSource[]
  /** true: open and past the deadline now; false: all others. */
  overdue?: boolean
}

/** The columns of an EventRow, from `events e LEFT JOIN regions g`. */
const rowColumns = `e.id, e.title, e.category, e.level, e.status, e.source, e.grid_code AS gridCode,
  coalesce(g.name, e.grid_code) AS gridName, e.reported_at AS reportedAt, e.deadline_at AS deadlineAt,
  e.closed_at AS closedAt, e.reporter_id AS reporterId, e.handler_id AS handlerId`
const gridJoin = 'LEFT JOIN regions g ON g.code = e.grid_code'
/** Open events by grid and deadline (migration 2): an area is a range of grid_code inside it. */
const OPEN = 'events e INDEXED BY events_open_cover'
/** Newest-first scans of an area, by its level (migration 1). */
const reportedIndex: Record<RegionLevel, { index: string; where: string }> = {
  district: { index: 'events_reported', where: inRange('e.grid_code') },
  street: { index: 'events_street_reported', where: 'e.street_code = @area' },
  community: { index: 'events_community_reported', where: 'e.community_code = @area' },
  grid: { index: 'events_grid_reported', where: 'e.grid_code = @area' },
  subgrid: { index: 'events_reported', where: inRange('e.grid_code') }
}

type Params = Record<string, string | number | null>

/** SQL conditions and parameters for the list filters on `column` prefix `p` ('e.' or ''). */
function filterSql(f: EventFilters, p: string, params: Params): string[] {
  const out: string[] = []
  const list = (column: string, key: string, values: readonly (string | number)[] | undefined): void => {
    if (!values) return
    const names = values.map((v, i) => {
      params[`${key}${i}`] = v
      return `@${key}${i}`
    })
    out.push(`${p}${column} IN (${names.join(', ')})`)
  }
  list('status', 'st', f.status)
  list('level', 'lv', f.level)
  list('category', 'ca', f.category)
  list('source', 'so', f.source)
  return out
}

export interface ChildEventCount {
  code: string
  reported: number
  resolved: number
}

/**
 * Reporter (actor of 'report') and handler (actor of the last 'reportHandled') of each event
 * in a batch of transitions, for events that do not carry them.
 */
function actorsFromTransitions(transitions: readonly EventTransition[]): Map<string, { reporter: string | null; handler: string | null }> {
  const out = new Map<string, { reporter: string | null; handler: string | null; handledAt: number }>()
  for (const t of transitions) {
    if (t.action !== 'report' && t.action !== 'reportHandled') continue
    let a = out.get(t.eventId)
    if (!a) out.set(t.eventId, (a = { reporter: null, handler: null, handledAt: -Infinity }))
    if (t.action === 'report') a.reporter ??= t.actor
    else if (t.at >= a.handledAt) {
      a.handler = t.actor
      a.handledAt = t.at
    }
  }
  return out
}

/** Governance events and their timelines. */
export class EventRepository {
  constructor(private readonly db: Db) {}

  /** Inserts events and their transitions in one transaction. */
  insertMany(events: readonly GovEvent[], transitions: readonly EventTransition[] = []): void {
    const ev = this.db.prepare(`INSERT INTO events
      (id, category, source, level, status, grid_code, community_code, street_code, title, lon, lat,
       reported_at, deadline_at, closed_at, satisfaction, reporter_id, handler_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const tr = this.db.prepare('INSERT INTO event_transitions (event_id, action, status, at, actor) VALUES (?, ?, ?, ?, ?)')
    const actors = actorsFromTransitions(transitions)
    this.db.transaction(() => {
      for (const e of events) {
        const a = actors.get(e.id)
        ev.run(e.id, e.category, e.source, e.level, e.status, e.gridCode, ancestorCode(e.gridCode, 'community'),
          ancestorCode(e.gridCode, 'street'), e.title, e.lon, e.lat, e.reportedAt, e.deadlineAt, e.closedAt, e.satisfaction,
          e.reporterId ?? a?.reporter ?? null, e.handlerId ?? a?.handler ?? null)
      }
      for (const t of transitions) tr.run(t.eventId, t.action, t.status, t.at, t.actor)
    })()
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
  }

  /** Time of the newest event report: how fresh the wall's data is. */
  latestReportedAt(): number | null {
    return (this.db.prepare('SELECT max(reported_at) AS t FROM events').get() as { t: number | null }).t
  }

  /**
   * Events reported in [since, until) in each child of an area (streets of the district,
   * communities of a street, grids of a community, or the grid itself), with how many are resolved.
   * Whole Shanghai days come from event_daily (migration 3), the partial days at the ends from the
   * events; counts per grid are then summed into the children (a child's code prefixes its grids').
   */
  countsByChild(areaCode: string, since: number, until: number): ChildEventCount[] {
    const level = parseRegionCode(areaCode).level
    // A grid has no children: it answers with itself.
    const childLevel = childLevelOf[level] ?? (ownColumn[level] ? level : null)
    if (!childLevel) return []
    const area = codeRange(areaCode)
    const { days, pieces } = splitWindow(since, until)
    const rows: { gridCode: string; reported: number; resolved: number }[] = []
    if (days) {
      rows.push(...this.db
        .prepare<typeof area & typeof days, { gridCode: string; reported: number; resolved: number }>(
          `SELECT grid_code AS gridCode, sum(reported) AS reported, sum(reported_closed) AS resolved FROM event_daily
           WHERE day >= @since AND day < @until AND ${inRange('grid_code')} GROUP BY grid_code`
        )
        .all({ ...area, ...days }))
    }
    for (const w of pieces) {
      rows.push(...this.db
        .prepare<typeof area & typeof w, { gridCode: string; reported: number; resolved: number }>(
          `SELECT grid_code AS gridCode, count(*) AS reported, count(closed_at) AS resolved FROM events INDEXED BY events_reported
           WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY grid_code`
        )
        .all({ ...area, ...w }))
    }
    const byChild = new Map<string, ChildEventCount>()
    for (const r of rows) {
      if (r.reported === 0 && r.resolved === 0) continue
      const code = ancestorCode(r.gridCode, childLevel)
      let c = byChild.get(code)
      if (!c) byChild.set(code, (c = { code, reported: 0, resolved: 0 }))
      c.reported += r.reported
      c.resolved += r.resolved
    }
    return [...byChild.values()].filter((c) => c.reported > 0).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  }

  /** Events reported in [since, until) within an area. */
  countWithin(areaCode: string, since: number, until: number): number {
    const own = ownColumn[parseRegionCode(areaCode).level]
    const where = own ? `${own} = @area AND` : ''
    return this.db
      .prepare<{ area: string; since: number; until: number }, { n: number }>(
        `SELECT count(*) AS n FROM events WHERE ${where} reported_at >= @since AND reported_at < @until`
      )
      .get({ area: areaCode, since, until })!.n
  }

  private rowStatement: Statement<[string], EventRow> | null = null

  /** One event as the wall lists it, or null (prepared once: lists of disputes and the inbox call it per row). */
  row(id: string): EventRow | null {
    this.rowStatement ??= this.db.prepare<[string], EventRow>(`SELECT ${rowColumns} FROM events e ${gridJoin} WHERE e.id = ?`)
    return this.rowStatement.get(id) ?? null
  }

  /** Position and rating of an event, for its detail. */
  place(id: string): { lon: number; lat: number; satisfaction: number | null } | null {
    return this.db.prepare<[string], { lon: number; lat: number; satisfaction: number | null }>(
      'SELECT lon, lat, satisfaction FROM events WHERE id = ?'
    ).get(id) ?? null
  }

  /** Open events of the area past their deadline at `now`, most overdue first. */
  overdueWithin(areaCode: string, now: number, limit: number): EventRow[] {
    return this.db
      .prepare<Params, EventRow>(
        `SELECT ${rowColumns} FROM ${OPEN} ${gridJoin}
         WHERE e.closed_at IS NULL AND ${inRange('e.grid_code')} AND e.deadline_at < @now
         ORDER BY e.deadline_at, e.id LIMIT @limit`
      )
      .all({ ...codeRange(areaCode), now, limit })
  }

  /** Open events of the area due in [now, until], soonest first. */
  dueWithin(areaCode: string, now: number, until: number, limit: number): EventRow[] {
    return this.db
      .prepare<Params, EventRow>(
        `SELECT ${rowColumns} FROM ${OPEN} ${gridJoin}
         WHERE e.closed_at IS NULL AND ${inRange('e.grid_code')} AND e.deadline_at >= @now AND e.deadline_at <= @until
         ORDER BY e.deadline_at, e.id LIMIT @limit`
      )
      .all({ ...codeRange(areaCode), now, until, limit })
  }

  /** How many open events of the area are overdue at `now`, and how many are due in [now, until]. */
  supervisionCounts(areaCode: string, now: number, until: number): { overdue: number; dueSoon: number } {
    return this.db
      .prepare<Params, { overdue: number; dueSoon: number }>(
        `SELECT coalesce(sum(e.deadline_at < @now), 0) AS overdue,
                coalesce(sum(e.deadline_at >= @now AND e.deadline_at <= @until), 0) AS dueSoon
         FROM ${OPEN} WHERE e.closed_at IS NULL AND ${inRange('e.grid_code')}`
      )
      .get({ ...codeRange(areaCode), now, until })!
  }

  /**
   * A page of the area's events matching the filters, newest first (reported_at, then id, both
   * descending), after the cursor; and the number of events matching the filters.
   * Filters that only open events can match (overdue, or only open statuses) read the open
   * events' index and sort them (there are a few thousand); others scan the area's newest-first
   * index, and count from event_facets (migration 6).
   */
  list(areaCode: string, filters: EventFilters, now: number, limit: number, before?: EventCursor): { rows: EventListRow[]; total: number } {
    const level = parseRegionCode(areaCode).level
    const params: Params = { ...codeRange(areaCode), area: areaCode, now, limit }
    const conditions = filterSql(filters, 'e.', params)
    const openOnly = filters.overdue === true || (filters.status !== undefined && filters.status.every(isOpenStatus))
    if (filters.overdue === true) conditions.push('e.closed_at IS NULL AND e.deadline_at < @now')
    if (filters.overdue === false) conditions.push('NOT (e.closed_at IS NULL AND e.deadline_at < @now)')
    const page = [...conditions]
    if (before) {
      params['beforeAt'] = before.reportedAt
      params['beforeId'] = before.id
      page.push('e.reported_at <= @beforeAt AND (e.reported_at < @beforeAt OR e.id < @beforeId)')
    }
    const and = (c: string[]): string => c.map((x) => ` AND ${x}`).join('')
    const columns = `${rowColumns}, (e.closed_at IS NULL AND e.deadline_at < @now) AS overdue`
    const order = 'ORDER BY e.reported_at DESC, e.id DESC LIMIT @limit'
    let rows: (Omit<EventListRow, 'overdue'> & { overdue: number })[]
    let total: number
    if (openOnly) {
      const from = `${OPEN} WHERE e.closed_at IS NULL AND ${inRange('e.grid_code')}`
      rows = this.db.prepare<Params, Omit<EventListRow, 'overdue'> & { overdue: number }>(
        `SELECT ${columns} FROM ${from.replace(OPEN, `${OPEN} ${gridJoin}`)}${and(page)} ${order}`
      ).all(params)
      total = this.db.prepare<Params, { n: number }>(`SELECT count(*) AS n FROM ${from}${and(conditions)}`).get(params)!.n
    } else {
      const scan = reportedIndex[level]
      rows = this.db.prepare<Params, Omit<EventListRow, 'overdue'> & { overdue: number }>(
        `SELECT ${columns} FROM events e INDEXED BY ${scan.index} ${gridJoin} WHERE ${scan.where}${and(page)} ${order}`
      ).all(params)
      const facetParams: Params = { ...codeRange(areaCode) }
      const facets = filterSql(filters, '', facetParams)
      total = this.db.prepare<Params, { n: number }>(
        `SELECT coalesce(sum(n), 0) AS n FROM event_facets WHERE ${inRange('grid_code')}${and(facets)}`
      ).get(facetParams)!.n
      if (filters.overdue === false) {
        // Less the overdue ones, which only open events can be.
        total -= this.db.prepare<Params, { n: number }>(
          `SELECT count(*) AS n FROM ${OPEN} WHERE e.closed_at IS NULL AND ${inRange('e.grid_code')}${and(filterSql(filters, 'e.', params))} AND e.deadline_at < @now`
        ).get(params)!.n
      }
    }
    return { rows: rows.map((r) => ({ ...r, overdue: r.overdue === 1 })), total }
  }

  /** The timeline of an event with the transitions' ids, in order. */
  timeline(eventId: string): EventTimelineEntry[] {
    return this.db
      .prepare<[string], EventTimelineEntry>(
        'SELECT id, action, status, at, actor FROM event_transitions WHERE event_id = ? ORDER BY at, id'
      )
      .all(eventId)
  }

  /**
   * Records a transition: the event's new status (and closing time when it is closed), its handler
   * (the actor of a `reportHandled`), its rating (`rate`) and a timeline row. The caller checks it
   * against the state machine, in its transaction. Returns the timeline row.
   */
  applyTransition(
    eventId: string,
    action: EventTimelineEntry['action'],
    status: EventStatus,
    at: number,
    actor: string,
    satisfaction: number | null = null
  ): EventTimelineEntry {
    this.db
      .prepare<Params>(
        `UPDATE events SET status = @status,
           closed_at = CASE WHEN @status IN ('closed', 'rated') THEN coalesce(closed_at, @at) ELSE closed_at END,
           handler_id = CASE WHEN @action = 'reportHandled' THEN @actor ELSE handler_id END,
           satisfaction = coalesce(@satisfaction, satisfaction)
         WHERE id = @id`
      )
      .run({ id: eventId, status, at, action, actor, satisfaction })
    const id = Number(
      this.db.prepare('INSERT INTO event_transitions (event_id, action, status, at, actor) VALUES (?, ?, ?, ?, ?)').run(eventId, action, status, at, actor)
        .lastInsertRowid
    )
    return { id, action, status, at, actor }
  }

  /** Whether a state-change message (docs/EVENTS.md) with this id was applied already. */
  messageApplied(messageId: string): boolean {
    return this.db.prepare<[string]>('SELECT 1 FROM event_messages WHERE id = ?').get(messageId) !== undefined
  }

  /** Records that a state-change message was applied, in the transaction that applied it. */
  recordMessage(messageId: string, eventId: string, appliedAt: number): void {
    this.db.prepare('INSERT INTO event_messages (id, event_id, applied_at) VALUES (?, ?, ?)').run(messageId, eventId, appliedAt)
  }

  transitionsOf(eventId: string): EventTransition[] {
    return this.db
      .prepare<[string], EventTransition>(
        'SELECT event_id AS eventId, action, status, at, actor FROM event_transitions WHERE event_id = ? ORDER BY at, id'
      )
      .all(eventId)
  }
}
