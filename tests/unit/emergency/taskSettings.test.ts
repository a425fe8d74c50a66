import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SystemStatus } from '@shared/api/types'
import { DEFAULT_TASK_NO_REPLY_MINUTES, type TaskView } from '@shared/domain/task'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import { metaKeys } from '../../../src/main/store/metaKeys'
import type { Store } from '../../../src/main/store/store'
import { G1, loadEmergencyDistrict } from '../../support/emergencyDistrict'
import { tempStore } from '../../support/tempStore'

const NOW = Date.UTC(2026, 10, 22, 6, 0)
const MIN = 60_000

/** The center's no-reply time of dispatched tasks per incident level (tasks.configure, docs/EMERGENCY.md "Dispatch"). */
describe('tasks.configure: minutes without a reply before a task is overdue', () => {
  let store: Store
  let remove: () => void
  let dispatcher: ApiDispatcher
  let now: number
  let statuses: SystemStatus[]
  const ctx = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })
  const signIn = async (username: string, password: string): Promise<string> => {
    const r = await dispatcher.handle(ctx(), 'auth.signIn', { username, password })
    if (!r.ok) throw new Error(r.error.message)
    return (r.value as { token: string }).token
  }
  const call = async (token: string | null, method: string, input: unknown) => dispatcher.handle(ctx(token), method, input)

  beforeEach(async () => {
    ;({ store, remove } = tempStore())
    now = NOW
    loadEmergencyDistrict(store, NOW)
    const auth = new AuthService(store, () => now)
    await auth.create({ username: 'admin1', displayName: '管理员', role: 'admin', password: 'admin-password' })
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
    const hub = new EventHub()
    statuses = []
    hub.on('status', (s) => statuses.push(s))
    const sessions = new SessionRegistry(undefined, () => now)
    dispatcher = new ApiDispatcher(store, sessions, createHandlers({ store, auth, sessions, hub, runtime: 'browser', productName: 'P', version: '0', now: () => now }), () => {}, () => now)
  })
  afterEach(() => remove())

  it('starts at the defaults; an admin sets them (audited), every wall gets them, and overdue follows', async () => {
    const status = await call(null, 'system.status', {})
    expect(status.ok && (status.value as SystemStatus).tasks.noReplyMinutes).toEqual(DEFAULT_TASK_NO_REPLY_MINUTES)

    const dispatch = await signIn('dispatch1', 'dispatch-password')
    expect((await call(dispatch, 'mode.enter', { type: 'fire', level: 'II', location: { gridCode: G1 }, reason: '起火', drill: false })).ok).toBe(true)
    expect((await call(dispatch, 'tasks.dispatch', { assignee: { staffId: 'V1' }, instruction: '前往现场' })).ok).toBe(true)
    const overdue = async (): Promise<boolean> => {
      const r = await call(null, 'tasks.list', {})
      if (!r.ok) throw new Error(r.error.message)
      return (r.value as TaskView[])[0]!.overdue
    }
    now = NOW + 6 * MIN // level II: 10 minutes by default
    expect(await overdue()).toBe(false)

    expect((await call(dispatch, 'tasks.configure', { I: 3, II: 5, III: 8, IV: 12 })).ok).toBe(false)
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'tasks.configure', username: 'dispatch1', outcome: 'refused' })
    const admin = await signIn('admin1', 'admin-password')
    const set = await call(admin, 'tasks.configure', { I: 3, II: 5, III: 8, IV: 12 })
    expect(set).toEqual({ ok: true, value: { I: 3, II: 5, III: 8, IV: 12 } })
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'tasks.configure', username: 'admin1', outcome: 'ok' })
    expect(statuses.at(-1)!.tasks.noReplyMinutes).toEqual({ I: 3, II: 5, III: 8, IV: 12 })
    expect(await overdue()).toBe(true)
  })

  it('refuses minutes outside 1–240 or a missing level, and reads an unreadable stored value as the defaults', async () => {
    const admin = await signIn('admin1', 'admin-password')
    for (const input of [{ I: 0, II: 5, III: 8, IV: 12 }, { I: 3, II: 5, III: 8, IV: 241 }, { I: 3, II: 5, III: 8 }, { I: 1.5, II: 5, III: 8, IV: 12 }]) {
      const r = await call(admin, 'tasks.configure', input)
      expect(r.ok ? 'allowed' : r.error.code).toBe('BAD_INPUT')
    }
    store.meta.set(metaKeys.taskNoReplyMinutes, '{"I": "soon"}')
    const status = await call(null, 'system.status', {})
    expect(status.ok && (status.value as SystemStatus).tasks.noReplyMinutes).toEqual(DEFAULT_TASK_NO_REPLY_MINUTES)
  })
})
