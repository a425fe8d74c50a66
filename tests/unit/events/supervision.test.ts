import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { supervisionLevel, supervisionLevels } from '@shared/domain/supervision'
import { DAY_MS, fromShanghai, HOUR_MS, MINUTE_MS } from '@shared/time'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { G1, G2, G3, loadStatsDistrict, NOW, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

describe('supervisionLevel', () => {
  it('is 1 below a day overdue, 2 below three days, 3 from then on', () => {
    expect(supervisionLevel(1)).toBe(1)
    expect(supervisionLevel(DAY_MS - 1)).toBe(1)
    expect(supervisionLevel(DAY_MS)).toBe(2)
    expect(supervisionLevel(3 * DAY_MS - 1)).toBe(2)
    expect(supervisionLevel(3 * DAY_MS)).toBe(3)
    expect(supervisionLevel(400 * DAY_MS)).toBe(3)
    expect(supervisionLevels.map((l) => l.level)).toEqual([1, 2, 3])
  })

  it('uses epoch milliseconds only: no Date, no local calendar, in the rules or the queries', () => {
    for (const file of ['src/shared/domain/supervision.ts', 'src/main/services/handlers/events.ts']) {
      const source = readFileSync(join(__dirname, '../../..', file), 'utf8')
      expect(source).not.toMatch(/\bDate\b|getHours|getDate|toLocale|Intl\./)
    }
  })
})

describe('events.supervision on the hand-made district', () => {
  let store: Store
  let remove: () => void
  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
  })
  afterAll(() => {
    store.close()
    remove()
  })

  it('lists the overdue events most overdue first, with how long and the level', async () => {
    const s = await wallApi(store, NOW)('events.supervision', { areaCode: '440311', limit: 50 })
    // Open: A1, A3, B2 (due later), C2 (due T0 − 5 d), C4 (due T0 − 38 d).
    expect(s.overdue.map((e) => [e.id, e.overdueMs, e.supervisionLevel])).toEqual([
      ['C4', NOW - (T0 - 38 * DAY_MS), 3],
      ['C2', NOW - (T0 - 5 * DAY_MS), 3]
    ])
    expect(s.overdue[0]).toMatchObject({ gridCode: G2, gridName: '一社区第2网格', status: 'reported', reporterId: 'S4', handlerId: null })
    expect(s.dueSoonMinutes).toBe(120)
    expect(s.dueSoon).toEqual([])
    expect(s.counts).toEqual({ overdue: 2, dueSoon: 0 })
  })

  it('finds events due soon, soonest first, the window end included', async () => {
    const api = wallApi(store, NOW)
    // B2 is due at T0 + 15 h, exactly 5 h after now; A1 at T0 + 1 d + 1 min.
    const five = await api('events.supervision', { areaCode: '440311', dueSoonMinutes: 300, limit: 10 })
    expect(five.dueSoon.map((e) => [e.id, e.remainingMs])).toEqual([['B2', 5 * HOUR_MS]])
    const short = await api('events.supervision', { areaCode: '440311', dueSoonMinutes: 299, limit: 10 })
    expect(short.dueSoon).toEqual([])
    const day = await api('events.supervision', { areaCode: '440311', dueSoonMinutes: 24 * 60, limit: 10 })
    // A1 at T0 + 1 d + 1 min (in 14 h 1 min), A3 at T0 + 1 d + 9 h (in 23 h).
    expect(day.dueSoon.map((e) => e.id)).toEqual(['B2', 'A1', 'A3'])
    expect(day.counts).toEqual({ overdue: 2, dueSoon: 3 })
  })

  it('keeps to the area (a range of codes)', async () => {
    const api = wallApi(store, NOW)
    const a = await api('events.supervision', { areaCode: '440311-001', dueSoonMinutes: 24 * 60, limit: 10 })
    expect(a.overdue.map((e) => e.id)).toEqual(['C4', 'C2'])
    expect(a.dueSoon.map((e) => e.id)).toEqual(['A1', 'A3'])
    const b = await api('events.supervision', { areaCode: '440311-002', dueSoonMinutes: 24 * 60, limit: 10 })
    expect(b.overdue).toEqual([])
    expect(b.dueSoon.map((e) => [e.id, e.gridCode])).toEqual([['B2', G3]])
    const g = await api('events.supervision', { areaCode: G1, dueSoonMinutes: 24 * 60, limit: 10 })
    expect(g.counts).toEqual({ overdue: 1, dueSoon: 1 })
  })
})

