import type { EventCategoryId } from '@shared/domain/categories'
import type { EventSource } from '@shared/domain/event'
import { DAY_MS, HOUR_MS, SHANGHAI_OFFSET_MS, shanghaiDayStart } from '@shared/time'
import type { Db } from '../database'
import { codeRange, inRange } from './area'

/**
 * The wall's event statistics (definitions in docs/STATISTICS.md).
 *
 * Whole Shanghai days of a window are read from event_daily (migration 3: per-day, per-grid counts
 * kept up to date by triggers on events, so they stay right whatever writes the events); the
 * partial days at either end are read from the events table. Every query on events windows on
 * one time column and names the covering index that starts with it (INDEXED BY keeps the plan
 * fixed whatever the statistics of the file); the area is a range of grid_code checked inside the
 * index. Windows are half-open: [since, until).
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

export interface GridCount {
  gridCode: string
  n: number
}

const REPORTED = 'events INDEXED BY events_reported_cover'
const CLOSED = 'events INDEXED BY events_closed_cover'
const DEADLINE = 'events INDEXED BY events_deadline_cover'
const OPEN = 'events INDEXED BY events_open_cover'
const DAILY = 'event_daily'

/**
 * A window split into whole Shanghai days [firstDay, endDay) (null when it holds none) and the
 * partial pieces before and after them, which are read from the events themselves.
 */
