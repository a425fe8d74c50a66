import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CurrentIncident, ModeSwitchResult, RingAnalysis, SystemStatus } from '@shared/api/types'
import { defaultRingsM } from '@shared/domain/incident'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import type { Store } from '../../../src/main/store/store'
import { G1, loadEmergencyDistrict, near, P } from '../../support/emergencyDistrict'
import { tempStore } from '../../support/tempStore'

/** 14:00 on 22 November 2026 in Shanghai. */
const NOW = Date.UTC(2026, 10, 22, 6, 0)
const fire = { type: 'fire', level: 'III', location: { gridCode: G1 }, reason: '一社区厂房起火', drill: false } as const

describe('mode.enter and mode.leave: emergency mode with an incident', () => {
  let store: Store
  let remove: () => void
  let dispatcher: ApiDispatcher
  let statuses: SystemStatus[]
  let topics: string[][]
  let now: number
  const ctx = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })

  beforeEach(async () => {
    ;({ store, remove } = tempStore())
    now = NOW
    loadEmergencyDistrict(store, NOW)
    const auth = new AuthService(store, () => now)
    await auth.create({ username: 'viewer1', displayName: '观察员', role: 'viewer', password: 'viewer-password' })
    await auth.create({ username: 'duty1', displayName: '值班员', role: 'dutyOfficer', password: 'duty-password' })
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
    const sessions = new SessionRegistry(undefined, () => now)
    const hub = new EventHub()
    statuses = []
    topics = []
    hub.on('status', (s) => statuses.push(s))
    hub.on('data', (d) => topics.push(d.topics))
    const deps = { store, auth, sessions, hub, runtime: 'browser' as const, productName: 'P', version: '0', now: () => now }
    dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => now)
  })
  afterEach(() => remove())

  const signIn = async (username: string): Promise<string> => {
    const r = await dispatcher.handle(ctx(), 'auth.signIn', { username, password: `${username.replace(/\d+$/, '')}-password` })
    if (!r.ok) throw new Error(r.error.message)
    return (r.value as { token: string }).token
  }
  const call = async <T>(token: string | null, method: string, input: unknown): Promise<T> => {
    const r = await dispatcher.handle(ctx(token), method, input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    return r.value as T
  }
  const refusal = async (token: string | null, method: string, input: unknown): Promise<string> => {
    const r = await dispatcher.handle(ctx(token), method, input)
    if (r.ok) throw new Error(`${method} was allowed`)
    return r.error.code
  }
  const status = (): Promise<SystemStatus> => call<SystemStatus>(null, 'system.status', {})

  it('refuses viewers and duty officers in main, audits the refusals and changes nothing', async () => {
    for (const username of ['viewer1', 'duty1']) {
      const token = await signIn(username)
      expect(await refusal(token, 'mode.enter', fire)).toBe('FORBIDDEN')
      expect(store.audit.latest(1)[0]).toMatchObject({ action: 'mode.enter', username, outcome: 'refused', target: 'emergency fire' })
      expect(await refusal(token, 'mode.leave', { summary: '结束' })).toBe('FORBIDDEN')
      expect(store.audit.latest(1)[0]).toMatchObject({ action: 'mode.leave', username, outcome: 'refused', target: 'normal' })
    }
    expect(await refusal(null, 'mode.enter', fire)).toBe('UNAUTHENTICATED')
    expect(store.modes.current()).toBe('normal')
    expect(store.incidents.current()).toBeNull()
    expect((await status()).incident).toBeNull()
    expect(statuses).toEqual([])
  })

  it('lets a dispatcher enter at a grid: the incident, the mode row, the log, the audit entry and the pushes', async () => {
    const token = await signIn('dispatch1')
    const { change, incident } = await call<ModeSwitchResult>(token, 'mode.enter', fire)
    expect(incident).toMatchObject({
      id: 'INC-20261122-01',
      type: 'fire',
      level: 'III',
      lon: expect.closeTo(P[0], 9),
      lat: expect.closeTo(P[1], 9),
      gridCode: G1,
      buildingId: null,
      label: '一社区第1网格',
      drill: false,
      ringsM: [...defaultRingsM.fire],
      startedAt: NOW,
      startedBy: 'dispatch1',
      endedAt: null
    })
    expect(change).toMatchObject({ mode: 'emergency', operator: 'dispatch1', reason: fire.reason, incident: 'INC-20261122-01' })
    expect(store.modes.current()).toBe('emergency')
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'mode.enter', username: 'dispatch1', outcome: 'ok', target: 'emergency fire' })
    const brief = { id: 'INC-20261122-01', type: 'fire', level: 'III', label: '一社区第1网格', drill: false, startedAt: NOW }
    expect(statuses.map((s) => [s.mode, s.incident])).toEqual([['emergency', brief]])
    expect(topics).toEqual([['mode']])
    expect((await status()).incident).toEqual(brief)
    const current = await call<CurrentIncident>(null, 'incidents.current', {})
    expect(current.incident.id).toBe('INC-20261122-01')
    expect(current.log).toMatchObject([{ kind: 'started', operator: 'dispatch1', at: NOW }])
  })

  it('refuses a second entry with CONFLICT, audited, and keeps the first incident', async () => {
    const token = await signIn('dispatch1')
    await call(token, 'mode.enter', fire)
    expect(await refusal(token, 'mode.enter', { ...fire, type: 'typhoon' })).toBe('CONFLICT')
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'mode.enter', outcome: 'refused', detail: expect.stringMatching(/已处于应急状态.*already in emergency mode/) })
    expect(store.db.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 1 })
    expect(store.db.prepare('SELECT count(*) AS n FROM mode_changes').get()).toEqual({ n: 1 })
    expect(statuses).toHaveLength(1)
  })

  it('leaves with a summary: the incident ends, the mode is normal, every wall is told; a second leave is a CONFLICT', async () => {
    const token = await signIn('dispatch1')
    await call(token, 'mode.enter', { ...fire, drill: true })
    now = NOW + 90 * 60_000
    const { change, incident } = await call<ModeSwitchResult>(token, 'mode.leave', { summary: '明火扑灭，无人员伤亡' })
    expect(change).toMatchObject({ mode: 'normal', reason: '明火扑灭，无人员伤亡', incident: 'INC-20261122-01' })
    expect(incident).toMatchObject({ endedAt: now, endedBy: 'dispatch1', summary: '明火扑灭，无人员伤亡', drill: true })
    expect(store.modes.current()).toBe('normal')
    expect(store.incidents.current()).toBeNull()
    expect(statuses.map((s) => [s.mode, s.incident?.drill ?? null])).toEqual([
      ['emergency', true],
      ['normal', null]
    ])
    expect(topics).toEqual([['mode'], ['mode']])
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'mode.leave', username: 'dispatch1', outcome: 'ok', target: 'normal' })
    expect(await call(null, 'incidents.current', {})).toBeNull()
    expect(store.incidents.log('INC-20261122-01', 10).map((e) => e.kind)).toEqual(['ended', 'started'])

    expect(await refusal(token, 'mode.leave', { summary: '再次结束' })).toBe('CONFLICT')
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'mode.leave', outcome: 'refused' })
    // A new incident the same day gets the next number.
    expect((await call<ModeSwitchResult>(token, 'mode.enter', fire)).incident!.id).toBe('INC-20261122-02')
  })

  it('locates an incident at a building, at a point (its grid named), or at an address given with a point', async () => {
    const token = await signIn('dispatch1')
    const at = near(100, 0)
    const cases: [unknown, Record<string, unknown>][] = [
      [{ buildingId: 'B1' }, { lon: at.lon, lat: at.lat, gridCode: G1, buildingId: 'B1', label: '楼B1' }],
      [{ lon: 113.93, lat: 22.72 }, { gridCode: G1, label: '一社区第1网格 (113.93000, 22.72000)' }],
      [{ lon: 113.93, lat: 22.72, label: '光明大道 88 号' }, { gridCode: G1, label: '光明大道 88 号' }],
      [{ lon: 110, lat: 20 }, { gridCode: null, label: '110.00000, 20.00000' }]
    ]
    for (const [location, expected] of cases) {
      const { incident } = await call<ModeSwitchResult>(token, 'mode.enter', { ...fire, location })
      expect(incident, JSON.stringify(location)).toMatchObject(expected)
      await call(token, 'mode.leave', { summary: '结束' })
    }
    expect(await refusal(token, 'mode.enter', { ...fire, location: { buildingId: 'nope' } })).toBe('NOT_FOUND')
    expect(await refusal(token, 'mode.enter', { ...fire, location: { gridCode: '440311-009-01-001' } })).toBe('NOT_FOUND')
    expect(store.modes.current()).toBe('normal')
  })

  it('validates the input: rings ascending, at most 3, at most 20 km; a reason; a known type and level', async () => {
    const token = await signIn('dispatch1')
    for (const bad of [
      { ...fire, ringsM: [1000, 500] },
      { ...fire, ringsM: [500, 1000, 3000, 5000] },
      { ...fire, ringsM: [500, 25_000] },
      { ...fire, ringsM: [] },
      { ...fire, reason: ' x ' },
      { ...fire, type: 'earthquake' },
      { ...fire, level: 'V' },
      { ...fire, location: { gridCode: '440311-001' } },
      { ...fire, location: { lon: 200, lat: 22 } },
      { ...fire, location: {} },
      { type: 'fire', level: 'III', location: { gridCode: G1 }, reason: '起火' }
    ]) {
      expect(await refusal(token, 'mode.enter', bad), JSON.stringify(bad)).toBe('BAD_INPUT')
    }
    expect(await refusal(token, 'mode.leave', { summary: 'x' })).toBe('BAD_INPUT')
    const { incident } = await call<ModeSwitchResult>(token, 'mode.enter', { ...fire, ringsM: [150, 900] })
    expect(incident!.ringsM).toEqual([150, 900])
  })

  it('answers the ring analysis of the running incident, or of a past one by id', async () => {
    expect(await refusal(null, 'incidents.rings', {})).toBe('NOT_FOUND')
    const token = await signIn('dispatch1')
    await call(token, 'mode.enter', { ...fire, drill: true })
    const live = await call<RingAnalysis>(null, 'incidents.rings', { limit: 2 })
    expect(live).toMatchObject({ incidentId: 'INC-20261122-01', drill: true, ringsM: [500, 1000, 3000], limit: 2 })
    expect(live.rings.map((r) => r.residents)).toEqual([28, 78, 178])
    expect(live.buildings).toHaveLength(2)
    await call(token, 'mode.leave', { summary: '演练结束' })
    const past = await call<RingAnalysis>(null, 'incidents.rings', { id: 'INC-20261122-01' })
    expect(past.rings).toEqual(live.rings)
    expect(await refusal(null, 'incidents.rings', { id: 'INC-19990101-01' })).toBe('NOT_FOUND')
  })

  it('leaves an emergency entered before incidents were recorded', async () => {
    store.modes.record({ at: NOW - 1000, mode: 'emergency', operator: 'old', reason: '旧版本切换', incident: null })
    const token = await signIn('dispatch1')
    expect(await refusal(token, 'mode.enter', fire)).toBe('CONFLICT')
    const { change, incident } = await call<ModeSwitchResult>(token, 'mode.leave', { summary: '恢复常态' })
    expect(change).toMatchObject({ mode: 'normal', incident: null })
    expect(incident).toBeNull()
  })
})
