import { connect, type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModeSwitchResult } from '@shared/api/types'
import { MODE_TOPIC, type ModeMessage } from '@shared/mode/messages'
import { startFollowingWall, type FollowingWall } from '../../support/followingWall'
import { G1 } from '../../support/emergencyDistrict'
import { startMosquitto, type MosquittoHandle } from '../../support/mosquitto'
import { until } from '../../support/until'

const fire = { type: 'fire', level: 'II', location: { gridCode: G1 }, reason: '一社区厂房起火', drill: true } as const
const modeRows = (w: FollowingWall): number => (w.store.db.prepare('SELECT count(*) AS n FROM mode_changes').get() as { n: number }).n

/** docs/EMERGENCY.md "All walls follow": two (then three) walls, each with its own store, on one real Mosquitto. */
describe('every wall follows the mode over gcc/mode', () => {
  let broker: MosquittoHandle
  let a: FollowingWall
  let b: FollowingWall
  let late: FollowingWall | null = null
  let raw: MqttClient
  let entered: ModeSwitchResult

  beforeAll(async () => {
    broker = await startMosquitto()
    ;[a, b] = await Promise.all([startFollowingWall(broker.url), startFollowingWall(broker.url)])
    raw = connect(broker.url, { clientId: 'test-raw', clean: true })
    await new Promise((resolve) => raw.once('connect', resolve))
  }, 30_000)

  afterAll(async () => {
    raw?.end(true)
    await Promise.all([a?.stop(), b?.stop(), late?.stop()])
    await broker?.dispose()
  })

  it('switches the other wall within 2 s of mode.enter, with the same incident; the own echo changes nothing', async () => {
    const started = Date.now()
    entered = await a.call<ModeSwitchResult>('mode.enter', fire)
    await until('B in emergency mode', () => b.store.modes.current() === 'emergency', 2_000)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(b.store.incidents.current()).toEqual(entered.incident)
    expect(b.store.modes.latest()).toMatchObject({ mode: 'emergency', operator: 'dispatch1', incident: entered.incident!.id, at: entered.change.at })
    expect(b.store.modes.latest()!.reason).toContain(a.instanceId)
    expect(b.store.incidents.log(entered.incident!.id, 10)[0]).toMatchObject({ kind: 'started', operator: 'dispatch1' })
    await until('the push to B', () => b.topics.some((t) => t.includes('mode')))
    // A's own message came back (it subscribes to gcc/mode too) and was ignored.
    await until('A outbox sent', () => a.service.status().outboxPending === 0)
    await new Promise((r) => setTimeout(r, 200))
    expect(modeRows(a)).toBe(1)
    expect(a.store.db.prepare('SELECT count(*) AS n FROM mode_messages').get()).toEqual({ n: 0 })
  })

  it('switches a wall that connects later from the retained message', async () => {
    late = await startFollowingWall(broker.url)
    await until('the late wall in emergency mode', () => late!.store.modes.current() === 'emergency', 2_000)
    expect(late.store.incidents.current()).toEqual(entered.incident)
  })

  it('applies a redelivered message once and passes over an older one', async () => {
    const payload = a.store.db.prepare('SELECT payload FROM outbox WHERE topic = ?').get(MODE_TOPIC) as { payload: string }
    const rows = modeRows(b)
    await raw.publishAsync(MODE_TOPIC, payload.payload, { qos: 1 })
    const older: ModeMessage = { ...(JSON.parse(payload.payload) as ModeMessage), id: 'older-1', at: entered.change.at - 60_000 }
    older.incident!.startedAt = older.at
    await raw.publishAsync(MODE_TOPIC, JSON.stringify(older), { qos: 1 })
    await until('the older one recorded as passed over', () => b.store.db.prepare("SELECT applied FROM mode_messages WHERE id = 'older-1'").get())
    expect(b.store.db.prepare("SELECT applied FROM mode_messages WHERE id = 'older-1'").get()).toEqual({ applied: 0 })
    expect(modeRows(b)).toBe(rows)
    expect(b.store.incidents.current()).toEqual(entered.incident)
  })

  it('refuses and counts a malformed mode message, and nothing changes', async () => {
    const before = b.service.status().rejected.badSchema ?? 0
    const rows = modeRows(b)
    await raw.publishAsync(MODE_TOPIC, JSON.stringify({ schemaVersion: 1, id: 'bad-1', origin: 'x', mode: 'emergency', at: Date.now(), operator: 'x' }), { qos: 1 })
    await until('the refusal counted', () => (b.service.status().rejected.badSchema ?? 0) > before)
    expect(modeRows(b)).toBe(rows)
    expect(b.store.modes.current()).toBe('emergency')
  })

  it('restores every wall on mode.leave, one that was offline as soon as it reconnects', async () => {
    await b.stopLink()
    const left = await a.call<ModeSwitchResult>('mode.leave', { summary: '火已扑灭，转入善后' })
    await until('the late wall in normal mode', () => late!.store.modes.current() === 'normal', 2_000)
    expect(b.store.modes.current()).toBe('emergency')
    await b.startLink()
    for (const w of [b, late!]) {
      await until('normal mode', () => w.store.modes.current() === 'normal', 2_000)
      expect(w.store.incidents.current()).toBeNull()
      expect(w.store.incidents.get(entered.incident!.id)).toEqual(left.incident)
      expect(w.store.modes.latest()).toMatchObject({ mode: 'normal', operator: 'dispatch1', at: left.change.at })
    }
  })
})
