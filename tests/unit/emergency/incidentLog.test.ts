import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AlertView } from '@shared/api/alertTypes'
import type { CurrentIncident, ModeSwitchResult } from '@shared/api/types'
import type { TaskView } from '@shared/domain/task'
import { haversineM } from '@shared/domain/ringGeometry'
import { TASK_REPLIES_TOPIC_PREFIX } from '@shared/tasks/messages'
import { AlertActions } from '../../../src/main/alerts/actions'
import { OutboxRepository } from '../../../src/main/store/repositories/outbox'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import type { Store } from '../../../src/main/store/store'
import { TaskInbox } from '../../../src/main/tasks/inbox'
import { fireAlert, G1, loadEmergencyDistrict, near, P } from '../../support/emergencyDistrict'
import { makeEvent } from '../../support/eventsApi'
import { tempStore } from '../../support/tempStore'

/** 14:00 on 22 November 2026 in Shanghai. */
const NOW = Date.UTC(2026, 10, 22, 6, 0)
const MIN = 60_000
const fire = { type: 'fire', level: 'III', location: { gridCode: G1 }, reason: '一社区厂房起火', drill: true } as const

/**
 * The incident log (docs/EMERGENCY.md "Incident log"): every action while the incident runs (the
 * switch, tasks and their replies, the operators' handling of alerts and events) and every camera
 * alert inside its rings between its start and its end, newest first.
 */
