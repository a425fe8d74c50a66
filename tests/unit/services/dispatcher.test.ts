import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import { Store } from '../../../src/main/store/store'
import { loadMiniDistrict } from '../../support/miniDistrict'
import { tempDir } from '../../support/tempDir'

const NOW = Date.UTC(2026, 10, 22, 6, 0)
const typhoon = { type: 'typhoon', level: 'II', location: { gridCode: '440311-001-01-001' }, reason: '台风', drill: false } as const

describe('API dispatcher in main: validation, roles, audit', () => {
  let store: Store
  let remove: () => void
  let dispatcher: ApiDispatcher
  let hub: EventHub
  const browser = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })

  beforeEach(async () => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadMiniDistrict(store, NOW)
    const auth = new AuthService(store, () => NOW)
    await auth.create({ username: 'viewer1', displayName: '观察员', role: 'viewer', password: 'viewer-password' })
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
    const sessions = new SessionRegistry(undefined, () => NOW)
    hub = new EventHub()
    const deps = { store, auth, sessions, hub, runtime: 'browser' as const, productName: 'P', version: '0', now: () => NOW }
    dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => NOW)
  })
  afterEach(() => {
    store.close()
    remove()
  })

  const signIn = async (username: string, password: string): Promise<string> => {
    const r = await dispatcher.handle(browser(), 'auth.signIn', { username, password })
    if (!r.ok) throw new Error(r.error.message)
    return (r.value as { token: string }).token
  }

  it("refuses a viewer's mode switch in main and audits the refusal", async () => {
    const token = await signIn('viewer1', 'viewer-password')
    const r = await dispatcher.handle(browser(token), 'mode.enter', typhoon)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(store.modes.current()).toBe('normal')
    expect(store.incidents.current()).toBeNull()
    const [entry] = store.audit.latest(1)
    expect(entry).toMatchObject({ action: 'mode.enter', username: 'viewer1', outcome: 'refused', target: 'emergency typhoon' })
  })

  it('refuses an operator action without sign-in', async () => {
    const r = await dispatcher.handle(browser(), 'mode.enter', typhoon)
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(store.audit.latest(1)[0]).toMatchObject({ outcome: 'refused', detail: 'not signed in' })
  })

  it("lets a dispatcher switch mode, records who and why, and pushes the change", async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    const pushed: string[] = []
    hub.on('status', (s) => pushed.push(s.mode))
    const r = await dispatcher.handle(browser(token), 'mode.enter', { ...typhoon, reason: '台风红色预警' })
    expect(r.ok).toBe(true)
    expect(store.modes.current()).toBe('emergency')
    expect(store.incidents.current()).toMatchObject({ type: 'typhoon', reason: '台风红色预警', startedBy: 'dispatch1', label: '一社区第1网格' })
    expect(pushed).toEqual(['emergency'])
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'mode.enter', username: 'dispatch1', outcome: 'ok', target: 'emergency typhoon' })
  })

  it('refuses a dispatcher what only an admin may do', async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    const r = await dispatcher.handle(browser(token), 'audit.latest', { limit: 10 })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a wrong password with one message for unknown users and wrong passwords', async () => {
    const a = await dispatcher.handle(browser(), 'auth.signIn', { username: 'viewer1', password: 'nope-nope-nope' })
    const b = await dispatcher.handle(browser(), 'auth.signIn', { username: 'ghost', password: 'nope-nope-nope' })
    expect(a).toEqual(b)
    expect(a).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(store.audit.latest(2).map((e) => e.outcome)).toEqual(['refused', 'refused'])
  })

  it('never writes a password into the audit log or the store', async () => {
    await signIn('viewer1', 'viewer-password')
    await dispatcher.handle(browser(), 'auth.signIn', { username: 'viewer1', password: 'secret-typo-123' })
    const dump = JSON.stringify(store.db.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(store.db.prepare('SELECT * FROM operators').all())
    expect(dump).not.toContain('viewer-password')
    expect(dump).not.toContain('secret-typo-123')
  })

  it('validates every payload with the schema and names the field', async () => {
    const r = await dispatcher.handle(browser(), 'stats.eventsByArea', { areaCode: '440311; DROP TABLE events', days: 30 })
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(!r.ok && r.error.message).toMatch(/areaCode/)
    const extra = await dispatcher.handle(browser(), 'system.status', { unexpected: 1 })
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const unknown = await dispatcher.handle(browser(), 'fs.readFile', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    const proto = await dispatcher.handle(browser(), '__proto__', {})
    expect(proto).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('answers the wall queries from the store for the selected area', async () => {
    const district = await dispatcher.handle(browser(), 'stats.eventsByArea', { areaCode: '440311', days: 30 })
    expect(district.ok && district.value).toMatchObject({
      rows: [
        { code: '440311-001', name: '甲街道', reported: 2, resolved: 1 },
        { code: '440311-002', name: '乙街道', reported: 1, resolved: 1 }
      ]
    })
    const street = await dispatcher.handle(browser(), 'stats.eventsByArea', { areaCode: '440311-001', days: 30 })
    expect(street.ok && street.value).toMatchObject({ rows: [{ code: '440311-001-01', reported: 2, resolved: 1 }] })
    const grid = await dispatcher.handle(browser(), 'stats.eventsByArea', { areaCode: '440311-002-01-001', days: 30 })
    expect(grid.ok && grid.value).toMatchObject({ rows: [{ code: '440311-002-01-001', name: '二社区第1网格', reported: 1, resolved: 1 }] })
    const summary = await dispatcher.handle(browser(), 'stats.summary', { areaCode: '440311-001' })
    expect(summary.ok && summary.value).toMatchObject({ grids: 2, events: 2 })
    const missing = await dispatcher.handle(browser(), 'stats.summary', { areaCode: '440311-009' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('ends a session on sign-out', async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    await dispatcher.handle(browser(token), 'auth.signOut', {})
    const r = await dispatcher.handle(browser(token), 'auth.session', {})
    expect(r).toEqual({ ok: true, value: { operator: null } })
  })
})
