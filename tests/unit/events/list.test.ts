import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiInput } from '@shared/api/contract'
import type { EventListRow } from '@shared/api/eventTypes'
import { HOUR_MS } from '@shared/time'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { G1, G2, G3, loadStatsDistrict, NOW, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

type Filters = NonNullable<ApiInput<'events.list'>['filters']>
type Raw = { id: string; grid: string; status: string; level: number; category: string; source: string; at: number; deadline: number; closed: number | null }

describe('events.list: filters, cursor paging, totals', () => {
  let store: Store
  let remove: () => void
  let api: ReturnType<typeof wallApi>
  let all: Raw[]
  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
    // Ties on reported_at (paging must order them by id), other levels, statuses and sources.
    const at = T0 + 3 * HOUR_MS
    store.events.insertMany([
      makeEvent('T1', G1, at, at + HOUR_MS, { level: 2, source: 'hotline' }),
      makeEvent('T2', G2, at, at + 20 * HOUR_MS, { status: 'handling', level: 3 }),
      makeEvent('T3', G3, at, at + HOUR_MS, { status: 'closed', category: 'dispute' }),
      makeEvent('T4', G1, at, at + HOUR_MS, { status: 'verified', level: 2 })
    ])
    all = store.db
      .prepare('SELECT id, grid_code AS grid, status, level, category, source, reported_at AS at, deadline_at AS deadline, closed_at AS closed FROM events')
      .all() as Raw[]
    api = wallApi(store, NOW)
  })
  afterAll(() => {
    store.close()
    remove()
  })

  /** The answer worked out in plain JS from all the events. */
  const expected = (areaCode: string, f: Filters): string[] =>
    all
      .filter((e) => e.grid === areaCode || e.grid.startsWith(`${areaCode}-`))
      .filter((e) => !f.status || (f.status as string[]).includes(e.status))
      .filter((e) => !f.level || (f.level as number[]).includes(e.level))
      .filter((e) => !f.category || (f.category as string[]).includes(e.category))
      .filter((e) => !f.source || (f.source as string[]).includes(e.source))
      .filter((e) => f.overdue === undefined || f.overdue === (e.closed === null && e.deadline < NOW))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .map((e) => e.id)

  const pages = async (areaCode: string, filters: Filters, limit: number): Promise<{ ids: string[]; totals: number[]; rows: EventListRow[] }> => {
    const out = { ids: [] as string[], totals: [] as number[], rows: [] as EventListRow[] }
    let before: ApiInput<'events.list'>['before']
    for (let i = 0; i < 50; i++) {
      const page = await api('events.list', { areaCode, filters, limit, ...(before ? { before } : {}) })
      out.ids.push(...page.rows.map((r) => r.id))
      out.rows.push(...page.rows)
      out.totals.push(page.total)
      if (!page.next) return out
      before = page.next
    }
    throw new Error('no end of pages')
  }

  const cases: [string, Filters][] = [
    ['440311', {}],
    ['440311', { status: ['reported'] }],
    ['440311', { status: ['closed', 'rated'] }],
    ['440311', { status: ['verified', 'rated'], level: [2, 1] }],
    ['440311', { level: [2, 3] }],
    ['440311', { category: ['dispute'] }],
    ['440311', { source: ['hotline', 'camera'] }],
    ['440311', { overdue: true }],
    ['440311', { overdue: false }],
    ['440311', { overdue: false, status: ['reported', 'closed'] }],
    ['440311-001', {}],
    ['440311-001-01', { status: ['reported', 'handling'] }],
    [G3, {}],
    [G1, { overdue: false, level: [1] }]
  ]

  it.each(cases)('pages %s %j without duplicates or gaps, with the total', async (areaCode, filters) => {
    const want = expected(areaCode, filters)
    for (const limit of [1, 2, 5, 200]) {
      const got = await pages(areaCode, filters, limit)
      expect(got.ids).toEqual(want)
      for (const total of got.totals) expect(total).toBe(want.length)
    }
  })

  it('marks overdue rows and carries the grid name and the people', async () => {
    const page = await api('events.list', { areaCode: '440311', limit: 200 })
    const c2 = page.rows.find((r) => r.id === 'C2')!
    expect(c2).toMatchObject({ overdue: true, gridName: '一社区第1网格', category: 'dispute', reporterId: 'S2', handlerId: null })
    expect(page.rows.find((r) => r.id === 'A1')!.overdue).toBe(false)
    expect(page.next).toBeNull()
  })

  it('refuses an empty filter list and a limit over 200', async () => {
    await expect(api('events.list', { areaCode: '440311', limit: 201 })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(api('events.list', { areaCode: '440311', limit: 10, filters: { status: [] } })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })

  it('gives an event with its timeline, deadline, grid, team and no alert', async () => {
    const d = await api('events.get', { id: 'C2' })
    expect(d.event).toMatchObject({ id: 'C2', gridCode: G1, lon: 113.905, lat: 22.705 })
    expect(d.timeline.map((t) => [t.action, t.status, t.actor])).toEqual([['report', 'reported', 'S2']])
    expect(d.overdueMs).toBe(NOW - (T0 - 5 * 86_400_000))
    expect(d.remainingMs).toBeNull()
    expect(d.supervisionLevel).toBe(3)
    expect(d.grid).toEqual({ code: G1, name: '一社区第1网格', community: { code: '440311-001-01', name: '一社区', level: 'community' }, street: { code: '440311-001', name: '甲街道', level: 'street' } })
    expect(d.team.map((s) => s.id)).toEqual(['S1', 'S2', 'S3'])
    expect(d.alert).toBeNull()
    const a1 = await api('events.get', { id: 'A1' })
    expect(a1.remainingMs).toBe(T0 + 60_000 + 86_400_000 - NOW)
    expect(a1.overdueMs).toBeNull()
    await expect(api('events.get', { id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
