import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventSupervision } from '@shared/api/eventTypes'
import type { SystemStatus } from '@shared/api/types'
import { DEFAULT_DUE_SOON_MINUTES } from '@shared/domain/supervision'
import { HOUR_MS } from '@shared/time'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { G1, loadStatsDistrict, NOW } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'

describe('the due-soon window of the center (events.configureSupervision)', () => {
  let store: Store
  let remove: () => void
  let path: string
  let dispatcher: ApiDispatcher
  let hub: EventHub
  const ctx = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })

  const start = async (): Promise<void> => {
    store = Store.open(path)
    const sessions = new SessionRegistry(undefined, () => NOW)
    hub = new EventHub()
    const auth = new AuthService(store, () => NOW)
    const deps = { store, auth, sessions, hub, runtime: 'browser' as const, productName: 'P', version: '0', now: () => NOW }
    dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => NOW)
  }
  beforeEach(async () => {
    const t = tempDir()
    remove = t.remove
    path = join(t.dir, 'gcc.sqlite3')
    await start()
    loadStatsDistrict(store)
    // Due in 3 h: outside the default 2 h window, inside a 4 h one.
    store.events.insertMany([makeEvent('D3', G1, NOW - HOUR_MS, NOW + 3 * HOUR_MS)])
    const auth = new AuthService(store, () => NOW)
    await auth.create({ username: 'admin1', displayName: '管理员', role: 'admin', password: 'admin-password' })
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
  })
  afterEach(() => {
    store.close()
    remove()
  })

  const signIn = async (username: string, password: string): Promise<string> => {
    const r = await dispatcher.handle(ctx(), 'auth.signIn', { username, password })
    if (!r.ok) throw new Error(r.error.message)
    return (r.value as { token: string }).token
  }
  const supervision = async (): Promise<EventSupervision> => {
    const r = await dispatcher.handle(ctx(), 'events.supervision', { areaCode: '440311', limit: 10 })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as EventSupervision
  }
  const status = async (): Promise<SystemStatus> => (await dispatcher.handle(ctx(), 'system.status', {})) as never

  it('is 2 h until set; an administrator sets it for every wall, pushed, kept across restarts', async () => {
    expect((await supervision()).dueSoonMinutes).toBe(DEFAULT_DUE_SOON_MINUTES)
    expect((await supervision()).dueSoon.map((e) => e.id)).toEqual([])
    const pushed: string[] = []
    hub.on('status', (s) => pushed.push(`status:${s.supervision.dueSoonMinutes}`))
    hub.on('data', (d) => pushed.push(`data:${d.topics.join(',')}`))

    const token = await signIn('admin1', 'admin-password')
    const r = await dispatcher.handle(ctx(token), 'events.configureSupervision', { dueSoonMinutes: 240 })
    expect(r).toEqual({ ok: true, value: { dueSoonMinutes: 240 } })
    expect(pushed).toEqual(['status:240', 'data:events'])
    const s = await supervision()
    expect(s.dueSoonMinutes).toBe(240)
    expect(s.dueSoon.map((e) => e.id)).toEqual(['D3'])
    expect(s.counts.dueSoon).toBe(1)
    // A wall may still ask for its own window.
    const own = await dispatcher.handle(ctx(), 'events.supervision', { areaCode: '440311', dueSoonMinutes: 60, limit: 10 })
    expect(own.ok && (own.value as EventSupervision).dueSoonMinutes).toBe(60)

    store.close()
    await start()
    expect(((await status()) as unknown as { value: SystemStatus }).value.supervision).toEqual({ dueSoonMinutes: 240 })
  })

  it('is refused below administrators and outside 10 min – 7 days, and every attempt is audited', async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    expect(await dispatcher.handle(ctx(token), 'events.configureSupervision', { dueSoonMinutes: 60 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await dispatcher.handle(ctx(), 'events.configureSupervision', { dueSoonMinutes: 60 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const admin = await signIn('admin1', 'admin-password')
    for (const bad of [5, 7 * 24 * 60 + 1, 12.5]) {
      expect(await dispatcher.handle(ctx(admin), 'events.configureSupervision', { dueSoonMinutes: bad })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect((await supervision()).dueSoonMinutes).toBe(DEFAULT_DUE_SOON_MINUTES)
    const audit = store.db.prepare("SELECT username, outcome FROM audit_log WHERE action = 'events.configureSupervision' ORDER BY id").all()
    expect(audit).toEqual([{ username: 'dispatch1', outcome: 'refused' }, { username: null, outcome: 'refused' }, ...[1, 2, 3].map(() => ({ username: 'admin1', outcome: 'refused' }))])
  })
})
