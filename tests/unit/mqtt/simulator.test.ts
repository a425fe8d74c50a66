import { connect } from 'mqtt'
import { describe, expect, it } from 'vitest'
import { nativeAlertSchema } from '../../../src/shared/alerts/payloads'
import { alertTypes } from '../../../src/shared/domain/alert'
import { startEmbeddedBroker } from '../../../src/main/mqtt/embeddedBroker'
import { AlertGenerator, CameraSimulator, connectSimulator, shanghaiTime, syntheticCameras, type SimCamera } from '../../../src/main/mqtt/simulator'
import { freePort } from '../../support/mosquitto'

const cameras: SimCamera[] = [
  { id: 'C-RES', site: 'residential', lon: 113.94, lat: 22.76 },
  { id: 'C-SCH', site: 'school', lon: 113.95, lat: 22.77 },
  { id: 'C-RD', site: 'mainRoad', lon: 113.96, lat: 22.75 }
]

describe('AlertGenerator', () => {
  it('produces native payloads with sequence-numbered ids, site-typical types and repeats of the same track', () => {
    const g = new AlertGenerator({ cameras, runId: 't', seed: 7, repeatShare: 0.3 })
    const messages = Array.from({ length: 3000 }, (_, i) => g.next(1_795_000_000_000 + i * 100))
    const payloads = messages.map((m) => ({ m, p: JSON.parse(m.payload) }))
    const byId = new Map<string, { trackId: string | null; cameraId: string; type: string }>()
    for (const { m, p } of payloads) {
      expect(m.topic).toBe(`alerts/${p.cameraId}`)
      expect(p.schemaVersion).toBe(1)
      expect(alertTypes).toContain(p.type)
      expect(p.score).toBeGreaterThanOrEqual(0.55)
      expect(p.score).toBeLessThanOrEqual(0.99)
      expect(p.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/)
      if (p.location !== undefined) expect(p.location.crs).toBe('WGS84')
      expect(p.snapshotUrl === undefined || p.snapshotUrl.startsWith('http')).toBe(true)
      // What the app's parser accepts (null for an absent optional field is refused as badSchema).
      expect(nativeAlertSchema.safeParse(p).error?.issues ?? []).toEqual([])
      const seen = byId.get(p.id)
      if (m.seq !== null) {
        expect(p.id).toBe(`sim-t-${m.seq}`)
        expect(seen).toBeUndefined()
        byId.set(p.id, { trackId: p.trackId, cameraId: p.cameraId, type: p.type })
      } else {
        expect(seen).toEqual({ trackId: p.trackId, cameraId: p.cameraId, type: p.type })
      }
    }
    const seqs = messages.flatMap((m) => (m.seq === null ? [] : [m.seq]))
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1))
    const repeatShare = 1 - seqs.length / messages.length
    expect(repeatShare).toBeGreaterThan(0.25)
    expect(repeatShare).toBeLessThan(0.35)
    const types = (id: string): Set<string> => new Set(payloads.filter(({ p }) => p.cameraId === id).map(({ p }) => p.type))
    expect(types('C-RES')).toContain('eBikeInElevator')
    expect(types('C-SCH')).not.toContain('eBikeInElevator')
    expect(types('C-SCH')).toContain('intrusion')
    expect(types('C-RD')).toContain('illegalParking')
  })

  it('bursts: one incident seen by nearby cameras', () => {
    const g = new AlertGenerator({ cameras: syntheticCameras(50, [113.94, 22.76]), runId: 'b', repeatShare: 0 })
    const burst = g.burst(0, 20)
    expect(burst).toHaveLength(20)
    expect(new Set(burst.map((m) => JSON.parse(m.payload).type)).size).toBe(1)
    expect(burst.filter((m) => m.seq !== null).length).toBeLessThanOrEqual(6)
  })

  it('formats China Standard Time', () => {
    expect(shanghaiTime(Date.parse('2026-11-22T06:03:05.120Z'))).toBe('2026-11-22T14:03:05.120+08:00')
  })
})

describe('CameraSimulator', () => {
  it('publishes a counted run to a broker with QoS 1: every alert arrives', async () => {
    const broker = await startEmbeddedBroker({ port: await freePort() })
    const ids = new Set<string>()
    const sub = connect(broker.url, { clientId: 'sim-sub' })
    await new Promise<void>((r) => sub.once('connect', () => r()))
    await sub.subscribeAsync('alerts/#', { qos: 1 })
    sub.on('message', (_t, p) => ids.add(JSON.parse(p.toString()).id))
    const link = connectSimulator({ url: broker.url, clientId: 'gcc-sim-test' })
    const sim = new CameraSimulator({ cameras, runId: 'r', repeatShare: 0.3, rate: 400, burstEvery: 0.2, burstSize: 10, count: 150, tickMs: 20, publish: link.publish })
    sim.start()
    await sim.finished
    const s = sim.stats()
    expect(s.newAlerts).toBe(150)
    expect(s.acked).toBe(s.sent)
    expect(s.repeats).toBeGreaterThan(0)
    expect(s.bursts).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 200))
    expect(ids).toEqual(new Set(Array.from({ length: 150 }, (_, i) => `sim-r-${i + 1}`)))
    await sim.stop()
    await link.close()
    await sub.endAsync()
    await broker.stop()
  })
})
