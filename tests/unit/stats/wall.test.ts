import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DAY_MS } from '@shared/time'
import { Store } from '../../../src/main/store/store'
import { G1, G2, G3, loadStatsDistrict, NOW, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

/** Every answer below is worked out by hand from tests/support/statsDistrict.ts. */
describe('wall statistics on a hand-made district', () => {
  let store: Store
  let remove: () => void
  let api: ReturnType<typeof wallApi>
  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
    api = wallApi(store, NOW)
  })
  afterAll(() => {
    store.close()
    remove()
  })

  it('fills reporter and handler from the transitions when events are inserted', () => {
    const rows = store.db.prepare('SELECT id, reporter_id AS r, handler_id AS h FROM events ORDER BY id').all()
    expect(rows).toContainEqual({ id: 'B1', r: 'S3', h: 'S2' })
    expect(rows).toContainEqual({ id: 'A1', r: 'S2', h: null })
    expect(rows).toContainEqual({ id: 'A3', r: 'system', h: null })
  })

  it('computes the KPI strip for the district, with yesterday and last week for comparison', async () => {
    const k = await api('stats.kpis', { areaCode: '440311' })
    expect(k.area).toEqual({ code: '440311', name: '测试区', level: 'district' })
    expect(k.asOf).toBe(NOW)
    // A1 00:01, A4, A3 today; yesterday by 10:00 only B1 (A2 at 23:59 and B2 at 15:00 were later).
    expect(k.reportedToday).toEqual({ value: 3, previous: 1, basis: 'yesterday' })
    expect(k.closedToday).toEqual({ value: 2, previous: 1, basis: 'yesterday' })
    // Deadlines in the last 30 days: B1 C1 C3 C6 resolved, C2 open. A week ago: C1 C5 resolved, C3 C6 not yet.
    expect(k.resolutionRate.value).toBeCloseTo(4 / 5)
    expect(k.resolutionRate.previous).toBeCloseTo(2 / 4)
    expect(k.resolutionRate.basis).toBe('lastWeek')
    // Closed in the last 30 days: A2 A4 B1 on time, C1 C3 C6 late. A week ago: C1 and C5, both late.
    expect(k.onTimeRate).toEqual({ value: 0.5, previous: 0, basis: 'lastWeek' })
    // Rated: A2 5, A4 3, B1 4, C1 4. A week ago: C1 4, C5 5.
    expect(k.satisfaction).toEqual({ value: 0.75, previous: 1, basis: 'lastWeek' })
    // Now C2 and C4; a week ago C4, and C3 and C6 (closed since, past deadline then).
    expect(k.overdue).toEqual({ value: 2, previous: 3, basis: 'lastWeek' })
    expect(k.camerasOnline).toEqual({ online: 2, total: 3 })
    expect(k.staffOnDuty).toEqual({ value: 3, previous: null, basis: 'none' })
  })

  it('computes the KPIs as of an earlier moment when asked, and refuses a moment in the future', async () => {
    const weekAgo = NOW - 7 * DAY_MS
    const rewound = await api('stats.kpis', { areaCode: '440311', at: weekAgo })
    expect(rewound).toEqual(await wallApi(store, weekAgo)('stats.kpis', { areaCode: '440311' }))
    expect(rewound.asOf).toBe(weekAgo)
    // The window ending a week ago is the one today's strip compares with.
    const k = await api('stats.kpis', { areaCode: '440311' })
    expect(rewound.resolutionRate.value).toBeCloseTo(k.resolutionRate.previous!)
    expect(rewound.satisfaction.value).toBe(k.satisfaction.previous)
    expect(rewound.overdue.value).toBe(k.overdue.previous)
    await expect(api('stats.kpis', { areaCode: '440311', at: NOW + 1 })).rejects.toMatchObject({ code: 'BAD_INPUT', message: /将来 \/ .*future/ })
    await expect(api('stats.kpis', { areaCode: '440311', at: -1 } as never)).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })

  it('computes the same KPIs for a street from its own events only', async () => {
    const k = await api('stats.kpis', { areaCode: '440311-001' })
    expect(k.area.level).toBe('street')
    expect(k.reportedToday).toMatchObject({ value: 2, previous: 1 })
    expect(k.closedToday).toMatchObject({ value: 1, previous: 1 })
    expect(k.resolutionRate.value).toBeCloseTo(3 / 4)
    expect(k.resolutionRate.previous).toBeCloseTo(2 / 3)
    expect(k.onTimeRate).toMatchObject({ value: 0.5, previous: 0 })
    expect(k.satisfaction).toMatchObject({ value: 1, previous: 1 })
    expect(k.overdue).toMatchObject({ value: 2, previous: 2 })
    expect(k.camerasOnline).toEqual({ online: 1, total: 2 })
    const other = await api('stats.kpis', { areaCode: '440311-002' })
    expect((k.reportedToday.value ?? 0) + (other.reportedToday.value ?? 0)).toBe(3)
    expect((k.overdue.value ?? 0) + (other.overdue.value ?? 0)).toBe(2)
  })

  it('has no rate where there is nothing to rate', async () => {
    const k = await api('stats.kpis', { areaCode: G2 })
    // G2's events: A3 (open), C1 (deadline 9 days ago, closed), C4 (deadline before the window).
    expect(k.resolutionRate.value).toBe(1)
    expect(k.satisfaction.value).toBe(1)
    expect(k.satisfaction.previous).toBe(1)
    const g3 = await api('stats.kpis', { areaCode: G3 })
    expect(g3.resolutionRate.previous).toBe(0)
    expect(g3.onTimeRate.previous).toBeNull()
    expect(g3.satisfaction.previous).toBeNull()
  })

  it('puts 23:59 and 00:01 Shanghai on different days, whatever the machine zone', async () => {
    const original = process.env['TZ']
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env['TZ'] = tz
        const t = await api('stats.trend', { areaCode: '440311', days: 3 })
        expect(t.days).toEqual([
          { date: '2026-11-20', reported: 0, closed: 0 },
          { date: '2026-11-21', reported: 3, closed: 1 },
          { date: '2026-11-22', reported: 3, closed: 2 }
        ])
      }
    } finally {
      if (original === undefined) delete process.env['TZ']
      else process.env['TZ'] = original
    }
    const street = await api('stats.trend', { areaCode: '440311-001', days: 2 })
    expect(street.days).toEqual([
      { date: '2026-11-21', reported: 2, closed: 1 },
      { date: '2026-11-22', reported: 2, closed: 1 }
    ])
  })

  it("profiles today's reports by hour against the previous 28 days' average", async () => {
    const h = await api('stats.hourly', { areaCode: '440311' })
    const today = Array.from({ length: 24 }, () => 0)
    today[0] = 1
    today[8] = 1
    today[9] = 1
    expect(h.today).toEqual(today)
    expect(h.average).toHaveLength(24)
    // C1 C2 C3 C6 at 00:00; B1 05:00, B2 15:00, A2 23:59. C4 and C5 are older than 28 days.
    expect(h.average[0]).toBeCloseTo(4 / 28)
    expect(h.average[5]).toBeCloseTo(1 / 28)
    expect(h.average[15]).toBeCloseTo(1 / 28)
    expect(h.average[23]).toBeCloseTo(1 / 28)
    expect(h.average.reduce((a, b) => a + b, 0)).toBeCloseTo(7 / 28)
  })

  it('breaks events down by category and source with every key, most first', async () => {
    const c = await api('stats.categories', { areaCode: '440311', days: 30 })
    expect(c.since).toBe(T0 - 29 * DAY_MS)
    expect(c.rows.map((r) => [r.key, r.count])).toEqual([
      ['cityManagement', 7],
      ['dispute', 1],
      ['environment', 1],
      ['livelihood', 1],
      ['publicSecurity', 0],
      ['petition', 0],
      ['workSafety', 0],
      ['fireSafety', 0],
      ['publicHealth', 0],
      ['infrastructure', 0]
    ])
    const s = await api('stats.sources', { areaCode: '440311', days: 30 })
    expect(s.rows).toEqual([
      { key: 'patrol', count: 7 },
      { key: 'resident', count: 1 },
      { key: 'hotline', count: 1 },
      { key: 'camera', count: 1 },
      { key: 'sensor', count: 0 }
    ])
    const street = await api('stats.sources', { areaCode: '440311-002', days: 1 })
    expect(street.rows.filter((r) => r.count > 0)).toEqual([{ key: 'camera', count: 1 }])
  })

  it('ranks grids by events per 1,000 residents', async () => {
    const h = await api('stats.hotspots', { areaCode: '440311', days: 30, limit: 2 })
    expect(h.rows).toEqual([
      { gridCode: G3, name: '二社区第1网格', events: 3, population: 500, per1000: 6 },
      { gridCode: G1, name: '一社区第1网格', events: 5, population: 1000, per1000: 5 }
    ])
    const street = await api('stats.hotspots', { areaCode: '440311-001', days: 30, limit: 10 })
    expect(street.rows.map((r) => [r.gridCode, r.events, r.per1000])).toEqual([
      [G1, 5, 5],
      [G2, 2, 1]
    ])
  })

  it('scores workers as documented, with the area’s own shares for missing rates', async () => {
    const district = await api('stats.workerRanking', { areaCode: '440311', period: 'month', limit: 10 })
    expect(district.since).toBe(T0 - 29 * DAY_MS)
    expect(district.rows.map((r) => [r.staffId, r.reports, r.handled, r.onTimeRate, r.satisfaction, r.score])).toEqual([
      ['S2', 3, 2, 1, 1, 100],
      // No handled event: the district's shares, 3/6 on time and 3/4 satisfied: 40·2/3 + 15 + 22.5.
      ['S3', 2, 0, null, null, 64.2],
      ['S5', 3, 2, 0.5, 0, 55],
      ['S4', 1, 2, 0, 1, 43.3]
    ])
    expect(district.rows[0]).toMatchObject({ name: '员工S2', role: 'gridWorker', gridCode: G1, gridName: '一社区第1网格' })
    // The street's own shares (2/4 on time, 3/3 satisfied) lift S3; G3's worker S5 is not its staff.
    const street = await api('stats.workerRanking', { areaCode: '440311-001', period: 'month', limit: 2 })
    expect(street.rows.map((r) => [r.staffId, r.score])).toEqual([
      ['S2', 100],
      ['S3', 71.7]
    ])
    const week = await api('stats.workerRanking', { areaCode: '440311', period: 'week', limit: 10 })
    expect(week.since).toBe(T0 - 6 * DAY_MS)
    expect(Object.fromEntries(week.rows.map((r) => [r.staffId, [r.reports, r.handled]]))).toEqual({
      S2: [2, 2],
      S3: [1, 0],
      S4: [0, 1],
      S5: [2, 2]
    })
  })

  it('gives the map a value for every street, community and grid that has one', async () => {
    const m = (metric: 'eventsToday' | 'openEvents' | 'overdueEvents' | 'warningBuildings') => api('map.metrics', { metric })
    expect((await m('eventsToday')).values).toEqual({
      [G1]: 1, [G2]: 1, [G3]: 1, '440311-001-01': 2, '440311-002-01': 1, '440311-001': 2, '440311-002': 1
    })
    expect((await m('openEvents')).values).toEqual({
      [G1]: 2, [G2]: 2, [G3]: 1, '440311-001-01': 4, '440311-002-01': 1, '440311-001': 4, '440311-002': 1
    })
    expect((await m('overdueEvents')).values).toEqual({ [G1]: 1, [G2]: 1, '440311-001-01': 2, '440311-001': 2 })
    const w = await m('warningBuildings')
    expect(w).toMatchObject({ metric: 'warningBuildings', asOf: NOW })
    expect(w.values).toEqual({ [G1]: 1, [G3]: 2, '440311-001-01': 1, '440311-002-01': 2, '440311-001': 1, '440311-002': 2 })
  })

  it("shows a grid's card: its parents, team (chief first), events, cameras and buildings", async () => {
    const g = await api('region.gridDetail', { gridCode: G1 })
    expect(g).toMatchObject({
      code: G1,
      name: '一社区第1网格',
      community: { code: '440311-001-01', name: '一社区', level: 'community' },
      street: { code: '440311-001', name: '甲街道', level: 'street' },
      areaM2: 250_000,
      profile: { population: 1000 },
      openEvents: 2,
      overdueEvents: 1,
      cameras: { online: 1, total: 2 },
      buildings: { safe: 1, normal: 0, warning: 1 }
    })
    expect(g.staff.map((s) => [s.id, s.role, s.dutyStatus])).toEqual([
      ['S1', 'gridChief', 'onDuty'],
      ['S2', 'gridWorker', 'onDuty'],
      ['S3', 'partTimeWorker', 'offDuty']
    ])
    expect(g.staff[0]).toHaveProperty('phone')
  })

  it('refuses an unknown area in both languages', async () => {
    for (const [method, input] of [
      ['stats.kpis', { areaCode: '440311-009' }],
      ['stats.trend', { areaCode: '440311-009', days: 7 }],
      ['stats.hourly', { areaCode: '440311-009' }],
      ['stats.categories', { areaCode: '440311-009', days: 7 }],
      ['stats.sources', { areaCode: '440311-009', days: 7 }],
      ['stats.workerRanking', { areaCode: '440311-009', period: 'week', limit: 5 }],
      ['stats.hotspots', { areaCode: '440311-009', days: 7, limit: 5 }],
      ['region.gridDetail', { gridCode: '440311-001-01-009' }]
    ] as const) {
      await expect(api(method, input as never), method).rejects.toMatchObject({ code: 'NOT_FOUND', message: /没有该区域 \/ no region/ })
    }
    await expect(api('region.gridDetail', { gridCode: '440311-001' })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })
})
