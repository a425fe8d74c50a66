import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { eventCategoryIds, type EventCategoryId } from '@shared/domain/categories'
import { eventSources, type EventSource } from '@shared/domain/event'
import { DAY_MS, HOUR_MS } from '@shared/time'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { loadMiniDistrict } from '../../support/miniDistrict'
import { G1, G2, G3, loadStatsDistrict, NOW } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

const WEEK = 7 * DAY_MS
const UNTIL = NOW + 1

describe('stats.hotDemands: resident demands per category, this week against the week before', () => {
  let store: Store
  let remove: () => void
  beforeEach(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
  })
  afterEach(() => {
    store.close()
    remove()
  })

  it('counts resident and hotline reports only, in two rolling weeks ending now, for the area', async () => {
    loadStatsDistrict(store)
    // Every source and category, around the edges of both weeks.
    const edges = [UNTIL - 1, UNTIL - WEEK, UNTIL - WEEK - 1, UNTIL - 2 * WEEK, UNTIL - 2 * WEEK - 1, NOW - 3 * DAY_MS, NOW - 10 * DAY_MS, NOW + HOUR_MS]
    let i = 0
    const events = []
    for (const at of edges) {
      for (const source of eventSources) {
        for (const grid of [G1, G2, G3]) {
          const category = eventCategoryIds[i % eventCategoryIds.length]!
          events.push(makeEvent(`D${i++}`, grid, at, at + DAY_MS, { source, category }))
        }
      }
    }
    store.events.insertMany(events)
    const all = store.db.prepare('SELECT grid_code AS grid, category, source, reported_at AS at FROM events').all() as {
      grid: string
      category: EventCategoryId
      source: EventSource
      at: number
    }[]
    for (const area of ['440311', '440311-001', G2, G3]) {
      const d = await wallApi(store, NOW)('stats.hotDemands', { areaCode: area })
      expect([d.previousSince, d.since, d.until]).toEqual([UNTIL - 2 * WEEK, UNTIL - WEEK, UNTIL])
      expect(d.sources).toEqual(['resident', 'hotline'])
      const count = (c: EventCategoryId, from: number, to: number): number =>
        all.filter((e) => (e.grid === area || e.grid.startsWith(`${area}-`)) && e.category === c && (e.source === 'resident' || e.source === 'hotline') && e.at >= from && e.at < to).length
      expect(d.rows.map((r) => r.category).sort()).toEqual([...eventCategoryIds].sort())
      for (const r of d.rows) {
        const now = count(r.category, UNTIL - WEEK, UNTIL)
        const before = count(r.category, UNTIL - 2 * WEEK, UNTIL - WEEK)
        expect(r, `${area} ${r.category}`).toEqual({
          category: r.category,
          count: now,
          previous: before,
          rise: now - before,
          riseRate: before > 0 ? (now - before) / before : null
        })
      }
      // Rising first.
      const rises = d.rows.map((r) => r.rise)
      expect(rises).toEqual([...rises].sort((a, b) => b - a))
    }
  })

  it('orders by rise, then steepness (new this week first), then size, then the catalogue', async () => {
    loadMiniDistrict(store, NOW)
    const grid = '440311-001-01-001'
    let n = 0
    const add = (category: EventCategoryId, thisWeek: number, lastWeek: number): ReturnType<typeof makeEvent>[] => [
      ...Array.from({ length: thisWeek }, () => makeEvent(`H${n++}`, grid, NOW - DAY_MS, NOW, { category, source: 'hotline' })),
      ...Array.from({ length: lastWeek }, () => makeEvent(`H${n++}`, grid, NOW - 9 * DAY_MS, NOW, { category, source: 'resident' }))
    ]
    store.events.insertMany([
      ...add('environment', 13, 10), // +3, +30 %
      ...add('dispute', 6, 3), // +3, +100 %
      ...add('petition', 3, 0), // +3, new
      ...add('workSafety', 2, 0), // +2, new
      ...add('fireSafety', 4, 4), // 0, larger than the zeros
      ...add('publicHealth', 2, 5), // −3
      // Patrols and cameras are not resident demands.
      ...Array.from({ length: 9 }, () => makeEvent(`P${n++}`, grid, NOW - DAY_MS, NOW, { category: 'publicHealth', source: 'patrol' })),
      ...Array.from({ length: 9 }, () => makeEvent(`K${n++}`, grid, NOW - DAY_MS, NOW, { category: 'publicHealth', source: 'camera' }))
    ])
    const d = await wallApi(store, NOW)('stats.hotDemands', { areaCode: '440311' })
    expect(d.rows.map((r) => [r.category, r.rise])).toEqual([
      ['petition', 3],
      ['dispute', 3],
      ['environment', 3],
      ['workSafety', 2],
      ['fireSafety', 0],
      // The untouched categories (0 → 0) in the catalogue's order.
      ...eventCategoryIds.filter((c) => !['environment', 'dispute', 'petition', 'workSafety', 'fireSafety', 'publicHealth'].includes(c)).map((c) => [c, 0]),
      ['publicHealth', -3]
    ])
    expect(d.rows[0]).toEqual({ category: 'petition', count: 3, previous: 0, rise: 3, riseRate: null })
    expect(d.rows[1]!.riseRate).toBeCloseTo(1)
    expect(d.rows[2]!.riseRate).toBeCloseTo(0.3)
    expect(d.rows.at(-1)!.riseRate).toBeCloseTo(-0.6)
  })
})
