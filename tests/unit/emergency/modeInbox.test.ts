import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Incident } from '@shared/domain/incident'
import { MODE_TOPIC, type ModeMessage } from '@shared/mode/messages'
import { ModeInbox } from '../../../src/main/mode/inbox'
import type { Store } from '../../../src/main/store/store'
import { G1, loadEmergencyDistrict, P } from '../../support/emergencyDistrict'
import { tempStore } from '../../support/tempStore'

const NOW = Date.UTC(2026, 10, 22, 6, 0)
const MIN = 60_000

const incident = (id: string, startedAt: number): Incident => ({
  id,
  type: 'waterlogging',
  level: 'III',
  lon: P[0],
  lat: P[1],
  gridCode: G1,
  buildingId: null,
  label: '一社区',
  reason: '下穿隧道积水',
  drill: false,
  ringsM: [300, 1000, 2000],
  startedAt,
  startedBy: 'remote1',
  endedAt: null,
  endedBy: null,
  summary: null
})
const enter = (id: string, i: Incident, origin = 'gcc-remote'): ModeMessage => ({ schemaVersion: 1, id, origin, at: i.startedAt, operator: i.startedBy, mode: 'emergency', incident: i })
const leave = (id: string, i: Incident, at: number): ModeMessage => ({
  schemaVersion: 1,
  id,
  origin: 'gcc-remote',
  at,
  operator: 'remote1',
  mode: 'normal',
  incident: { ...i, endedAt: at, endedBy: 'remote1', summary: '积水已排除' }
})
const msg = (m: unknown, topic = MODE_TOPIC) => ({ topic, payload: new TextEncoder().encode(typeof m === 'string' ? m : JSON.stringify(m)), receivedAt: NOW })

/** The mode inbox's rules without a broker: newest wins, once per id, own echo ignored, refusals counted. */
describe('ModeInbox', () => {
  let store: Store
  let remove: () => void
  let inbox: ModeInbox
  let changed: number

  beforeEach(() => {
    ;({ store, remove } = tempStore())
    loadEmergencyDistrict(store, NOW)
    changed = 0
    inbox = new ModeInbox({ store, origin: 'gcc-self', now: () => NOW, changed: () => changed++ })
  })
  afterEach(() => remove())

  it('passes the other topics on, in order, and applies an enter and a leave from another wall', () => {
    const i = incident('INC-20261122-01', NOW - 10 * MIN)
    const other = msg('{}', 'alerts/CAM-1')
    expect(inbox.commitOwn([other, msg(enter('m1', i))])).toEqual([other])
    expect(store.modes.current()).toBe('emergency')
    expect(store.incidents.current()).toEqual(i)
    expect(changed).toBe(1)
    inbox.commit([msg(leave('m2', i, NOW - MIN))])
    expect(store.modes.latest()).toMatchObject({ mode: 'normal', operator: 'remote1', at: NOW - MIN, incident: i.id })
    expect(store.incidents.get(i.id)).toMatchObject({ endedAt: NOW - MIN, summary: '积水已排除' })
    expect(store.incidents.log(i.id, 10).map((e) => e.kind)).toEqual(['ended', 'started'])
    expect(inbox.counters).toEqual({ applied: 2, older: 0 })
  })

  it('ignores its own messages and applies a message id once', () => {
    const i = incident('INC-20261122-01', NOW - 10 * MIN)
    inbox.commit([msg(enter('own', i, 'gcc-self'))])
    expect(store.modes.current()).toBe('normal')
    inbox.commit([msg(enter('m1', i)), msg(enter('m1', i))])
    inbox.commit([msg(enter('m1', i))])
    expect(store.db.prepare('SELECT count(*) AS n FROM mode_changes').get()).toEqual({ n: 1 })
    expect(changed).toBe(1)
  })

  it('keeps a newer local change over an older message (the retained one after a reconnect)', () => {
    store.modes.record({ at: NOW - MIN, mode: 'normal', operator: 'dispatch1', reason: '本地 / local', incident: null })
    inbox.commit([msg(enter('m1', incident('INC-20261122-01', NOW - 10 * MIN)))])
    expect(store.modes.current()).toBe('normal')
    expect(store.incidents.current()).toBeNull()
    expect(inbox.counters).toEqual({ applied: 0, older: 1 })
    expect(changed).toBe(0)
  })

  it('ends a local incident superseded by a newer one from another wall', () => {
    const local = { ...incident('INC-20261122-01', NOW - 20 * MIN), startedBy: 'dispatch1' }
    store.incidents.insert(local)
    store.modes.record({ at: local.startedAt, mode: 'emergency', operator: 'dispatch1', reason: 'r', incident: local.id })
    const remote = incident('INC-20261122-02', NOW - 5 * MIN)
    inbox.commit([msg(enter('m1', remote))])
    expect(store.incidents.current()).toEqual(remote)
    expect(store.incidents.get(local.id)).toMatchObject({ endedAt: remote.startedAt, endedBy: 'remote1' })
    expect(store.incidents.get(local.id)!.summary).toContain('INC-20261122-02')
  })

  it('refuses and counts malformed, inconsistent, marked-up and far-future messages; the batch goes on', () => {
    const i = incident('INC-20261122-01', NOW - 10 * MIN)
    inbox.commit([
      msg('not json'),
      msg({ ...enter('b1', i), at: i.startedAt + 1 }),
      msg({ ...enter('b2', i), mode: 'paused' }),
      msg(enter('h1', { ...i, label: '<b>一社区</b>' })),
      msg(enter('f1', { ...i, startedAt: NOW + 2 * 24 * 60 * MIN })),
      msg(enter('ok', i))
    ])
    expect(store.alerts.rejectionCounts()).toEqual({ malformedJson: 1, badSchema: 2, html: 1, absurdTime: 1 })
    expect(store.incidents.current()).toEqual(i)
  })
})