describe('overdue and due-soon at exact boundaries, across a Shanghai day and month boundary', () => {
  // Midnight 1 December 2026 in Shanghai = 30 November 16:00 UTC: a day and a month change.
  const now = fromShanghai(2026, 12, 1)
  let store: Store
  let remove: () => void
  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
    store.db.exec('DELETE FROM event_transitions; DELETE FROM events')
    const r = now - 10 * DAY_MS
    store.events.insertMany([
      makeEvent('before', G1, r, now - 1),
      makeEvent('exact', G1, r, now),
      makeEvent('after', G1, r, now + 1),
      makeEvent('windowEnd', G2, r, now + 120 * MINUTE_MS),
      makeEvent('pastWindow', G2, r, now + 120 * MINUTE_MS + 1),
      makeEvent('dayLate', G3, r, now - DAY_MS),
      makeEvent('justUnderDay', G3, r, now - DAY_MS + 1),
      makeEvent('threeDays', G3, r, now - 3 * DAY_MS),
      makeEvent('closedLate', G1, r, now - HOUR_MS, { status: 'closed', closedAt: now - 1 })
    ])
  })
  afterAll(() => {
    store.close()
    remove()
  })

  it('is overdue one ms after the deadline, due soon from the deadline itself to the end of the window', async () => {
    const s = await wallApi(store, now)('events.supervision', { areaCode: '440311', limit: 200 })
    expect(s.overdue.map((e) => [e.id, e.overdueMs, e.supervisionLevel])).toEqual([
      ['threeDays', 3 * DAY_MS, 3],
      ['dayLate', DAY_MS, 2],
      ['justUnderDay', DAY_MS - 1, 1],
      ['before', 1, 1]
    ])
    expect(s.dueSoon.map((e) => [e.id, e.remainingMs])).toEqual([
      ['exact', 0],
      ['after', 1],
      ['windowEnd', 120 * MINUTE_MS]
    ])
    expect(s.counts).toEqual({ overdue: 4, dueSoon: 3 })
  })

  it('moves an event from due soon to overdue one millisecond after its deadline', async () => {
    const s = await wallApi(store, now + 1)('events.supervision', { areaCode: '440311', limit: 200 })
    expect(s.overdue.map((e) => e.id)).toContain('exact')
    expect(s.overdue.map((e) => e.id)).not.toContain('after')
    expect(s.dueSoon.map((e) => e.id)).toEqual(['after', 'windowEnd', 'pastWindow'])
  })

  it('gives the same answer whatever the process time zone', async () => {
    const before = process.env['TZ']
    const answers: unknown[] = []
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env['TZ'] = tz
        answers.push(await wallApi(store, now)('events.supervision', { areaCode: '440311', limit: 200 }))
      }
    } finally {
      if (before === undefined) delete process.env['TZ']
      else process.env['TZ'] = before
    }
    for (const a of answers) expect(a).toEqual(answers[0])
  })

  it('counts exactly, whatever the limit, equal to a direct count', async () => {
    const s = await wallApi(store, now)('events.supervision', { areaCode: '440311', limit: 1 })
    expect(s.overdue).toHaveLength(1)
    expect(s.dueSoon).toHaveLength(1)
    const direct = store.db
      .prepare(
        `SELECT sum(closed_at IS NULL AND deadline_at < @now) AS overdue,
                sum(closed_at IS NULL AND deadline_at >= @now AND deadline_at <= @now + 7200000) AS dueSoon FROM events`
      )
      .get({ now }) as { overdue: number; dueSoon: number }
    expect(s.counts).toEqual(direct)
  })
})
