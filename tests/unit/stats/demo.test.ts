import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import { Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'
import { demoOptions } from '../demo/fixture'

/** The default demo district, generated once for the file: the headline figures must look like the seeds'. */
describe('wall statistics on the default demo district', () => {
  let store: Store
  let remove: () => void
  let api: ReturnType<typeof wallApi>
  let district: string
  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    district = loadDemoDistrict(store, demoOptions).districtCode
    api = wallApi(store, demoOptions.now)
  })
  afterAll(() => {
    store.close()
    remove()
  })

  it('has the last day of camera alerts, each at its camera in its grid, the older ones mostly handled', async () => {
    const latest = await api('alerts.latest', { limit: 200 })
    expect(latest.length).toBeGreaterThan(100)
    expect(latest.length).toBeLessThan(200)
    for (const a of latest) {
      expect(a.at).toBeGreaterThan(demoOptions.now - 86_400_000)
      expect(a.at).toBeLessThanOrEqual(demoOptions.now)
      expect(a.gridCode.startsWith(`${a.streetCode}-`)).toBe(true)
      expect(a.cameraName).not.toBe(a.cameraId)
    }
    const statuses = new Set(latest.map((a) => a.status))
    expect([...statuses].sort()).toEqual(['acknowledged', 'dismissed', 'dispatched', 'new'])
    const counts = await api('alerts.counts', { areaCode: district })
    expect(Object.values(counts.byType).reduce((s, n) => s + n, 0)).toBeGreaterThan(0)
    expect(counts.open).toBe(latest.filter((a) => a.status === 'new' || a.status === 'acknowledged').length)
  })

  it('shows plausible headline KPIs for the district', async () => {
    const k = await api('stats.kpis', { areaCode: district })
    // ~100 events a day; today until 14:30.
    expect(k.reportedToday.value).toBeGreaterThan(30)
    expect(k.reportedToday.previous).toBeGreaterThan(30)
    expect(k.closedToday.value).toBeGreaterThan(20)
    // Guangming 99.20 %, satisfaction 95.7 %; 2.5 % of cases are closed late.
    expect(k.resolutionRate.value).toBeGreaterThan(0.97)
    expect(k.resolutionRate.value).toBeLessThan(1)
    expect(k.resolutionRate.previous).toBeGreaterThan(0.97)
    expect(k.satisfaction.value).toBeGreaterThan(0.92)
    expect(k.satisfaction.value).toBeLessThan(0.98)
    expect(k.onTimeRate.value).toBeGreaterThan(0.94)
    expect(k.onTimeRate.value).toBeLessThan(0.995)
    expect(k.overdue.value).toBeGreaterThan(0)
    expect(k.overdue.previous).toBeGreaterThan(0)
    expect(k.camerasOnline.online).toBeLessThanOrEqual(k.camerasOnline.total)
    expect(k.staffOnDuty.value).toBeGreaterThan(0)
  })

  it('adds up: streets to the district, trend and breakdowns to the same events', async () => {
    const streets = store.regions.children(district)
    const k = await api('stats.kpis', { areaCode: district })
    let reported = 0
    let overdue = 0
    for (const s of streets) {
      const ks = await api('stats.kpis', { areaCode: s.code })
      reported += ks.reportedToday.value ?? 0
      overdue += ks.overdue.value ?? 0
    }
    expect(reported).toBe(k.reportedToday.value)
    expect(overdue).toBe(k.overdue.value)

    const trend = await api('stats.trend', { areaCode: district, days: 30 })
    const categories = await api('stats.categories', { areaCode: district, days: 30 })
    const sources = await api('stats.sources', { areaCode: district, days: 30 })
    const total = trend.days.reduce((s, d) => s + d.reported, 0)
    expect(total).toBeGreaterThan(2000)
    expect(categories.rows.reduce((s, r) => s + r.count, 0)).toBe(total)
    expect(sources.rows.reduce((s, r) => s + r.count, 0)).toBe(total)
    expect(trend.days.at(-1)!.reported).toBe(k.reportedToday.value)

    const hourly = await api('stats.hourly', { areaCode: district })
    expect(hourly.today.reduce((a, b) => a + b, 0)).toBe(k.reportedToday.value)
    // Office hours are busier than the small hours.
    expect(hourly.average[10]!).toBeGreaterThan(3 * hourly.average[3]!)

    const open = await api('map.metrics', { metric: 'overdueEvents' })
    expect(streets.reduce((s, st) => s + (open.values[st.code] ?? 0), 0)).toBe(k.overdue.value)
  })

  it('ranks workers and hot spots', async () => {
    const month = await api('stats.workerRanking', { areaCode: district, period: 'month', limit: 20 })
    expect(month.rows).toHaveLength(20)
    expect(month.rows[0]!.score).toBeGreaterThan(80)
    expect(month.rows.map((r) => r.score)).toEqual([...month.rows.map((r) => r.score)].sort((a, b) => b - a))
    expect(month.rows.every((r) => r.reports + r.handled > 0)).toBe(true)
    const hot = await api('stats.hotspots', { areaCode: district, days: 30, limit: 10 })
    expect(hot.rows).toHaveLength(10)
    expect(hot.rows[0]!.per1000).toBeGreaterThanOrEqual(hot.rows[9]!.per1000)
    const grid = await api('region.gridDetail', { gridCode: hot.rows[0]!.gridCode })
    expect(grid.staff[0]!.role).toBe('gridChief')
  })
})

