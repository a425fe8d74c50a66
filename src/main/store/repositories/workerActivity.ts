import type { Db } from '../database'
import { codeRange, inRange } from './area'
import { DEFAULT_SHIFT_LIMIT_MS, OPEN_END, SlidingWindows } from './slidingWindows'

/** What one staff member did in a window, among an area's events (docs/STATISTICS.md). */
export interface WorkerCounts {
  staffId: string
  reports: number
  handled: number
  onTime: number
  rated: number
  satisfied: number
}

/** Who a ranked staff member is. */
export interface WorkerInfo {
  staffId: string
  name: string
  role: string
  gridCode: string
  gridName: string
}

/** Windows kept at once (the wall asks for two: the week and the month). */
export const MAX_WORKER_WINDOWS = 4

/** Each staff member's events of [@from, @to) (by their grid), reports and handling side by side. */
const ACTIVITY_BETWEEN = `
  SELECT s.grid_code AS staff_grid, s.id AS staff_id, sum(rep) AS reports, sum(hand) AS handled, sum(ontime) AS on_time,
         sum(rated) AS rated, sum(sat) AS satisfied
  FROM (
    SELECT reporter_id AS id, 1 AS rep, 0 AS hand, 0 AS ontime, 0 AS rated, 0 AS sat
    FROM events INDEXED BY events_reported_cover
    WHERE reported_at >= @from AND reported_at < @to AND reporter_id IS NOT NULL
    UNION ALL
    SELECT handler_id, 0, 1, closed_at <= deadline_at, satisfaction IS NOT NULL, coalesce(satisfaction >= 4, 0)
    FROM events INDEXED BY events_closed_cover
    WHERE closed_at >= @from AND closed_at < @to AND handler_id IS NOT NULL
  ) x JOIN staff s ON s.id = x.id
  WHERE ${inRange('s.grid_code')}
  GROUP BY s.id`

type Range = { lo: string; hi: string; from: number; to: number }
type CountsRow = [staffId: string, reports: number, handled: number, onTime: number, rated: number, satisfied: number]

/**
 * Per-worker activity for the worker ranking. A district's month holds a hundred thousand events
 * and tens of thousands of active staff; grouping them on every read costs hundreds of
 * milliseconds. So the store keeps a few windows (migration 4, SlidingWindows): per staff member, keyed by their
 * grid, the counts of all their events from the window's start on, kept right by triggers.
 * A read takes the window with the asked start, shifting the nearest one there first (only the
 * events between the two starts are applied: one day's when the day moves on), and subtracts
 * whatever lies at or after the asked end (normally nothing: events are not reported in the future).
 */
export class WorkerActivityRepository {
  private readonly windows: SlidingWindows

  constructor(private readonly db: Db) {
    this.windows = new SlidingWindows(db, {
      sinceTable: 'worker_window_since',
      max: MAX_WORKER_WINDOWS,
      shiftLimitMs: DEFAULT_SHIFT_LIMIT_MS,
      apply: (slot, sign, from, to) => this.apply(slot, sign, from, to),
      prune: (slot) =>
        this.db
          .prepare('DELETE FROM worker_window WHERE slot = ? AND reports = 0 AND handled = 0 AND on_time = 0 AND rated = 0 AND satisfied = 0')
          .run(slot)
    })
  }

  /**
   * For each staff member of the area (by their grid) with any activity in [since, until): the
   * events they reported, the events they handled that were closed in the window, and how many of
   * those were closed by their deadline, rated, and rated 4 or 5. A worker's events count wherever
   * they lie (a worker sent to help another grid is credited for it).
   */
  activity(areaCode: string, since: number, until: number): WorkerCounts[] {
    const slot = this.windows.slotAt(since)
    const area = codeRange(areaCode)
    const rows = this.db
      .prepare<{ slot: number; lo: string; hi: string }, CountsRow>(
        `SELECT staff_id, reports, handled, on_time, rated, satisfied FROM worker_window
         WHERE slot = @slot AND ${inRange('staff_grid')} AND (reports > 0 OR handled > 0)`
      )
      .raw()
      .all({ slot, ...area })
    const later = this.db.prepare<Range, CountsRow>(`SELECT staff_id, reports, handled, on_time, rated, satisfied FROM (${ACTIVITY_BETWEEN})`)
      .raw()
      .all({ ...area, from: Math.max(since, until), to: OPEN_END })
    if (later.length > 0) {
      const byId = new Map(rows.map((r) => [r[0], r]))
      for (const l of later) {
        const r = byId.get(l[0])
        if (r) for (let i = 1; i < 6; i++) (r[i] as number) -= l[i] as number
      }
    }
    const out: WorkerCounts[] = []
    for (const [staffId, reports, handled, onTime, rated, satisfied] of rows) {
      if (reports > 0 || handled > 0) out.push({ staffId, reports, handled, onTime, rated, satisfied })
    }
    return out
  }

  /** Name, role and grid of the given staff members (in no particular order). */
  describe(staffIds: readonly string[]): WorkerInfo[] {
    if (staffIds.length === 0) return []
    return this.db
      .prepare<string[], WorkerInfo>(
        `SELECT s.id AS staffId, s.name AS name, s.role AS role, s.grid_code AS gridCode, g.name AS gridName
         FROM staff s JOIN regions g ON g.code = s.grid_code WHERE s.id IN (${staffIds.map(() => '?').join(',')})`
      )
      .all(...staffIds)
  }

  /** Adds (sign 1) or removes (sign -1) each staff member's events of [from, to) to or from window `slot`. */
  private apply(slot: number, sign: 1 | -1, from: number, to: number): void {
    this.db
      .prepare<Range & { slot: number; sign: number }>(
        `INSERT INTO worker_window (slot, staff_grid, staff_id, reports, handled, on_time, rated, satisfied)
         SELECT @slot, staff_grid, staff_id, @sign * reports, @sign * handled, @sign * on_time, @sign * rated, @sign * satisfied
         FROM (${ACTIVITY_BETWEEN}) WHERE true
         ON CONFLICT DO UPDATE SET reports = reports + excluded.reports, handled = handled + excluded.handled,
           on_time = on_time + excluded.on_time, rated = rated + excluded.rated, satisfied = satisfied + excluded.satisfied`
      )
      .run({ slot, sign, lo: '', hi: '\uffff', from, to })
  }
}
