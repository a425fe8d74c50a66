import type { EventCategoryId } from '@shared/domain/categories'
import type { EventSource } from '@shared/domain/event'
import { DAY_MS, HOUR_MS, SHANGHAI_OFFSET_MS } from '@shared/time'
import type { Db } from '../database'
import { codeRange, inRange } from './area'

/**
 * The wall's event statistics (definitions in docs/STATISTICS.md), as plain indexed queries over
 * the live events table: nothing is precomputed, so they stay right when events change.
 *
 * Every query windows on one time column and names the covering index of migration 2 that starts
 * with it (INDEXED BY keeps the plan fixed whatever the statistics of the file); the area is a
 * range of grid_code checked inside the index. Windows are half-open: [since, until).
 */

type Area = { lo: string; hi: string }
type Window = { since: number; until: number }
type Params = Area & Window & Record<string, number | string>

export interface ClosedQuality {
  closed: number
  onTime: number
  rated: number
  satisfied: number
}

export interface HotspotRow {
  gridCode: string
  name: string
  population: number
  events: number
}

export interface WorkerActivity {
  staffId: string
  name: string
  role: string
  gridCode: string
  gridName: string
  reports: number
  handled: number
  onTime: number
  rated: number
  satisfied: number
}

export interface GridCount {
  gridCode: string
  n: number
}

const REPORTED = 'events INDEXED BY events_reported_cover'
const CLOSED = 'events INDEXED BY events_closed_cover'
const DEADLINE = 'events INDEXED BY events_deadline_cover'
const OPEN = 'events INDEXED BY events_open_cover'
/** Start of the Shanghai day of a time column, in SQL (integer division). */
const dayOf = (column: string): string => `((${column} + ${SHANGHAI_OFFSET_MS}) / ${DAY_MS}) * ${DAY_MS} - ${SHANGHAI_OFFSET_MS}`

export class EventStatsRepository {
  constructor(private readonly db: Db) {}

  private get<R>(sql: string, params: Params): R {
    return this.db.prepare<Params, R>(sql).get(params)!
  }

  private all<R>(sql: string, params: Params): R[] {
    return this.db.prepare<Params, R>(sql).all(params)
  }

