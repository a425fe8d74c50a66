import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS } from '@shared/time'
import { splitWindow } from '../../../src/main/store/repositories/eventStats'
import type { Db } from '../../../src/main/store/database'
import { Store } from '../../../src/main/store/store'
import { G1, G2, G3, loadStatsDistrict, NOW, statsEventRows, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

const day = (col: string): string => `((${col} + 28800000) / 86400000) * 86400000 - 28800000`

/** event_daily as it should be: recomputed from the events, zero rows left out. */
function expectedDaily(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT day, grid_code, sum(reported) AS reported, sum(reported_closed) AS reported_closed, sum(due) AS due,
              sum(due_closed) AS due_closed, sum(closed) AS closed, sum(on_time) AS on_time, sum(rated) AS rated, sum(satisfied) AS satisfied
       FROM (
         SELECT ${day('reported_at')} AS day, grid_code, 1 AS reported, closed_at IS NOT NULL AS reported_closed, 0 AS due, 0 AS due_closed,
                0 AS closed, 0 AS on_time, 0 AS rated, 0 AS satisfied FROM events
         UNION ALL
         SELECT ${day('deadline_at')}, grid_code, 0, 0, 1, closed_at IS NOT NULL, 0, 0, 0, 0 FROM events
         UNION ALL
         SELECT ${day('closed_at')}, grid_code, 0, 0, 0, 0, 1, closed_at <= deadline_at, satisfaction IS NOT NULL, coalesce(satisfaction >= 4, 0)
         FROM events WHERE closed_at IS NOT NULL
       ) GROUP BY day, grid_code ORDER BY day, grid_code`
    )
    .all()
}

const actualDaily = (db: Db): unknown[] =>
  db
    .prepare(
      `SELECT day, grid_code, reported, reported_closed, due, due_closed, closed, on_time, rated, satisfied FROM event_daily
       WHERE reported <> 0 OR reported_closed <> 0 OR due <> 0 OR due_closed <> 0 OR closed <> 0 OR on_time <> 0 OR rated <> 0 OR satisfied <> 0
       ORDER BY day, grid_code`
    )
    .all()

const buildingCounts = (db: Db): unknown[] =>
  db.prepare('SELECT grid_code, risk_level, n FROM building_counts WHERE n <> 0 ORDER BY grid_code, risk_level').all()
const expectedBuildingCounts = (db: Db): unknown[] =>
  db.prepare('SELECT grid_code, risk_level, count(*) AS n FROM buildings GROUP BY grid_code, risk_level ORDER BY grid_code, risk_level').all()

describe('splitWindow: whole Shanghai days and the partial pieces around them', () => {
  it('splits a window into its whole days and the ends', () => {
    expect(splitWindow(T0 - 30 * DAY_MS + 10 * HOUR_MS, T0 + 10 * HOUR_MS)).toEqual({
      days: { since: T0 - 29 * DAY_MS, until: T0 },
      pieces: [
        { since: T0 - 30 * DAY_MS + 10 * HOUR_MS, until: T0 - 29 * DAY_MS },
        { since: T0, until: T0 + 10 * HOUR_MS }
      ]
    })
    expect(splitWindow(T0 - 2 * DAY_MS, T0)).toEqual({ days: { since: T0 - 2 * DAY_MS, until: T0 }, pieces: [] })
  })

  it('keeps a window within one day, or across one midnight, in pieces', () => {
    expect(splitWindow(T0 + HOUR_MS, T0 + 2 * HOUR_MS)).toEqual({ days: null, pieces: [{ since: T0 + HOUR_MS, until: T0 + 2 * HOUR_MS }] })
    expect(splitWindow(T0 - HOUR_MS, T0 + HOUR_MS)).toEqual({ days: null, pieces: [{ since: T0 - HOUR_MS, until: T0 + HOUR_MS }] })
    expect(splitWindow(T0, T0)).toEqual({ days: null, pieces: [] })
  })
})

describe('counts kept by triggers (migration 3)', () => {
  let store: Store
  let remove: () => void
  beforeEach(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
  })
  afterEach(() => {
    store.close()
    remove()
  })

  it('fills event_daily and building_counts as events and buildings are inserted', () => {
    expect(actualDaily(store.db).length).toBeGreaterThan(10)
    expect(actualDaily(store.db)).toEqual(expectedDaily(store.db))
    expect(buildingCounts(store.db)).toEqual(expectedBuildingCounts(store.db))
  })

  it('follows events as they change: closed, rated, moved, re-deadlined, reopened, deleted', async () => {
    const api = wallApi(store, NOW)
    const before = await api('stats.kpis', { areaCode: '440311' })
    const db = store.db
    // C2 (open, deadline 5 days ago) is closed now, late, and rated 5.
    db.prepare('UPDATE events SET closed_at = ?, satisfaction = 5, status = ? WHERE id = ?').run(NOW - HOUR_MS, 'rated', 'C2')
    expect(actualDaily(db)).toEqual(expectedDaily(db))
    const after = await api('stats.kpis', { areaCode: '440311' })
    expect(after.closedToday.value).toBe((before.closedToday.value ?? 0) + 1)
    // Deadlines in the last 30 days: B1 C1 C3 C6 and now C2 resolved.
    expect(after.resolutionRate.value).toBeCloseTo(5 / 5)
    expect(after.satisfaction.value).toBeCloseTo(4 / 5)
    expect(after.overdue.value).toBe(1)
    const trend = await api('stats.trend', { areaCode: '440311', days: 3 })
    expect(trend.days.at(-1)).toEqual({ date: '2026-11-22', reported: 3, closed: 3 })

    // C6 moves from G1 to G3 (another street); C3 gets a later deadline; A2 is reopened; C5 is deleted.
    db.prepare('UPDATE events SET grid_code = ?, community_code = ?, street_code = ? WHERE id = ?').run(G3, G3.slice(0, 13), G3.slice(0, 10), 'C6')
    db.prepare('UPDATE events SET deadline_at = ? WHERE id = ?').run(T0 - 2 * DAY_MS, 'C3')
    db.prepare('UPDATE events SET closed_at = NULL, satisfaction = NULL WHERE id = ?').run('A2')
    db.prepare('DELETE FROM event_transitions WHERE event_id = ?').run('C5')
    db.prepare('DELETE FROM events WHERE id = ?').run('C5')
    expect(actualDaily(db)).toEqual(expectedDaily(db))
    const street = await api('stats.eventsByArea', { areaCode: '440311', days: 30 })
    expect(street.rows.map((r) => [r.code, r.reported, r.resolved])).toEqual([
      // G1 A1 A2 B1 C2, G2 A3 C1 (B1 C2 C1 closed); G3 A4 B2 C3 and now C6 (A4 C3 C6 closed).
      ['440311-001', 6, 3],
      ['440311-002', 4, 3]
    ])
  })

  it('follows events inserted one at a time after the load, and the whole district being cleared', () => {
    const { events } = statsEventRows()
    store.events.insertMany([{ ...events[0]!, id: 'N1', gridCode: G2, closedAt: NOW, satisfaction: 2 }])
    expect(actualDaily(store.db)).toEqual(expectedDaily(store.db))
    store.clearDistrict()
    expect(actualDaily(store.db)).toEqual([])
    expect(buildingCounts(store.db)).toEqual([])
  })

  it('follows buildings as they are re-rated, moved and deleted', async () => {
    const db = store.db
    db.prepare('UPDATE buildings SET risk_level = ? WHERE id = ?').run('warning', 'B-1')
    db.prepare('UPDATE buildings SET grid_code = ? WHERE id = ?').run(G2, 'B-4')
    db.prepare('DELETE FROM buildings WHERE id = ?').run('B-5')
    expect(buildingCounts(db)).toEqual(expectedBuildingCounts(db))
    const w = await wallApi(store, NOW)('map.metrics', { metric: 'warningBuildings' })
    expect(w.values).toEqual({ [G1]: 2, [G2]: 1, '440311-001-01': 3, '440311-001': 3 })
    expect(store.buildings.riskCounts('440311')).toEqual({ safe: 0, normal: 1, warning: 3 })
  })
})