describe('the incident log', () => {
  let store: Store
  let remove: () => void
  let dispatcher: ApiDispatcher
  let now: number
  let token: string
  const ctx = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatcher.handle(ctx(token), method, input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    return r.value as T
  }
  const current = (): Promise<CurrentIncident> => call<CurrentIncident>('incidents.current', {})

  beforeEach(async () => {
    ;({ store, remove } = tempStore())
    now = NOW
    loadEmergencyDistrict(store, NOW)
    const auth = new AuthService(store, () => now)
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
    const sessions = new SessionRegistry(undefined, () => now)
    const alertActions = new AlertActions({ store, outbox: new OutboxRepository(store.db), now: () => now, changed: () => {} })
    const deps = { store, auth, sessions, hub: new EventHub(), runtime: 'browser' as const, productName: 'P', version: '0', now: () => now, alertActions: () => alertActions }
    dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => now)
    const r = await dispatcher.handle(ctx(), 'auth.signIn', { username: 'dispatch1', password: 'dispatch-password' })
    if (!r.ok) throw new Error(r.error.message)
    token = (r.value as { token: string }).token
  })
  afterEach(() => remove())

  it('lists the camera alerts inside the outer ring while the incident runs, with their ring, and nothing else', async () => {
    const { incident } = await call<ModeSwitchResult>('mode.enter', fire)
    // Rings 500 / 1000 / 3000 m around P. Inside: 200 m E (ring 0), 800 m S (ring 1), 2,900 m N (ring 2).
    const spots = {
      in0: near(0, 200),
      in1: near(-800, 0),
      in2: near(2900, 0),
      out: near(0, 3100), // beyond the outer ring, inside its lon/lat box's corner band
      corner: near(2200, 2200) // 3,111 m: in the box, outside the circle
    }
    store.alerts.ingest([
      fireAlert('X-in0', 'C1', NOW + MIN, spots.in0),
      fireAlert('X-in1', 'C1', NOW + 2 * MIN, spots.in1),
      fireAlert('X-in2', 'C3', NOW + 3 * MIN, spots.in2),
      fireAlert('X-out', 'C3', NOW + 4 * MIN, spots.out),
      fireAlert('X-corner', 'C3', NOW + 5 * MIN, spots.corner),
      fireAlert('X-before', 'C1', NOW - 1, spots.in0) // before the start
    ])
    expect(haversineM(P[0], P[1], spots.corner.lon, spots.corner.lat)).toBeGreaterThan(3000)

    const log = await current()
    const alerts = log.log.filter((e) => e.kind === 'alert')
    expect(alerts.map((e) => [e.id, e.alert!.ring])).toEqual([
      ['alert:X-in2', 2],
      ['alert:X-in1', 1],
      ['alert:X-in0', 0]
    ])
    expect(alerts[0]!.alert).toMatchObject({ type: 'fireSmoke', cameraName: '摄像机C3' })
    expect(alerts[0]!.alert!.distanceM).toBeCloseTo(2900, 0)
    expect(alerts[0]!.text).toBe('烟火 · 摄像机C3 · 2900 m')
    // Newest first, the start entry last; the total counts both kinds.
    expect(log.log.map((e) => e.kind)).toEqual(['alert', 'alert', 'alert', 'started'])
    expect(log.log.at(-1)!.text).toBe('[演练] 火灾 III级 @ 一社区第1网格：一社区厂房起火')
    expect(log.logTotal).toBe(4)

    // After the end, alerts no longer join the (ended) incident's log.
    now = NOW + 10 * MIN
    await call('mode.leave', { summary: '明火扑灭' })
    store.alerts.ingest([fireAlert('X-after', 'C1', NOW + 11 * MIN, spots.in0)])
    const ended = store.incidents.timeline(store.incidents.get(incident!.id)!, 100)
    expect(ended.entries.map((e) => e.id.startsWith('alert:') ? e.id : e.kind)).toEqual(['ended', 'alert:X-in2', 'alert:X-in1', 'alert:X-in0', 'started'])
    expect(ended.total).toBe(5)
  })

  it('records a dispatched task, and each reply that moves it, with who and when', async () => {
    await call<ModeSwitchResult>('mode.enter', fire)
    now = NOW + MIN
    const task = await call<TaskView>('tasks.dispatch', { assignee: { staffId: 'V1' }, instruction: '前往厂房北门疏散群众' })
    const inbox = new TaskInbox({ store, origin: 'wall-a', now: () => now, changed: () => {} })
    const reply = (id: string, status: string, at: number, note?: string) => ({
      topic: `${TASK_REPLIES_TOPIC_PREFIX}/${task.id}`,
      payload: Buffer.from(JSON.stringify({ schemaVersion: 1, id, taskId: task.id, status, at, actor: 'V1', note })),
      receivedAt: now
    })
    now = NOW + 3 * MIN
    inbox.commit([reply('r1', 'received', NOW + 2 * MIN), reply('r2', 'onScene', NOW + 3 * MIN, '已到北门')])
    inbox.commit([reply('r2', 'onScene', NOW + 3 * MIN, '已到北门')]) // a redelivery adds nothing

    const log = (await current()).log
    expect(log.map((e) => [e.kind, e.operator, e.text])).toEqual([
      ['taskStatus', 'V1', '员工V1 已到场：已到北门'],
      ['taskStatus', 'V1', '员工V1 已接收'],
      ['task', 'dispatch1', '派遣 员工V1：前往厂房北门疏散群众'],
      ['started', 'dispatch1', expect.stringContaining('火灾 III级')]
    ])
  })

  it('records the operators’ handling of alerts and events while an incident runs, and not before', async () => {
    store.events.insertMany([makeEvent('E-1', G1, NOW - 60 * MIN, NOW + 24 * 60 * MIN, { status: 'reported', title: '厂房消防通道堵塞' })])
    await call<AlertView>('alerts.acknowledge', { id: 'A1' }) // normal mode: no incident to log into
    expect(store.db.prepare("SELECT count(*) AS n FROM incident_log WHERE kind = 'action'").get()).toEqual({ n: 0 })

    await call<ModeSwitchResult>('mode.enter', fire)
    now = NOW + MIN
    await call<AlertView>('alerts.dispatch', { id: 'A1', note: '请核查' })
    now = NOW + 2 * MIN
    await call<AlertView>('alerts.dismiss', { id: 'A2', reason: 'falsePositive' })
    now = NOW + 3 * MIN
    await call('events.act', { id: 'E-1', action: 'accept' })

    const actions = (await current()).log.filter((e) => e.kind === 'action')
    expect(actions.map((e) => [e.at - NOW, e.operator, e.text])).toEqual([
      [3 * MIN, 'dispatch1', '事件 E-1 受理：厂房消防通道堵塞'],
      [2 * MIN, 'dispatch1', '排除烟火预警（摄像机C1）：误报'],
      [MIN, 'dispatch1', expect.stringMatching(/^派发烟火预警（摄像机C1） → 事件 \S+$/)]
    ])
  })
})
