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

describe('worker ranking strategies agree', () => {
  it('gives the same activity whether staff are sought one by one or the window is grouped', () => {
    const t = tempDir()
    const store = Store.open(join(t.dir, 'gcc.sqlite3'))
    try {
      const district = loadDemoDistrict(store, demoOptions).districtCode
      const street = store.regions.children(district)[0]!.code
      const since = demoOptions.now - 30 * 86_400_000
      const sort = (rows: { staffId: string }[]): unknown[] => [...rows].sort((a, b) => (a.staffId < b.staffId ? -1 : 1))
      // The street has thousands of staff (grouped); each of its communities has fewer (sought).
      const grouped = store.eventStats.workerActivity(street, since, demoOptions.now + 1)
      const sought = store.regions.children(street).flatMap((c) => store.eventStats.workerActivity(c.code, since, demoOptions.now + 1))
      expect(grouped.length).toBeGreaterThan(100)
      expect(sort(sought)).toEqual(sort(grouped))
    } finally {
      store.close()
      t.remove()
    }
  })
})
