import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventCategoryIds, type EventCategoryId } from '@shared/domain/categories'
import { eventSources } from '@shared/domain/event'
import { DAY_MS, HOUR_MS, MINUTE_MS, shanghaiDayStart } from '@shared/time'
import { fitCells, HEAT_MAX_CELLS } from '../../../src/main/services/handlers/analysis'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { G1, G2, G3, loadStatsDistrict, NOW, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

type Raw = { id: string; grid: string; category: EventCategoryId; lon: number; lat: number; at: number }

/** A small deterministic generator (mulberry32), so the events are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const inArea = (grid: string, area: string): boolean => grid === area || grid.startsWith(`${area}-`)
/** The documented cell: 1/800° from 180° W and 90° S, its centre rounded to 1e-6°. */
const centre = (v: number, origin: number): number => Math.round(((Math.trunc((v + origin) * 800) + 0.5) / 800 - origin) * 1e6) / 1e6
/**
 * Weekday (Monday 0) and hour in Shanghai worked out from the calendar, not from the code under
 * test: 2026-11-16 (T0 − 6 days) was a Monday.
 */
const MONDAY = T0 - 6 * DAY_MS
const weekHourOf = (at: number): [number, number] => {
  const sinceMonday = (((at - MONDAY) % (7 * DAY_MS)) + 7 * DAY_MS) % (7 * DAY_MS)
  return [Math.floor(sinceMonday / DAY_MS), Math.floor((sinceMonday % DAY_MS) / HOUR_MS)]
}

describe('analysis: hot-spot areas (heat cells) and hours (hour × weekday) against a recount in JS', () => {
  let store: Store
  let remove: () => void
  const read = (): Raw[] =>
    store.db.prepare('SELECT id, grid_code AS grid, category, lon, lat, reported_at AS at FROM events').all() as Raw[]

  /** The expected heat map: cells with events as "lon,lat" → count. */
  const expectedCells = (area: string, category: EventCategoryId | undefined, since: number, until: number): Map<string, number> => {
    const out = new Map<string, number>()
    for (const e of read()) {
      if (!inArea(e.grid, area) || e.at < since || e.at >= until || (category && e.category !== category)) continue
      const key = `${centre(e.lon, 180)},${centre(e.lat, 90)}`
      out.set(key, (out.get(key) ?? 0) + 1)
    }
    return out
  }
  const expectedMatrix = (area: string, category: EventCategoryId | undefined, since: number, until: number): number[][] => {
    const out = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0))
    for (const e of read()) {
      if (!inArea(e.grid, area) || e.at < since || e.at >= until || (category && e.category !== category)) continue
      const [w, h] = weekHourOf(e.at)
      out[w]![h]!++
    }
    return out
  }

  /** Every area, period and category asked at `now`, compared with the recount. */
  async function expectAllMatch(now: number): Promise<void> {
    const api = wallApi(store, now)
    for (const area of ['440311', '440311-001', '440311-001-01', G1, G3]) {
      for (const days of [7, 30, 90]) {
        for (const category of [undefined, 'dispute', 'livelihood'] as const) {
          const since = shanghaiDayStart(now) - (days - 1) * DAY_MS
          const label = `${area} ${days} d ${category ?? 'all'} at ${now}`
          const heat = await api('stats.heat', { areaCode: area, days, ...(category ? { category } : {}) })
          expect([heat.since, heat.until, heat.cellDeg], label).toEqual([since, now + 1, 1 / 800])
          const cells = new Map(heat.lon.map((lon, i) => [`${lon},${heat.lat[i]}`, heat.count[i]!]))
          expect(cells, label).toEqual(expectedCells(area, category, since, now + 1))
          expect(heat.max, label).toBe(Math.max(0, ...cells.values()))
          expect(heat.total, label).toBe([...cells.values()].reduce((s, n) => s + n, 0))
          const matrix = await api('stats.hourWeekday', { areaCode: area, days, ...(category ? { category } : {}) })
          expect(matrix.counts, label).toEqual(expectedMatrix(area, category, since, now + 1))
          expect(matrix.total, label).toBe(heat.total)
        }
      }
    }
  }

  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
    const next = random(20261122)
    const grids = [G1, G2, G3]
    const events = Array.from({ length: 900 }, (_, i) =>
      makeEvent(`R${i}`, grids[Math.floor(next() * 3)]!, NOW - Math.floor(next() * 120 * DAY_MS), NOW + DAY_MS, {
        category: eventCategoryIds[Math.floor(next() * eventCategoryIds.length)]!,
        source: eventSources[Math.floor(next() * eventSources.length)]!,
        // A few streets' worth of cells, some crowded (three decimals), some scattered.
        lon: 113.9 + (next() < 0.5 ? Math.round(next() * 20) / 1000 : next() * 0.03),
        lat: 22.7 + (next() < 0.5 ? Math.round(next() * 20) / 1000 : next() * 0.03)
      })
    )
    // At Shanghai midnights: Saturday 23:59:59.999 and Sunday 00:00 (today), the Monday that starts
    // the 7-day window and the Sunday millisecond before it (outside it).
    for (const [id, at] of [['W1', T0 - 1], ['W2', T0], ['W3', MONDAY], ['W4', MONDAY - 1]] as const) {
      events.push(makeEvent(id, G1, at, at + DAY_MS, { category: 'dispute', lon: 113.9001, lat: 22.7001 }))
    }
    store.events.insertMany(events)
  })
  afterAll(() => {
    store.close()
    remove()
  })

  it('counts every area, period and category as a recount does, cells and hours alike', async () => {
    await expectAllMatch(NOW)
  })

  it('puts the hours around a Shanghai midnight in the right weekday and hour, whatever the machine zone', async () => {
    const original = process.env['TZ']
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env['TZ'] = tz
        const m = await wallApi(store, NOW)('stats.hourWeekday', { areaCode: G1, days: 7, category: 'dispute' })
        const expected = expectedMatrix(G1, 'dispute', MONDAY, NOW + 1)
        expect(m.counts, tz).toEqual(expected)
        // Saturday 23:00–24:00, Sunday 00:00–01:00, Monday 00:00–01:00 hold W1, W2, W3; W4 (Sunday before) is out of the window.
        expect(m.counts[5]![23], tz).toBeGreaterThanOrEqual(1)
        expect(m.counts[6]![0], tz).toBeGreaterThanOrEqual(1)
        expect(m.counts[0]![0], tz).toBeGreaterThanOrEqual(1)
        expect(m.since).toBe(MONDAY)
      }
    } finally {
      if (original === undefined) delete process.env['TZ']
      else process.env['TZ'] = original
    }
    // W4 counts once the window reaches back a day further.
    const eight = await wallApi(store, NOW)('stats.hourWeekday', { areaCode: G1, days: 8, category: 'dispute' })
    expect(eight.counts).toEqual(expectedMatrix(G1, 'dispute', MONDAY - DAY_MS, NOW + 1))
    expect(eight.counts[6]![23]).toBeGreaterThanOrEqual(1)
  })

  it('keeps its windows right as events are inserted, changed and deleted, and as days move on', async () => {
    await expectAllMatch(NOW) // the windows exist
    const db = store.db
    store.events.insertMany([
      makeEvent('N1', G3, NOW - 2 * HOUR_MS, NOW + DAY_MS, { category: 'livelihood', lon: 113.95, lat: 22.75 }),
      makeEvent('N2', G2, NOW - 40 * DAY_MS, NOW + DAY_MS, { category: 'dispute' })
    ])
    db.prepare('UPDATE events SET lon = lon + 0.004, lat = lat - 0.002 WHERE id IN (?, ?)').run('R1', 'R2')
    db.prepare('UPDATE events SET category = ? WHERE id = ?').run('livelihood', 'R3')
    db.prepare('UPDATE events SET grid_code = ?, community_code = ?, street_code = ? WHERE id = ?').run(G3, G3.slice(0, 13), G3.slice(0, 10), 'R4')
    db.prepare('UPDATE events SET reported_at = reported_at - 60 * ? WHERE id = ?').run(DAY_MS, 'R5')
    db.prepare('DELETE FROM events WHERE id IN (?, ?)').run('R6', 'W2')
    await expectAllMatch(NOW)
    // The next day (windows shifted by a day), ten days on (beyond the shift limit), then back.
    await expectAllMatch(NOW + DAY_MS)
    await expectAllMatch(NOW + 10 * DAY_MS + 3 * MINUTE_MS)
    await expectAllMatch(NOW)
    // An event reported "in the future" of an earlier moment is not counted then.
    store.events.insertMany([makeEvent('F1', G1, NOW + 5 * HOUR_MS, NOW + DAY_MS, { category: 'dispute' })])
    await expectAllMatch(NOW)
    expect((db.prepare('SELECT count(*) AS n FROM analysis_window_since').get() as { n: number }).n).toBeLessThanOrEqual(4)
  })

  it('drops its windows with the district (a new demo district is loaded without keeping them)', async () => {
    const t = tempDir()
    const other = Store.open(join(t.dir, 'gcc.sqlite3'))
    try {
      loadStatsDistrict(other)
      await wallApi(other, NOW)('stats.heat', { areaCode: '440311', days: 30 })
      const rows = (table: string): number => (other.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      expect(rows('analysis_cells')).toBeGreaterThan(0)
      other.clearDistrict()
      expect([rows('analysis_window_since'), rows('analysis_cells'), rows('analysis_hours')]).toEqual([0, 0, 0])
    } finally {
      other.close()
      t.remove()
    }
  })

  it('merges cells 2 × 2, and again, until at most the cap remain, keeping every event', async () => {
    const cells = Array.from({ length: 100 }, (_, i) => ({ x: 1000 + (i % 10), y: 2000 + Math.floor(i / 10), n: i + 1 }))
    expect(fitCells(cells, 100)).toEqual({ factor: 1, cells })
    const two = fitCells(cells, 99)
    expect(two.factor).toBe(2)
    expect(two.cells).toHaveLength(25)
    expect(two.cells.find((c) => c.x === 500 && c.y === 1000)?.n).toBe(1 + 2 + 11 + 12)
    const four = fitCells(cells, 10)
    expect([four.factor, four.cells.length]).toEqual([4, 9])
    expect(four.cells.reduce((s, c) => s + c.n, 0)).toBe(5050)

    // Through the API: more cells than the cap are merged, counts kept.
    store.events.insertMany(
      Array.from({ length: HEAT_MAX_CELLS + 1 }, (_, i) =>
        makeEvent(`M${i}`, G2, NOW - HOUR_MS, NOW + DAY_MS, { category: 'workSafety', lon: 114 + ((i % 80) + 0.5) / 800, lat: 22.6 + (Math.floor(i / 80) + 0.5) / 800 })
      )
    )
    const heat = await wallApi(store, NOW)('stats.heat', { areaCode: G2, days: 1, category: 'workSafety' })
    expect(heat.cellDeg).toBe(2 / 800)
    expect(heat.lon.length).toBeLessThanOrEqual(HEAT_MAX_CELLS)
    expect(heat.total).toBe(HEAT_MAX_CELLS + 1 + read().filter((e) => e.grid === G2 && e.category === 'workSafety' && e.at >= T0 && e.at <= NOW && !e.id.startsWith('M')).length)
    expect(heat.max).toBe(4)
  })

  it('refuses a bad period or category, and an unknown area', async () => {
    const api = wallApi(store, NOW)
    for (const input of [{ areaCode: '440311', days: 0 }, { areaCode: '440311', days: 367 }, { areaCode: '440311', days: 7, category: 'noise' }]) {
      await expect(api('stats.heat', input as never)).rejects.toMatchObject({ code: 'BAD_INPUT' })
      await expect(api('stats.hourWeekday', input as never)).rejects.toMatchObject({ code: 'BAD_INPUT' })
    }
    await expect(api('stats.heat', { areaCode: '440311-009', days: 7 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(api('stats.hourWeekday', { areaCode: '440311-009', days: 7 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(api('stats.hotDemands', { areaCode: '440311-009' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
