import type { EventCategoryId } from '@shared/domain/categories'
import type { EventSource } from '@shared/domain/event'
import type { Db } from '../database'
import { codeRange, inRange } from './area'
import { DEFAULT_SHIFT_LIMIT_MS, DEFAULT_WINDOWS, OPEN_END, SlidingWindows } from './slidingWindows'

/** The `cell` column of events (migration 9): x · CELL_ROW + y, x and y counting 1/CELLS_PER_DEGREE of a degree from 180° W and 90° S. */
export const CELLS_PER_DEGREE = 800
const CELL_ROW = 1_000_000
/** Hours in a week: `week_hour` runs from 0 (Monday 00:00–01:00, Shanghai) to 167. */
export const WEEK_HOURS = 168

/** A place cell by its integer indices: its west edge is x / CELLS_PER_DEGREE − 180, its south edge y / CELLS_PER_DEGREE − 90. */
export interface CellCount {
  x: number
  y: number
  n: number
}

/** The analysis windows' marker for "every category". */
const ALL = '*'
const REPORTED = 'events INDEXED BY events_reported_cover'
const tables = { cell: 'analysis_cells', week_hour: 'analysis_hours' } as const
type Key = keyof typeof tables

type Read = { slot: number; category: string; lo: string; hi: string }
type Later = { category: string; lo: string; hi: string; from: number; to: number }

/**
 * Hot-spot areas and hours (docs/STATISTICS.md, "Analysis"). Counting a quarter of a million-event
 * district per place cell or hour of the week on every read takes hundreds of milliseconds, so the
 * store keeps windows (migration 9, SlidingWindows): per window start, the events from it on per
 * category (and '*'), cell or hour of the week, and grid. A read sums the area's range of one
 * window and subtracts the events at or after its end (normally none). Resident demands, two
 * weeks of one area, are counted from the events index.
 */
export class EventAnalysisRepository {
  private readonly windows: SlidingWindows

  constructor(private readonly db: Db) {
    this.windows = new SlidingWindows(db, {
      sinceTable: 'analysis_window_since',
      max: DEFAULT_WINDOWS,
      shiftLimitMs: DEFAULT_SHIFT_LIMIT_MS,
      apply: (slot, sign, from, to) => {
        for (const key of Object.keys(tables) as Key[]) this.apply(key, slot, sign, from, to)
      },
      prune: (slot) => {
        for (const table of Object.values(tables)) this.db.prepare(`DELETE FROM ${table} WHERE slot = ? AND n = 0`).run(slot)
      }
    })
  }

  /** Events reported in [since, until) within the area per place cell (category null: every category); cells without events are left out. */
  cells(areaCode: string, category: EventCategoryId | null, since: number, until: number): CellCount[] {
    const out: CellCount[] = []
    for (const [cell, n] of this.counts('cell', areaCode, category, since, until)) {
      if (n !== 0) out.push({ x: Math.floor(cell / CELL_ROW), y: cell % CELL_ROW, n })
    }
    return out
  }

  /** Events reported in [since, until) within the area per hour of the Shanghai week: 168 counts, Monday 00:00 first. */
  weekHours(areaCode: string, category: EventCategoryId | null, since: number, until: number): number[] {
    const out = Array.from({ length: WEEK_HOURS }, () => 0)
    for (const [hour, n] of this.counts('week_hour', areaCode, category, since, until)) out[hour] = n
    return out
  }

  /**
   * Events from `sources` reported within the area per category, in [previousSince, since) and in
   * [since, until) (categories with none in both may be absent).
   */
  reportedTwoWindows(
    areaCode: string,
    sources: readonly EventSource[],
    previousSince: number,
    since: number,
    until: number
  ): { category: EventCategoryId; count: number; previous: number }[] {
    const names = sources.map((_, i) => `@s${i}`)
    const params: Record<string, string | number> = { ...codeRange(areaCode), previousSince, since, until }
    sources.forEach((s, i) => (params[`s${i}`] = s))
    return this.db
      .prepare<Record<string, string | number>, { category: EventCategoryId; count: number; previous: number }>(
        `SELECT category, sum(reported_at >= @since) AS count, sum(reported_at < @since) AS previous FROM ${REPORTED}
         WHERE reported_at >= @previousSince AND reported_at < @until AND ${inRange('grid_code')} AND source IN (${names.join(', ')})
         GROUP BY category`
      )
      .all(params)
  }

  /** A window's counts by key for the area, less the events at or after `until`. */
  private counts(key: Key, areaCode: string, category: EventCategoryId | null, since: number, until: number): Map<number, number> {
    const slot = this.windows.slotAt(since)
    const area = codeRange(areaCode)
    const c = category ?? ALL
    const rows = this.db
      .prepare<Read, [number, number]>(
        `SELECT ${key}, sum(n) FROM ${tables[key]} WHERE slot = @slot AND category = @category AND ${inRange('grid_code')} GROUP BY ${key}`
      )
      .raw()
      .all({ slot, category: c, ...area })
    const out = new Map(rows)
    const later = this.db
      .prepare<Later, [number, number]>(
        `SELECT ${key}, count(*) FROM ${REPORTED}
         WHERE reported_at >= @from AND reported_at < @to AND ${inRange('grid_code')} AND (@category = '${ALL}' OR category = @category)
         GROUP BY ${key}`
      )
      .raw()
      .all({ category: c, ...area, from: Math.max(since, until), to: OPEN_END })
    for (const [k, n] of later) out.set(k, (out.get(k) ?? 0) - n)
    return out
  }

  /** Adds (sign 1) or removes (sign -1) the events of [from, to) to or from window `slot`'s counts by `key`, per category and in all. */
  private apply(key: Key, slot: number, sign: 1 | -1, from: number, to: number): void {
    this.db
      .prepare<{ slot: number; sign: number; from: number; to: number }>(
        `WITH d AS MATERIALIZED (
           SELECT category, ${key} AS k, grid_code, count(*) AS n FROM ${REPORTED}
           WHERE reported_at >= @from AND reported_at < @to GROUP BY category, k, grid_code
         )
         INSERT INTO ${tables[key]} (slot, category, ${key}, grid_code, n)
         SELECT @slot, category, k, grid_code, @sign * n FROM d
         UNION ALL
         SELECT @slot, '${ALL}', k, grid_code, @sign * sum(n) FROM d GROUP BY k, grid_code
         ON CONFLICT DO UPDATE SET n = n + excluded.n`
      )
      .run({ slot, sign, from, to })
  }
}
