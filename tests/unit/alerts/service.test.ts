import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { connect, type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AlertView } from '@shared/api/alertTypes'
import { startAlertService, type AlertService } from '../../../src/main/alerts/service'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import { Store } from '../../../src/main/store/store'
import { startMosquitto, type MosquittoHandle } from '../../support/mosquitto'
import { tempDir } from '../../support/tempDir'
import { demoOptions } from '../demo/fixture'
import { until } from '../../support/until'

const frigateFixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/frigate', name), 'utf8')) as Record<string, unknown>

/** The whole alert path against a real Mosquitto: publish → parse → route → SQLite → wall push; handling → outbox → broker. */
describe('alert service against Mosquitto', () => {
  let broker: MosquittoHandle
  let store: Store
  let service: AlertService
  let publisher: MqttClient
  let remove: () => void
  const pushed: AlertView[] = []
  let cameraId: string
  let gridCode: string
  const now = Date.now()

  beforeAll(async () => {
    broker = await startMosquitto()
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadDemoDistrict(store, { ...demoOptions, now })
    const camera = store.cameras.all().find((c) => c.online)!
    cameraId = camera.id
    gridCode = camera.gridCode
    writeFileSync(
      join(t.dir, 'mqtt.json'),
      JSON.stringify({
        broker: { url: broker.url, protocolVersion: 5 },
        frigate: { cameras: { front_door: cameraId }, rules: [{ label: 'person', zones: ['driveway'], type: 'intrusion' }] }
      })
    )
    service = await startAlertService({
      store,
      dataDir: t.dir,
      log: () => {},
      now: Date.now,
      alertsChanged: (alerts) => pushed.push(...alerts),
      statusChanged: () => {}
    })
    await until('the link to connect', () => service.status().broker.state === 'connected')
    publisher = connect(broker.url, { clientId: 'test-publisher', clean: true })
    await new Promise((resolve) => publisher.once('connect', resolve))
  }, 30_000)

  afterAll(async () => {
    publisher?.end(true)
    await service?.stop()
    store?.close()
    await broker?.dispose()
    remove?.()
  })

  const publish = (topic: string, payload: string | object): Promise<unknown> =>
    publisher.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 })

  it('stores a native alert in the grid of its camera and pushes it to the walls', async () => {
    await publish(`alerts/${cameraId}`, {
      schemaVersion: 1,
      id: 'native-1',
      cameraId,
      type: 'fireSmoke',
      score: 0.93,
      time: now - 5_000
    })
    const alert = await until('native-1', () => store.alerts.view('native-1'))
    expect(alert).toMatchObject({ cameraId, gridCode, type: 'fireSmoke', status: 'new', format: 'native', messages: 1 })
    await until('the push', () => pushed.find((a) => a.id === 'native-1'))
    expect(service.status()).toMatchObject({ broker: { state: 'connected', embedded: false }, accepted: expect.any(Number) })
    expect(service.status().lastMessageAt).toBeGreaterThan(0)
  })

  it('makes one alert of a Frigate new / update / end sequence', async () => {
    const update = frigateFixture('events-update.doc.json') as { after: Record<string, unknown>; before: Record<string, unknown> }
    const at = (now - 60_000) / 1000
    const tracked = { ...update.after, start_time: at, frame_time: at, false_positive: false }
    for (const type of ['new', 'update', 'end']) {
      await publish('frigate/events', { type, before: tracked, after: { ...tracked, end_time: type === 'end' ? at + 30 : null } })
    }
    const id = `frigate:front_door:${String(update.after['id'])}`
    const alert = await until('the Frigate alert ended', () => {
      const a = store.alerts.view(id)
      return a?.ended ? a : null
    })
    expect(alert).toMatchObject({ cameraId, format: 'frigate', type: 'intrusion', messages: 3 })
    expect(store.alerts.latest(200).filter((a) => a.id === id)).toHaveLength(1)
  })

  it('counts every kind of bad input, keeps it in quarantine and goes on', async () => {
    const before = store.alerts.rejectionCounts()
    await publish(`alerts/${cameraId}`, '{ not json')
    await publish(`alerts/${cameraId}`, { schemaVersion: 1, id: 'x', cameraId, type: 'alien', score: 2, time: now })
    await publish('alerts/NO-SUCH-CAMERA', { schemaVersion: 1, id: 'y', cameraId: 'NO-SUCH-CAMERA', type: 'fight', score: 0.8, time: now })
    await publish(`alerts/${cameraId}`, { schemaVersion: 1, id: 'z', cameraId, type: 'fight', score: 0.8, time: now, location: { lon: 0, lat: 0, crs: 'WGS84' } })
    await publish(`alerts/${cameraId}`, { schemaVersion: 1, id: 'w', cameraId, type: 'fight', score: 0.8, time: now - 400 * 86_400_000 })
    await publish(`alerts/${cameraId}`, { schemaVersion: 1, id: '<img src=x onerror=alert(1)>', cameraId, type: 'fight', score: 0.8, time: now })
    await publish(`alerts/${cameraId}`, 'x'.repeat(300 * 1024))
    await publish(`alerts/${cameraId}`, { schemaVersion: 1, id: 'ok-after-bad', cameraId, type: 'fight', score: 0.8, time: now })
    await until('the good alert after the bad ones', () => store.alerts.view('ok-after-bad'))
    const after = store.alerts.rejectionCounts()
    for (const reason of ['malformedJson', 'badSchema', 'unknownCamera', 'outsideDistrict', 'absurdTime', 'html', 'tooLarge'] as const) {
      expect(after[reason] ?? 0, reason).toBe((before[reason] ?? 0) + 1)
    }
    expect(service.status().rejected).toEqual(after)
    const quarantine = store.alerts.quarantine(20)
    expect(quarantine.map((q) => q.reason)).toContain('html')
    expect(quarantine.find((q) => q.reason === 'tooLarge')!.bytes).toBe(300 * 1024)
  })

  it('dispatching files a camera event and tells the grid through the broker, once', async () => {
    const field = connect(broker.url, { clientId: 'test-field-phone', clean: true })
    const received: { topic: string; body: Record<string, unknown> }[] = []
    field.on('message', (topic, payload) => received.push({ topic, body: JSON.parse(payload.toString()) as Record<string, unknown> }))
    await field.subscribeAsync(['gcc/dispatch/#', 'gcc/alert-status/#'], { qos: 1 })
    try {
      service.actions.acknowledge('native-1', 'duty1')
      const dispatched = service.actions.dispatch('native-1', 'duty1', '请就近处置')
      expect(dispatched).toMatchObject({ status: 'dispatched', handledBy: 'duty1', eventId: expect.stringMatching(/^CAM-/) })
      expect(store.db.prepare('SELECT source, grid_code AS g, status FROM events WHERE id = ?').get(dispatched.eventId)).toEqual({
        source: 'camera',
        g: gridCode,
        status: 'dispatched'
      })
      await until('the dispatch and two status messages', () => received.length >= 3)
      const dispatch = received.find((r) => r.topic === `gcc/dispatch/${gridCode}`)!
      expect(dispatch.body).toMatchObject({ alertId: 'native-1', eventId: dispatched.eventId, note: '请就近处置', gridCode })
      expect((dispatch.body['workers'] as string[]).length).toBeGreaterThan(0)
      expect(received.filter((r) => r.topic === `gcc/alert-status/${gridCode}`).map((r) => r.body['status'])).toEqual(['acknowledged', 'dispatched'])
      expect(() => service.actions.dismiss('native-1', 'duty1', 'falsePositive')).toThrow(/dispatched/)
      await until('the outbox drained', () => service.status().outboxPending === 0)
    } finally {
      field.end(true)
    }
  })
})
