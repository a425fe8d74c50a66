import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventActResult } from '@shared/api/eventTypes'
import { canTransition, eventStatuses, eventTransitions, wallEventActions } from '@shared/domain/event'
import { DAY_MS } from '@shared/time'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { G1, loadStatsDistrict, NOW, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'

const day = (col: string): string => `((${col} + 28800000) / 86400000) * 86400000 - 28800000`
/** event_daily recounted from the events (as tests/unit/stats/counts.test.ts), zero rows left out. */
const recount = `SELECT day, grid_code, sum(r) AS reported, sum(rc) AS reported_closed, sum(d) AS due, sum(dc) AS due_closed, sum(c) AS closed, sum(o) AS on_time
  FROM (SELECT ${day('reported_at')} AS day, grid_code, 1 AS r, closed_at IS NOT NULL AS rc, 0 AS d, 0 AS dc, 0 AS c, 0 AS o FROM events
        UNION ALL SELECT ${day('deadline_at')}, grid_code, 0, 0, 1, closed_at IS NOT NULL, 0, 0 FROM events
        UNION ALL SELECT ${day('closed_at')}, grid_code, 0, 0, 0, 0, 1, closed_at <= deadline_at FROM events WHERE closed_at IS NOT NULL)
  GROUP BY day, grid_code ORDER BY day, grid_code`
const daily = `SELECT day, grid_code, reported, reported_closed, due, due_closed, closed, on_time FROM event_daily
  WHERE reported <> 0 OR reported_closed <> 0 OR due <> 0 OR due_closed <> 0 OR closed <> 0 ORDER BY day, grid_code`
const facets = 'SELECT grid_code, status, level, category, source, n FROM event_facets WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5'
const facetsRecount = 'SELECT grid_code, status, level, category, source, count(*) AS n FROM events GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5'

describe('events.act: the dispatcher’s actions from the wall', () => {
  let store: Store
  let remove: () => void
  let dispatcher: ApiDispatcher
  let hub: EventHub
  let woken = 0
  const ctx = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })
  const id = (status: string, action: string): string => `E-${status}-${action}`

  beforeEach(async () => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
    // One event per status and wall action, due tomorrow, reported a day ago.
    store.events.insertMany(
      eventStatuses.flatMap((status) => wallEventActions.map((action) => makeEvent(id(status, action), G1, T0 - DAY_MS, T0 + DAY_MS, { status })))
    )
    const auth = new AuthService(store, () => NOW)
    await auth.create({ username: 'viewer1', displayName: '观察员', role: 'viewer', password: 'viewer-password' })
    await auth.create({ username: 'duty1', displayName: '值班员', role: 'dutyOfficer', password: 'duty-password' })
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
    const sessions = new SessionRegistry(undefined, () => NOW)
    hub = new EventHub()
    woken = 0
    const deps = { store, auth, sessions, hub, runtime: 'browser' as const, productName: 'P', version: '0', now: () => NOW, outboxChanged: () => woken++ }
    dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => NOW)
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

  it('applies every allowed action from every status, with its timeline row and one outbox message, and refuses the others', async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    const pushed: string[][] = []
    hub.on('data', (d) => pushed.push(d.topics))
    let allowed = 0
    for (const status of eventStatuses) {
      for (const action of wallEventActions) {
        const eventId = id(status, action)
        const r = await dispatcher.handle(ctx(token), 'events.act', { id: eventId, action, note: '请尽快处理' })
        if (canTransition(status, action)) {
          allowed++
          expect(r.ok, `${action} from ${status}`).toBe(true)
          const { event, transition } = (r as { value: EventActResult }).value
          const to = eventTransitions[action].to
          expect(event.status).toBe(to)
          expect(event.closedAt).toBe(action === 'close' ? NOW : null)
          expect(transition).toMatchObject({ action, status: to, at: NOW, actor: 'dispatch1' })
          expect(store.events.timeline(eventId).at(-1)).toEqual(transition)
          const rows = store.db.prepare('SELECT id, topic, payload FROM outbox WHERE id LIKE ?').all(`event-action:${eventId}:%`) as { id: string; topic: string; payload: string }[]
          expect(rows).toHaveLength(1)
          expect(rows[0]!.topic).toBe(`gcc/event-actions/${G1}`)
          expect(JSON.parse(rows[0]!.payload)).toEqual({
            schemaVersion: 1, id: `event-action:${eventId}:${transition.id}`, eventId, action, status: to, by: 'dispatch1', at: NOW, note: '请尽快处理'
          })
        } else {
          expect(r, `${action} from ${status}`).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
          const message = (r as { error: { message: string } }).error.message
          expect(message).toContain(`event is ${status}: cannot ${action}`)
          expect(message).toMatch(/^事件.+，不能.+ \/ /)
          expect(store.events.row(eventId)!.status).toBe(status)
          expect(store.db.prepare('SELECT count(*) AS n FROM outbox WHERE id LIKE ?').get(`event-action:${eventId}:%`)).toEqual({ n: 0 })
        }
      }
    }
    expect(allowed).toBeGreaterThan(0)
    expect(pushed).toHaveLength(allowed)
    for (const topics of pushed) expect(topics).toEqual(['events'])
    expect(woken).toBe(allowed)
    expect(store.audit.latest(1)[0]).toMatchObject({ action: 'events.act', username: 'dispatch1' })
  })

  it('names the status and the action in both languages', async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    const r = await dispatcher.handle(ctx(token), 'events.act', { id: id('closed', 'returnToHandling'), action: 'returnToHandling' })
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: '事件已结案，不能退回 / event is closed: cannot returnToHandling' } })
  })

  it('refuses a field action, an unknown event, a viewer and a duty officer, and audits the refusals', async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    expect(await dispatcher.handle(ctx(token), 'events.act', { id: id('handling', 'close'), action: 'reportHandled' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await dispatcher.handle(ctx(token), 'events.act', { id: 'nope', action: 'accept' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    for (const [user, password] of [['viewer1', 'viewer-password'], ['duty1', 'duty-password']] as const) {
      const t = await signIn(user, password)
      const r = await dispatcher.handle(ctx(t), 'events.act', { id: id('reported', 'accept'), action: 'accept' })
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(store.audit.latest(1)[0]).toMatchObject({ action: 'events.act', username: user, outcome: 'refused' })
    }
    expect(store.events.row(id('reported', 'accept'))!.status).toBe('reported')
    expect(store.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 })
  })

  it('keeps the daily counts and the facets equal to a recount after a close', async () => {
    const token = await signIn('dispatch1', 'dispatch-password')
    const r = await dispatcher.handle(ctx(token), 'events.act', { id: id('verified', 'close'), action: 'close' })
    expect(r.ok).toBe(true)
    expect(store.db.prepare(daily).all()).toEqual(store.db.prepare(recount).all())
    expect(store.db.prepare(facets).all()).toEqual(store.db.prepare(facetsRecount).all())
  })
})