export function splitWindow(since: number, until: number): { days: Window | null; pieces: Window[] } {
  const start = shanghaiDayStart(since)
  const firstDay = start === since ? since : start + DAY_MS
  const endDay = shanghaiDayStart(until)
  if (firstDay >= endDay) return { days: null, pieces: since < until ? [{ since, until }] : [] }
  const pieces: Window[] = []
  if (since < firstDay) pieces.push({ since, until: firstDay })
  if (endDay < until) pieces.push({ since: endDay, until })
  return { days: { since: firstDay, until: endDay }, pieces }
}
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
    const area = codeRange(areaCode)
    const { days, pieces } = splitWindow(since, until)
    const out = { due: 0, resolved: 0 }
    if (days) {
      // Whole days: due and closed (ever) from the daily counts, less those closed at or after asOf.
      const d = this.get<{ due: number; closed: number }>(
        `SELECT coalesce(sum(due), 0) AS due, coalesce(sum(due_closed), 0) AS closed
         FROM ${DAILY} WHERE day >= @since AND day < @until AND ${inRange('grid_code')}`,
        { ...area, ...days }
      )
      const later = this.get<{ n: number }>(
        `SELECT count(*) AS n FROM ${CLOSED}
         WHERE closed_at >= @asOf AND ${inRange('grid_code')} AND deadline_at >= @since AND deadline_at < @until`,
        { ...area, ...days, asOf }
      ).n
      out.due += d.due
      out.resolved += d.closed - later
    }
    for (const w of pieces) {
      const r = this.get<{ due: number; resolved: number }>(
        `SELECT count(*) AS due, coalesce(sum(closed_at IS NOT NULL AND closed_at < @asOf), 0) AS resolved
         FROM ${DEADLINE} WHERE deadline_at >= @since AND deadline_at < @until AND ${inRange('grid_code')}`,
        { ...area, ...w, asOf }
      )
      out.due += r.due
      out.resolved += r.resolved
    }
    return out
  }

  /** Events closed in the window: how many by their deadline, how many rated, how many rated 4 or 5. */
  closedQuality(areaCode: string, since: number, until: number): ClosedQuality {
    const area = codeRange(areaCode)
    const { days, pieces } = splitWindow(since, until)
    const out: ClosedQuality = days
      ? this.get<ClosedQuality>(
          `SELECT coalesce(sum(closed), 0) AS closed, coalesce(sum(on_time), 0) AS onTime,
                  coalesce(sum(rated), 0) AS rated, coalesce(sum(satisfied), 0) AS satisfied
           FROM ${DAILY} WHERE day >= @since AND day < @until AND ${inRange('grid_code')}`,
          { ...area, ...days }
        )
      : { closed: 0, onTime: 0, rated: 0, satisfied: 0 }
    for (const w of pieces) {
      const r = this.get<ClosedQuality>(
        `SELECT count(*) AS closed, coalesce(sum(closed_at <= deadline_at), 0) AS onTime,
                count(satisfaction) AS rated, coalesce(sum(satisfaction >= 4), 0) AS satisfied
         FROM ${CLOSED} WHERE closed_at >= @since AND closed_at < @until AND ${inRange('grid_code')}`,
        { ...area, ...w }
      )
      out.closed += r.closed
      out.onTime += r.onTime
      out.rated += r.rated
      out.satisfied += r.satisfied
    }
    return out
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
    return this.perDay(areaCode, since, until, 'reported', `SELECT ${dayOf('reported_at')} AS day, count(*) AS n FROM ${REPORTED}
       WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY day`)
  }

  /** Events closed per Shanghai day (keyed by the day's start) in the window. */
  closedPerDay(areaCode: string, since: number, until: number): Map<number, number> {
    return this.perDay(areaCode, since, until, 'closed', `SELECT ${dayOf('closed_at')} AS day, count(*) AS n FROM ${CLOSED}
       WHERE closed_at >= @since AND closed_at < @until AND ${inRange('grid_code')} GROUP BY day`)
  }

  /** Per-day counts: whole days from the daily `column`, partial days from `rawSql` over the events. */
  private perDay(areaCode: string, since: number, until: number, column: 'reported' | 'closed', rawSql: string): Map<number, number> {
    const area = codeRange(areaCode)
    const { days, pieces } = splitWindow(since, until)
    const out = new Map<number, number>()
    const add = (rows: { day: number; n: number }[]): void => {
      for (const r of rows) if (r.n !== 0) out.set(r.day, (out.get(r.day) ?? 0) + r.n)
    }
    if (days) {
      add(this.all<{ day: number; n: number }>(
        `SELECT day, sum(${column}) AS n FROM ${DAILY} WHERE day >= @since AND day < @until AND ${inRange('grid_code')} GROUP BY day`,
        { ...area, ...days }
      ))
    }
    for (const w of pieces) add(this.all<{ day: number; n: number }>(rawSql, { ...area, ...w }))
    return out
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

  /** Events reported in the window per grid of the area (grids with none may be absent). */
  reportedPerGridWithin(areaCode: string, since: number, until: number): Map<string, number> {
    const area = codeRange(areaCode)
    const { days, pieces } = splitWindow(since, until)
    const out = new Map<string, number>()
    const add = (rows: GridCount[]): void => {
      for (const r of rows) out.set(r.gridCode, (out.get(r.gridCode) ?? 0) + r.n)
    }
    if (days) {
      add(this.all<GridCount>(
        `SELECT grid_code AS gridCode, sum(reported) AS n FROM ${DAILY}
         WHERE day >= @since AND day < @until AND ${inRange('grid_code')} GROUP BY grid_code`,
        { ...area, ...days }
      ))
    }
    for (const w of pieces) {
      add(this.all<GridCount>(
        `SELECT grid_code AS gridCode, count(*) AS n FROM ${REPORTED}
         WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY grid_code`,
        { ...area, ...w }
      ))
    }
    return out
  }

  /** Grids of the area by events reported in the window per resident, most first (grids with residents only). */
  hotspots(areaCode: string, since: number, until: number, limit: number): HotspotRow[] {
    const counts = this.reportedPerGridWithin(areaCode, since, until)
    const grids = this.db
      .prepare<{ lo: string; hi: string }, { gridCode: string; name: string; population: number }>(
        `SELECT code AS gridCode, name, population FROM regions WHERE level = 'grid' AND ${inRange('code')} AND population > 0`
      )
      .all(codeRange(areaCode))
    // Per resident, then more events, then code (codes are ASCII: JS order is SQLite's BINARY order).
    return grids
      .map((g) => ({ ...g, events: counts.get(g.gridCode) ?? 0 }))
      .sort((a, b) => b.events / b.population - a.events / a.population || b.events - a.events || (a.gridCode < b.gridCode ? -1 : a.gridCode > b.gridCode ? 1 : 0))
      .slice(0, limit)
      .map((g) => ({ gridCode: g.gridCode, name: g.name, population: g.population, events: g.events }))
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
}
