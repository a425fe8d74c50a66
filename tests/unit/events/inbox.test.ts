import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deadlineFor } from '@shared/domain/categories'
import { canTransition, eventActions, eventStatuses, eventTransitions, type EventAction, type EventStatus } from '@shared/domain/event'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shared/time'
import { EventInbox, eventIdOfTopic } from '../../../src/main/events/inbox'
import type { IncomingMessage } from '../../../src/main/alerts/types'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { G1, G2, loadStatsDistrict, NOW, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'

const encoder = new TextEncoder()
const msg = (eventId: string, body: unknown, topic = `events/${eventId}`): IncomingMessage => ({
  topic,
  payload: encoder.encode(typeof body === 'string' ? body : JSON.stringify(body)),
  receivedAt: NOW
})
let seq = 0
const change = (eventId: string, action: EventAction, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  schemaVersion: 1,
  id: `m-${++seq}`,
  eventId,
  action,
  at: NOW - MINUTE_MS,
  actor: 'W0001',
  ...(action === 'rate' ? { satisfaction: 5 } : {}),
  ...over
})

describe('event state changes from the platform (events/{id})', () => {
  let store: Store
  let remove: () => void
  let changed: string[][]
  let inbox: EventInbox

  beforeEach(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
    store.events.insertMany(eventStatuses.map((status) => makeEvent(`E-${status}`, G1, T0 - DAY_MS, T0 + DAY_MS, { status })))
    changed = []
    // G2 contains every point east of 114.05 in this fixture; nothing lies outside 113–115.
    inbox = new EventInbox({ store, now: () => NOW, locate: (lon) => (lon < 113 || lon > 115 ? null : lon > 114.05 ? G2 : G1), changed: (ids) => changed.push(ids) })
  })
  afterEach(() => {
    store.close()
    remove()
  })

  const statusOf = (id: string): EventStatus | undefined => store.events.row(id)?.status
  const rejections = () => store.alerts.rejectionCounts()

  it('applies every action the state machine allows, and refuses every other, from every status', () => {
    for (const status of eventStatuses) {
      for (const action of eventActions) {
        const id = `X-${status}-${action}`
        store.events.insertMany([makeEvent(id, G1, T0 - DAY_MS, T0 + DAY_MS, { status })])
        inbox.commit([msg(id, change(id, action))])
        if (canTransition(status, action)) expect(statusOf(id), `${status} → ${action}`).toBe(eventTransitions[action].to)
        else expect(statusOf(id), `${status} → ${action} refused`).toBe(status)
      }
    }
    const refused = eventStatuses.flatMap((s) => eventActions.filter((a) => !canTransition(s, a))).length
    expect(rejections().illegalTransition).toBe(refused)
    const q = store.alerts.quarantine(500).find((e) => e.reason === 'illegalTransition' && e.topic === 'events/X-closed-dispatch')
    expect(q?.detail).toBe('事件已结案，不能派遣 / event X-closed-dispatch is closed: cannot dispatch')
  })

  it('records the timeline row with the platform’s actor and time, the handler, the rating and the closing time', () => {
    const at = NOW - 30 * MINUTE_MS
    inbox.commit([
      msg('E-handling', change('E-handling', 'reportHandled', { at, actor: 'W0042' })),
      msg('E-closed', change('E-closed', 'rate', { satisfaction: 2 })),
      msg('E-verified', change('E-verified', 'close', { at: new Date(at).toISOString() }))
    ])
    expect(store.events.timeline('E-handling').at(-1)).toMatchObject({ action: 'reportHandled', status: 'handled', at, actor: 'W0042' })
    expect(store.db.prepare("SELECT handler_id AS h FROM events WHERE id = 'E-handling'").get()).toEqual({ h: 'W0042' })
    expect(store.db.prepare("SELECT satisfaction AS s, status FROM events WHERE id = 'E-closed'").get()).toEqual({ s: 2, status: 'rated' })
    expect(store.events.row('E-verified')).toMatchObject({ status: 'closed', closedAt: at })
    expect(changed).toEqual([['E-handling', 'E-closed', 'E-verified']])
  })

  it('applies a message once: a redelivered batch changes nothing', () => {
    const batch = [msg('E-reported', change('E-reported', 'accept')), msg('E-reported', change('E-reported', 'dispatch'))]
    inbox.commit(batch)
    inbox.commit(batch)
    expect(statusOf('E-reported')).toBe('dispatched')
    expect(store.events.timeline('E-reported').map((t) => t.action)).toEqual(['accept', 'dispatch'])
    expect(rejections()).toEqual({})
    expect(changed).toEqual([['E-reported']])
  })

  it('a report creates the event with the deadline of its category, in the grid of its position or the one given', () => {
    const at = NOW - HOUR_MS
    const report = (id: string, event: Record<string, unknown>) => msg(id, { ...change(id, 'report' as EventAction, { at }), event })
    inbox.commit([
      report('P-1', { category: 'cityManagement', source: 'resident', title: '占道经营', location: { lon: 114.1, lat: 22.5, crs: 'WGS84' } }),
      report('P-2', { category: 'dispute', level: 3, source: 'hotline', title: '欠薪纠纷', location: { lon: 114.0, lat: 22.5, crs: 'WGS84' }, gridCode: G1 })
    ])
    expect(store.events.row('P-1')).toMatchObject({ status: 'reported', gridCode: G2, level: 1, reportedAt: at, deadlineAt: deadlineFor('cityManagement', 1, at) })
    expect(store.events.row('P-2')).toMatchObject({ gridCode: G1, level: 3, deadlineAt: at + 30 * DAY_MS })
    expect(store.events.timeline('P-1')).toMatchObject([{ action: 'report', status: 'reported', at, actor: 'W0001' }])
    // A dispute comes with its facts, graded for the early warning; facts on another category are refused.
    inbox.commit([
      report('P-5', { category: 'dispute', source: 'hotline', title: '欠薪纠纷', location: { lon: 114.0, lat: 22.5, crs: 'WGS84' }, dispute: { people: 60, urgency: 'urgent', amountYuan: 800_000 } }),
      report('P-6', { category: 'environment', source: 'patrol', title: 'x', location: { lon: 114.0, lat: 22.5, crs: 'WGS84' }, dispute: { people: 2, urgency: 'normal' } })
    ])
    expect(store.disputes.disputeFactsOf('P-5')).toEqual({ facts: { people: 60, urgency: 'urgent', amountYuan: 800_000 }, warningLevel: 'red' })
    expect(store.events.row('P-6')).toBeNull()
    expect(rejections().badSchema).toBe(1)
    // Reported again under another message id: refused, the event is unchanged.
    inbox.commit([report('P-1', { category: 'fireSafety', source: 'patrol', title: 'x', location: { lon: 114.1, lat: 22.5, crs: 'WGS84' } })])
    expect(store.events.row('P-1')?.category).toBe('cityManagement')
    expect(rejections().illegalTransition).toBe(1)
    // Outside the district, or in a grid the district does not have.
    inbox.commit([
      report('P-3', { category: 'environment', source: 'patrol', title: 'x', location: { lon: 120, lat: 22.5, crs: 'WGS84' } }),
      report('P-4', { category: 'environment', source: 'patrol', title: 'x', location: { lon: 114, lat: 22.5, crs: 'WGS84' }, gridCode: '440311-009-09-009' })
    ])
    expect(store.events.row('P-3')).toBeNull()
    expect(store.events.row('P-4')).toBeNull()
    expect(rejections()).toMatchObject({ outsideDistrict: 1, badSchema: 2 })
  })

  it('refuses bad input with a counted reason and keeps the rest of the batch', () => {
    const ok = change('E-reported', 'accept')
    inbox.commit([
      msg('E-x', '{"schemaVersion":1,'),
      msg('E-x', { ...change('E-x', 'accept'), schemaVersion: 2 }),
      msg('E-x', change('E-x', 'fly' as EventAction)),
      msg('E-x', change('E-x', 'rate', { satisfaction: 9 })),
      msg('E-x', change('E-other', 'accept')),
      msg('E-nope', change('E-nope', 'accept')),
      msg('E-dispatched', change('E-dispatched', 'startHandling', { note: '<script>alert(1)</script>' })),
      msg('E-dispatched', change('E-dispatched', 'startHandling', { at: NOW + 2 * DAY_MS })),
      msg('E-dispatched', change('E-dispatched', 'startHandling', { at: T0 - 2 * DAY_MS })),
      msg('E-dispatched', change('E-dispatched', 'startHandling', { at: 'yesterday' })),
      // Beyond what a Date can hold: refused like any far-future time, never a throw that would stall the batch.
      msg('E-dispatched', change('E-dispatched', 'startHandling', { at: 9_000_000_000_000_000 })),
      { topic: 'events/E-x', payload: new Uint8Array(300 * 1024), receivedAt: NOW },
      { topic: 'events/a/b', payload: encoder.encode('{}'), receivedAt: NOW },
      msg('E-reported', ok)
    ])
    expect(rejections()).toEqual({ malformedJson: 1, badSchema: 5, unknownEvent: 1, html: 1, absurdTime: 3, tooLarge: 1, unknownTopic: 1 })
    expect(statusOf('E-dispatched')).toBe('dispatched')
    expect(statusOf('E-reported')).toBe('accepted')
    expect(changed).toEqual([['E-reported']])
  })

  it('applies the messages of one batch in order: a sequence works, a step out of order is refused', () => {
    inbox.commit(
      (['accept', 'dispatch', 'startHandling', 'reportHandled', 'verify', 'close', 'rate'] as const).map((a) => msg('E-reported', change('E-reported', a)))
    )
    expect(statusOf('E-reported')).toBe('rated')
    inbox.commit([msg('E-accepted', change('E-accepted', 'verify')), msg('E-accepted', change('E-accepted', 'dispatch'))])
    expect(statusOf('E-accepted')).toBe('dispatched')
    expect(rejections().illegalTransition).toBe(1)
  })

  it('reads only its own topics from a mixed batch', () => {
    const rest = inbox.commitOwn([
      { topic: 'alerts/CAM1', payload: encoder.encode('{}'), receivedAt: NOW },
      msg('E-reported', change('E-reported', 'accept'))
    ])
    expect(rest.map((m) => m.topic)).toEqual(['alerts/CAM1'])
    expect(statusOf('E-reported')).toBe('accepted')
    expect(eventIdOfTopic('events/EV1')).toBe('EV1')
    expect(eventIdOfTopic('events/')).toBeNull()
    expect(eventIdOfTopic('events/a/b')).toBeNull()
    expect(eventIdOfTopic('gov/events/EV1', 'gov/events')).toBe('EV1')
  })
})