  /** Events reported in the window within the area. */
  reported(areaCode: string, since: number, until: number): number {
    return this.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${REPORTED} WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')}`,
      { ...codeRange(areaCode), since, until }
    ).n
  }

  /** Events closed in the window within the area. */
  closed(areaCode: string, since: number, until: number): number {
    return this.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${CLOSED} WHERE closed_at >= @since AND closed_at < @until AND ${inRange('grid_code')}`,
      { ...codeRange(areaCode), since, until }
    ).n
  }

  /** Events whose deadline fell in the window, and how many of them were closed before `asOf`. */
  resolution(areaCode: string, since: number, until: number, asOf: number): { due: number; resolved: number } {
    return this.get<{ due: number; resolved: number }>(
      `SELECT count(*) AS due, coalesce(sum(closed_at IS NOT NULL AND closed_at < @asOf), 0) AS resolved
       FROM ${DEADLINE} WHERE deadline_at >= @since AND deadline_at < @until AND ${inRange('grid_code')}`,
      { ...codeRange(areaCode), since, until, asOf }
    )
  }

  /** Events closed in the window: how many by their deadline, how many rated, how many rated 4 or 5. */
  closedQuality(areaCode: string, since: number, until: number): ClosedQuality {
    return this.get<ClosedQuality>(
      `SELECT count(*) AS closed, coalesce(sum(closed_at <= deadline_at), 0) AS onTime,
              count(satisfaction) AS rated, coalesce(sum(satisfaction >= 4), 0) AS satisfied
       FROM ${CLOSED} WHERE closed_at >= @since AND closed_at < @until AND ${inRange('grid_code')}`,
      { ...codeRange(areaCode), since, until }
    )
  }

  /**
   * Events that were open and past their deadline at `at` (at ≤ now): those still open now with a
   * deadline before `at`, plus those closed after `at` whose deadline was before it. A deadline
   * is never before the report, so both were reported by then.
   */
  overdueAt(areaCode: string, at: number): number {
    const p = { ...codeRange(areaCode), since: at, until: at }
    const open = this.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${OPEN} WHERE closed_at IS NULL AND ${inRange('grid_code')} AND deadline_at < @until`,
      p
    ).n
    const closedLater = this.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${CLOSED} WHERE closed_at > @since AND ${inRange('grid_code')} AND deadline_at < @until`,
      p
    ).n
    return open + closedLater
  }

  /** Events reported per Shanghai day (keyed by the day's start) in the window. */
  reportedPerDay(areaCode: string, since: number, until: number): Map<number, number> {
    const rows = this.all<{ day: number; n: number }>(
      `SELECT ${dayOf('reported_at')} AS day, count(*) AS n FROM ${REPORTED}
       WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY day`,
      { ...codeRange(areaCode), since, until }
    )
    return new Map(rows.map((r) => [r.day, r.n]))
  }

  /** Events closed per Shanghai day (keyed by the day's start) in the window. */
  closedPerDay(areaCode: string, since: number, until: number): Map<number, number> {
    const rows = this.all<{ day: number; n: number }>(
      `SELECT ${dayOf('closed_at')} AS day, count(*) AS n FROM ${CLOSED}
       WHERE closed_at >= @since AND closed_at < @until AND ${inRange('grid_code')} GROUP BY day`,
      { ...codeRange(areaCode), since, until }
    )
    return new Map(rows.map((r) => [r.day, r.n]))
  }

  /** Events reported in the window per Shanghai hour of day: 24 counts. */
  reportedPerHour(areaCode: string, since: number, until: number): number[] {
    const rows = this.all<{ hour: number; n: number }>(
      `SELECT ((reported_at + ${SHANGHAI_OFFSET_MS}) % ${DAY_MS}) / ${HOUR_MS} AS hour, count(*) AS n FROM ${REPORTED}
       WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY hour`,
      { ...codeRange(areaCode), since, until }
    )
    const out = Array.from({ length: 24 }, () => 0)
    for (const r of rows) out[r.hour] = r.n
    return out
  }

  /** Events reported in the window by category or by source. */
  reportedBy<K extends 'category' | 'source'>(
    areaCode: string,
    key: K,
    since: number,
    until: number
  ): Map<K extends 'category' ? EventCategoryId : EventSource, number> {
    const rows = this.all<{ key: K extends 'category' ? EventCategoryId : EventSource; n: number }>(
      `SELECT ${key === 'category' ? 'category' : 'source'} AS key, count(*) AS n FROM ${REPORTED}
       WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY key`,
      { ...codeRange(areaCode), since, until }
    )
    return new Map(rows.map((r) => [r.key, r.n]))
  }

  /** Grids of the area by events reported in the window per resident, most first (grids with residents only). */
  hotspots(areaCode: string, since: number, until: number, limit: number): HotspotRow[] {
    return this.all<HotspotRow>(
      `SELECT g.code AS gridCode, g.name AS name, g.population AS population, coalesce(c.n, 0) AS events
       FROM regions g LEFT JOIN (
         SELECT grid_code, count(*) AS n FROM ${REPORTED}
         WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY grid_code
       ) c ON c.grid_code = g.code
       WHERE g.level = 'grid' AND ${inRange('g.code')} AND g.population > 0
       ORDER BY 1.0 * coalesce(c.n, 0) / g.population DESC, events DESC, g.code
       LIMIT @limit`,
      { ...codeRange(areaCode), since, until, limit }
    )
  }

  /** Events reported in the window per grid, over the whole store. */
  reportedPerGrid(since: number, until: number): GridCount[] {
    return this.all<GridCount>(
      `SELECT grid_code AS gridCode, count(*) AS n FROM ${REPORTED}
       WHERE reported_at >= @since AND reported_at < @until GROUP BY grid_code`,
      { lo: '', hi: '', since, until }
    )
  }

  /** Open events per grid, and how many of them are past their deadline at `now`, over the whole store. */
  openPerGrid(now: number): { gridCode: string; open: number; overdue: number }[] {
    return this.all<{ gridCode: string; open: number; overdue: number }>(
      `SELECT grid_code AS gridCode, count(*) AS open, sum(deadline_at < @until) AS overdue
       FROM ${OPEN} WHERE closed_at IS NULL GROUP BY grid_code`,
      { lo: '', hi: '', since: now, until: now }
    )
  }

  /** Open events within the area, and how many are past their deadline at `now`. */
  openWithin(areaCode: string, now: number): { open: number; overdue: number } {
    return this.get<{ open: number; overdue: number }>(
      `SELECT count(*) AS open, coalesce(sum(deadline_at < @until), 0) AS overdue
       FROM ${OPEN} WHERE closed_at IS NULL AND ${inRange('grid_code')}`,
      { ...codeRange(areaCode), since: now, until: now }
    )
  }

  /**
   * For each staff member of the area (by their grid) with any activity in the window, among the
   * area's events: events they reported (reported in the window), events they handled that were
   * closed in the window, how many of those closed by their deadline, were rated, and were rated 4
   * or 5. One pass over each window, grouped once, then one staff lookup per active person.
   */
  workerActivity(areaCode: string, since: number, until: number): WorkerActivity[] {
    return this.all<WorkerActivity>(
      `SELECT s.id AS staffId, s.name AS name, s.role AS role, s.grid_code AS gridCode, g.name AS gridName,
              x.reports AS reports, x.handled AS handled, x.onTime AS onTime, x.rated AS rated, x.satisfied AS satisfied
       FROM (
         SELECT id, sum(rep) AS reports, sum(hand) AS handled, sum(ontime) AS onTime, sum(rated) AS rated, sum(sat) AS satisfied
         FROM (
           SELECT reporter_id AS id, 1 AS rep, 0 AS hand, 0 AS ontime, 0 AS rated, 0 AS sat FROM ${REPORTED}
           WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} AND reporter_id IS NOT NULL
           UNION ALL
           SELECT handler_id, 0, 1, closed_at <= deadline_at, satisfaction IS NOT NULL, coalesce(satisfaction >= 4, 0) FROM ${CLOSED}
           WHERE closed_at >= @since AND closed_at < @until AND ${inRange('grid_code')} AND handler_id IS NOT NULL
         ) GROUP BY id
       ) x
       JOIN staff s ON s.id = x.id JOIN regions g ON g.code = s.grid_code
       WHERE ${inRange('s.grid_code')}`,
      { ...codeRange(areaCode), since, until }
    )
  }
}
