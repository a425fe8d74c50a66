import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ModeSwitchResult, PlaceHit } from '@shared/api/types'
import type { Building } from '@shared/domain/region'
import { matchGrids } from '@shared/domain/placeSearch'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import type { Store } from '../../../src/main/store/store'
import { G1, G2, loadEmergencyDistrict, near } from '../../support/emergencyDistrict'
import { tempStore } from '../../support/tempStore'

/** 14:00 on 22 November 2026 in Shanghai. */
const NOW = Date.UTC(2026, 10, 22, 6, 0)

const building = (id: string, name: string, gridCode = G1): Building => ({
  id, gridCode, name, ...near(200, 200), riskLevel: 'safe', floors: 3, households: 6
})

describe('places.search: grids and buildings for the incident location', () => {
  let store: Store
  let remove: () => void
  let dispatcher: ApiDispatcher
  const ctx = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })

  beforeEach(async () => {
    ;({ store, remove } = tempStore())
    loadEmergencyDistrict(store, NOW)
    store.buildings.insertMany([
      building('Z1', '圳美新村24巷6号'),
      building('Z2', '圳美新村24巷16号'),
      building('Z3', '新圳美花园3栋', G2),
      building('P1', '百分之100%大厦'),
      building('P2', '百分之1000大厦'),
      building('U1', 'A_1栋'),
      building('U2', 'AB1栋'),
      building('S1', 'C\\1栋')
    ])
    const auth = new AuthService(store, () => NOW)
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
    const sessions = new SessionRegistry(undefined, () => NOW)
    const deps = { store, auth, sessions, hub: new EventHub(), runtime: 'browser' as const, productName: 'P', version: '0', now: () => NOW }
    dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => NOW)
  })
  afterEach(() => remove())

  const search = async (input: unknown): Promise<PlaceHit[]> => {
    const r = await dispatcher.handle(ctx(), 'places.search', input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    return r.value as PlaceHit[]
  }
  const refusal = async (input: unknown): Promise<string> => {
    const r = await dispatcher.handle(ctx(), 'places.search', input)
    if (r.ok) throw new Error('places.search was allowed')
    return r.error.code
  }

  it('finds grids by name and by code, with their centroid, open to the view-only wall', async () => {
    const [g2, ...rest] = await search({ query: '第2网格' })
    expect(rest).toEqual([])
    expect(g2).toEqual({ kind: 'grid', id: G2, name: '一社区第2网格', gridCode: G2, lon: expect.closeTo(113.975, 9), lat: expect.closeTo(22.725, 9) })
    expect((await search({ query: '001-01-00' })).map((p) => p.id)).toEqual([G1, G2])
    // Those starting with the query come first: "二社区…" before the grids that merely contain "社区".
    expect((await search({ query: '二社区' })).map((p) => p.id)).toEqual(['440311-002-01-001'])
    expect((await search({ query: '社区', limit: 3 })).map((p) => p.kind)).toEqual(['grid', 'grid', 'grid'])
  })

  it('finds buildings by name (their address), earliest match first, with their grid', async () => {
    const hits = await search({ query: '圳美' })
    expect(hits.map((p) => p.id)).toEqual(['Z1', 'Z2', 'Z3'])
    expect(hits[0]).toEqual({ kind: 'building', id: 'Z1', name: '圳美新村24巷6号', gridCode: G1, gridName: '一社区第1网格', ...near(200, 200) })
    expect(hits[2]).toMatchObject({ gridCode: G2, gridName: '一社区第2网格' })
    expect((await search({ query: '  24巷6 ' })).map((p) => p.id)).toEqual(['Z1'])
    // The demo district's own buildings (B1…) are found too.
    expect((await search({ query: '楼B' })).map((p) => p.id)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5'])
  })

  it('matches % and _ (and \\) as themselves, not as LIKE wildcards', async () => {
    expect((await search({ query: '100%' })).map((p) => p.id)).toEqual(['P1'])
    expect((await search({ query: '%' })).map((p) => p.id)).toEqual(['P1'])
    expect((await search({ query: 'A_1' })).map((p) => p.id)).toEqual(['U1'])
    expect(await search({ query: '_' })).toEqual([{ kind: 'building', id: 'U1', name: 'A_1栋', gridCode: G1, gridName: '一社区第1网格', ...near(200, 200) }])
    expect((await search({ query: 'C\\1' })).map((p) => p.id)).toEqual(['S1'])
    expect(await search({ query: '无此地址' })).toEqual([])
  })

  it('answers at most `limit` places, grids first, then buildings (20 by default)', async () => {
    store.buildings.insertMany(Array.from({ length: 30 }, (_, i) => building(`N${i}`, `一社区新楼${String(i).padStart(2, '0')}号`)))
    const all = await search({ query: '一社区' })
    expect(all).toHaveLength(20)
    expect(all.slice(0, 2).map((p) => p.id)).toEqual([G1, G2])
    expect(all.slice(2).every((p) => p.kind === 'building')).toBe(true)
    expect((await search({ query: '一社区', limit: 1 })).map((p) => p.id)).toEqual([G1])
    expect((await search({ query: '一社区', limit: 4 })).map((p) => p.id)).toEqual([G1, G2, 'N0', 'N1'])
    expect(await search({ query: '一社区', limit: 50 })).toHaveLength(32)
  })

  it('refuses malformed input (BAD_INPUT)', async () => {
    for (const input of [
      {},
      { query: '' },
      { query: '   ' },
      { query: 'x'.repeat(51) },
      { query: 1 },
      { query: '圳美', limit: 0 },
      { query: '圳美', limit: 51 },
      { query: '圳美', limit: 2.5 },
      { query: '圳美', extra: true }
    ])
      expect(await refusal(input), JSON.stringify(input)).toBe('BAD_INPUT')
  })

  it('a found building is where mode.enter puts the incident ({ buildingId })', async () => {
    const signIn = await dispatcher.handle(ctx(), 'auth.signIn', { username: 'dispatch1', password: 'dispatch-password' })
    if (!signIn.ok) throw new Error(signIn.error.message)
    const token = (signIn.value as { token: string }).token
    const [hit] = await search({ query: '24巷6号' })
    const r = await dispatcher.handle(ctx(token), 'mode.enter', { type: 'fire', level: 'IV', location: { buildingId: hit!.id }, reason: '楼栋起火', drill: true })
    if (!r.ok) throw new Error(r.error.message)
    expect((r.value as ModeSwitchResult).incident).toMatchObject({ buildingId: 'Z1', gridCode: G1, label: '圳美新村24巷6号', lon: hit!.lon, lat: hit!.lat })
  })
})

describe('matchGrids (pure)', () => {
  const grids = [
    { code: '440311-001-01-001', name: '圳美社区第1网格' },
    { code: '440311-002-01-001', name: '凤凰社区第1网格' },
    { code: '440311-002-01-002', name: '社区服务网格' }
  ]
  it('matches name or code case-insensitively, those starting with the query first', () => {
    expect(matchGrids(grids, '社区', 10).map((g) => g.name)).toEqual(['社区服务网格', '圳美社区第1网格', '凤凰社区第1网格'])
    expect(matchGrids(grids, ' 002-01 ', 10)).toHaveLength(2)
    expect(matchGrids(grids, '', 2)).toEqual(grids.slice(0, 2))
    expect(matchGrids(grids, '无', 10)).toEqual([])
  })
})