describe('worker ranking windows', () => {
  /** What each worker of the area did in [since, until), anywhere, counted in JavaScript from every event row. */
  function counted(store: Store, area: string, since: number, until: number): unknown[] {
    type Row = { reporter: string | null; handler: string | null; reported: number; closed: number | null; deadline: number; sat: number | null }
    const events = store.db
      .prepare('SELECT reporter_id AS reporter, handler_id AS handler, reported_at AS reported, closed_at AS closed, deadline_at AS deadline, satisfaction AS sat FROM events')
      .all() as Row[]
    const inArea = (code: string): boolean => code === area || code.startsWith(`${area}-`)
    const staffGrid = new Map((store.db.prepare('SELECT id, grid_code AS g FROM staff').all() as { id: string; g: string }[]).map((s) => [s.id, s.g]))
    const out = new Map<string, { staffId: string; reports: number; handled: number; onTime: number; rated: number; satisfied: number }>()
    const of = (id: string) => out.get(id) ?? out.set(id, { staffId: id, reports: 0, handled: 0, onTime: 0, rated: 0, satisfied: 0 }).get(id)!
    const ofArea = (id: string | null): id is string => id !== null && staffGrid.has(id) && inArea(staffGrid.get(id)!)
    for (const e of events) {
      if (ofArea(e.reporter) && e.reported >= since && e.reported < until) of(e.reporter).reports++
      if (ofArea(e.handler) && e.closed !== null && e.closed >= since && e.closed < until) {
        const w = of(e.handler)
        w.handled++
        if (e.closed <= e.deadline) w.onTime++
        if (e.sat !== null) w.rated++
        if (e.sat !== null && e.sat >= 4) w.satisfied++
      }
    }
    return [...out.values()].sort((a, b) => (a.staffId < b.staffId ? -1 : 1))
  }
  const kept = (store: Store, area: string, since: number, until: number): unknown[] =>
    store.workers.activity(area, since, until).sort((a, b) => (a.staffId < b.staffId ? -1 : 1))

  it('agree with a count from the events table as days move on, events change and windows are reopened', () => {
    const t = tempDir()
    let store = Store.open(join(t.dir, 'gcc.sqlite3'))
    try {
      const district = loadDemoDistrict(store, demoOptions).districtCode
      const street = store.regions.children(district)[0]!.code
      const community = store.regions.children(street)[0]!.code
      const day = 86_400_000
      const until = demoOptions.now + 1
      const month = demoOptions.now - 29 * day
      const week = demoOptions.now - 6 * day
      for (const area of [district, street, community]) {
        expect(kept(store, area, month, until), area).toEqual(counted(store, area, month, until))
        expect(kept(store, area, week, until), area).toEqual(counted(store, area, week, until))
      }
      expect(kept(store, street, month, until).length).toBeGreaterThan(100)

      // The day moves on (and back: a clock set right); a window far away is made afresh.
      for (const since of [month + day, month + 3 * day, month - 2 * day, week + day, month - 200 * day]) {
        expect(kept(store, street, since, until), String(since)).toEqual(counted(store, street, since, until))
      }
      // An end before the newest events: what lies after it is not counted.
      expect(kept(store, street, month, until - 5 * day)).toEqual(counted(store, street, month, until - 5 * day))

      // Writes through any path keep the windows right: a new report, a handling moved to
      // another worker, a late rating, a deletion.
      const [a, b] = store.db.prepare('SELECT id, grid_code AS g FROM staff WHERE grid_code >= ? AND grid_code < ? LIMIT 2').all(street, `${street}.`) as { id: string; g: string }[]
      const closed = store.db
        .prepare('SELECT id FROM events WHERE closed_at >= ? AND grid_code >= ? AND grid_code < ? AND satisfaction IS NULL LIMIT 3')
        .all(week, street, `${street}.`) as { id: string }[]
      store.db.prepare('UPDATE events SET handler_id = ? WHERE id = ?').run(a!.id, closed[0]!.id)
      store.db.prepare('UPDATE events SET satisfaction = 5 WHERE id = ?').run(closed[1]!.id)
      store.db.prepare('DELETE FROM event_transitions WHERE event_id = ?').run(closed[2]!.id)
      store.db.prepare('DELETE FROM events WHERE id = ?').run(closed[2]!.id)
      store.db
        .prepare(
          `INSERT INTO events (id, title, category, source, level, status, grid_code, street_code, community_code, lon, lat,
                               reported_at, deadline_at, closed_at, satisfaction, reporter_id, handler_id)
           SELECT 'TEST-1', title, category, source, level, status, ?, street_code, community_code, lon, lat,
                  ?, ?, ?, 4, ?, ? FROM events WHERE id = ?`
        )
        .run(b!.g, demoOptions.now - day, demoOptions.now + day, demoOptions.now - 1000, b!.id, b!.id, closed[0]!.id)
      for (const since of [month, week]) expect(kept(store, street, since, until)).toEqual(counted(store, street, since, until))
      // A worker moves to another street: the windows are made afresh, with them in their new street.
      const elsewhere = store.db.prepare("SELECT code FROM regions WHERE level = 'grid' AND code NOT LIKE ? LIMIT 1").get(`${street}-%`) as { code: string }
      store.db.prepare('UPDATE staff SET grid_code = ? WHERE id = ?').run(elsewhere.code, a!.id)
      expect(kept(store, street, month, until)).toEqual(counted(store, street, month, until))
      expect(kept(store, district, month, until)).toEqual(counted(store, district, month, until))
      expect(kept(store, elsewhere.code, month, until).map((w) => (w as { staffId: string }).staffId)).toContain(a!.id)

      // The windows outlive the process.
      store.close()
      store = Store.open(join(t.dir, 'gcc.sqlite3'))
      expect(kept(store, street, week, until)).toEqual(counted(store, street, week, until))
      expect((store.db.prepare('SELECT count(*) AS n FROM worker_window_since').get() as { n: number }).n).toBeLessThanOrEqual(4)
    } finally {
      store.close()
      t.remove()
    }
  })
})
