import { connect, type IClientOptions, type MqttClient } from 'mqtt'
import { alertMixBySite } from '../demo/alertMix'
import type { AlertType } from '@shared/domain/alert'
import type { CameraSite } from '@shared/domain/camera'
import { Random } from '../demo/random'
import type { TlsMaterial } from './config'

/**
 * The camera simulator: realistic native alerts (topic `alerts/{cameraId}`, docs/ALERTS.md) from
 * the demo district's cameras, at a steady rate with bursts and repeated messages for the same
 * tracked object. New alerts carry a sequence number in their id (`sim-<runId>-<seq>`), so a test
 * can check that every alert arrived; a repeat carries its alert's id and track.
 */

export interface SimCamera {
  id: string
  site: CameraSite
  lon: number
  lat: number
}

/** Types whose bursts make sense: an incident seen by several nearby cameras at once. */
const burstTypes: readonly AlertType[] = ['crowdGathering', 'fight', 'fireSmoke']
/** Types detected on a tracked object (the rest are scene-level). */
const untracked: ReadonlySet<AlertType> = new Set(['garbageOverflow', 'fireSmoke'])

export interface SimMessage {
  topic: string
  payload: string
  id: string
  /** The new alert's sequence number; null for a repeat. */
  seq: number | null
}

export interface AlertGeneratorOptions {
  cameras: readonly SimCamera[]
  runId: string
  seed?: number
  /** Share of messages that repeat a recent alert (same id and track). */
  repeatShare: number
  topicPrefix?: string
  /** Base of snapshot URLs (some alerts have one); null: none. */
  snapshotBase?: string | null
}

interface Track {
  id: string
  camera: SimCamera
  type: AlertType
  trackId: string | null
  score: number
  zone: string | null
  snapshot: boolean
}

/** ISO 8601 in China Standard Time, as cameras in the district send it. */
export function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00')
}

function weighted<T extends string>(rng: Random, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][]
  let r = rng.float() * entries.reduce((s, [, w]) => s + w, 0)
  for (const [k, w] of entries) {
    r -= w
    if (r < 0) return k
  }
  return entries[entries.length - 1]![0]
}

/** Pure generator: the same options and calls give the same messages. */
export class AlertGenerator {
  private readonly rng: Random
  private readonly recent: Track[] = []
  private seq = 0
  private readonly prefix: string
  private readonly snapshotBase: string | null

  constructor(private readonly o: AlertGeneratorOptions) {
    if (o.cameras.length === 0) throw new RangeError('AlertGenerator: no cameras')
    this.rng = Random.fromSeed(o.seed ?? 1).fork(`sim-${o.runId}`)
    this.prefix = o.topicPrefix ?? 'alerts'
    this.snapshotBase = o.snapshotBase === undefined ? 'http://127.0.0.1:5180/snapshots' : o.snapshotBase
  }

  /** New alerts so far (the last sequence number used). */
  get lastSeq(): number {
    return this.seq
  }

  /** The next message: a repeat of a recent alert with probability repeatShare, else a new alert. */
  next(now: number): SimMessage {
    if (this.recent.length > 0 && this.rng.chance(this.o.repeatShare)) return this.repeat(this.rng.pick(this.recent), now)
    const camera = this.rng.pick(this.o.cameras)
    return this.create(camera, weighted(this.rng, alertMixBySite[camera.site]), now)
  }

  /** An incident seen by the cameras nearest a random one: new alerts on each, then repeats. */
  burst(now: number, size: number, maxNew = Infinity): SimMessage[] {
    const origin = this.rng.pick(this.o.cameras)
    const type = this.rng.pick(burstTypes)
    const near = [...this.o.cameras]
      .sort((a, b) => Math.hypot(a.lon - origin.lon, a.lat - origin.lat) - Math.hypot(b.lon - origin.lon, b.lat - origin.lat))
      .slice(0, Math.max(1, Math.min(6, Math.ceil(size / 4), maxNew)))
    const out: SimMessage[] = []
    const tracks: Track[] = []
    for (const camera of near) {
      if (out.length >= size) break
      out.push(this.create(camera, type, now))
      tracks.push(this.recent[this.recent.length - 1]!)
    }
    while (out.length < size) out.push(this.repeat(this.rng.pick(tracks), now + out.length * 40))
    return out
  }

  private create(camera: SimCamera, type: AlertType, now: number): SimMessage {
    const seq = ++this.seq
    const track: Track = {
      id: `sim-${this.o.runId}-${seq}`,
      camera,
      type,
      trackId: untracked.has(type) ? null : `${camera.id}-trk-${seq}`,
      score: 0.55 + 0.4 * this.rng.float(),
      zone: this.rng.chance(0.4) ? this.rng.pick(['入口', '出口', '人行道', '车行道', '电梯厅', '围墙']) : null,
      snapshot: this.snapshotBase !== null && this.rng.chance(0.35)
    }
    this.recent.push(track)
    if (this.recent.length > 200) this.recent.shift()
    return { ...this.message(track, now), seq }
  }

  private repeat(track: Track, now: number): SimMessage {
    // A tracked object is seen again, usually with a somewhat higher confidence.
    track.score = Math.min(0.99, Math.max(0.55, track.score + (this.rng.float() - 0.3) * 0.08))
    return { ...this.message(track, now), seq: null }
  }

  private message(t: Track, now: number): Omit<SimMessage, 'seq'> {
    const withLocation = this.rng.chance(0.5)
    // Up to ~20 m from the camera: what the camera sees, not where it hangs.
    const location = withLocation
      ? {
          lon: Number((t.camera.lon + (this.rng.float() - 0.5) * 0.0004).toFixed(6)),
          lat: Number((t.camera.lat + (this.rng.float() - 0.5) * 0.0004).toFixed(6)),
          crs: 'WGS84'
        }
      : undefined
    const payload = {
      schemaVersion: 1,
      id: t.id,
      cameraId: t.camera.id,
      type: t.type,
      score: Math.round(Math.min(0.99, t.score) * 100) / 100,
      time: shanghaiTime(now - Math.floor(this.rng.float() * 800)),
      ...(location !== undefined ? { location } : {}),
      // Optional fields are left out when absent: the native schema refuses null (badSchema).
      ...(t.snapshot ? { snapshotUrl: `${this.snapshotBase}/${encodeURIComponent(t.camera.id)}/${t.id}.jpg` } : {}),
      ...(t.zone !== null ? { zone: t.zone } : {}),
      ...(t.trackId !== null ? { trackId: t.trackId } : {})
    }
    return { topic: `${this.prefix}/${t.camera.id}`, payload: JSON.stringify(payload), id: t.id }
  }
}

/** `n` synthetic cameras around a centre, for --cameras N. */
export function syntheticCameras(n: number, center: readonly [number, number], seed = 1): SimCamera[] {
  const rng = Random.fromSeed(seed).fork('sim-cameras')
  const sites: CameraSite[] = ['mainRoad', 'mainRoad', 'residential', 'residential', 'market', 'school', 'checkpoint', 'park']
  return Array.from({ length: n }, (_, i) => ({
    id: `SIM${String(i + 1).padStart(5, '0')}`,
    site: rng.pick(sites),
    lon: center[0] + (rng.float() - 0.5) * 0.08,
    lat: center[1] + (rng.float() - 0.5) * 0.06
  }))
}

export type SimPublish = (topic: string, payload: string) => Promise<void>

export interface CameraSimulatorOptions extends AlertGeneratorOptions {
  publish: SimPublish
  /** Messages per second, repeats included. */
  rate: number
  /** Seconds between bursts; 0: none. */
  burstEvery: number
  burstSize: number
  /** Stop after this many new alerts (their repeats and bursts included); the `finished` promise resolves when all are acknowledged. */
  count?: number
  /** Messages not yet acknowledged above which ticks are skipped (counted as dropped). Default 10000. */
  maxInFlight?: number
  tickMs?: number
  now?: () => number
}

export interface SimulatorStats {
  sent: number
  newAlerts: number
  repeats: number
  bursts: number
  acked: number
  failed: number
  dropped: number
  inFlight: number
  lastError: string | null
}

export class CameraSimulator {
  private readonly generator: AlertGenerator
  private readonly now: () => number
  private timer: NodeJS.Timeout | null = null
  private last = 0
  private budget = 0
  private nextBurstAt = 0
  private readonly inFlight = new Set<Promise<void>>()
  private stopped = false
  private readonly s: SimulatorStats = { sent: 0, newAlerts: 0, repeats: 0, bursts: 0, acked: 0, failed: 0, dropped: 0, inFlight: 0, lastError: null }
  private resolveFinished: () => void = () => {}
  /** Resolves when `count` alerts were sent and acknowledged, or on stop(). */
  readonly finished: Promise<void>

  constructor(private readonly o: CameraSimulatorOptions) {
    this.generator = new AlertGenerator(o)
    this.now = o.now ?? Date.now
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve))
  }

  start(): void {
    if (this.timer !== null || this.stopped) throw new Error('CameraSimulator.start: already started or stopped')
    this.last = this.now()
    this.nextBurstAt = this.o.burstEvery > 0 ? this.last + this.o.burstEvery * 1000 : Infinity
    this.timer = setInterval(() => this.tick(), this.o.tickMs ?? 100)
  }

  stats(): SimulatorStats {
    return { ...this.s, inFlight: this.inFlight.size }
  }

  /** Stops generating; waits (bounded) for acknowledgements in flight. */
  async stop(drainMs = 2000): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
    let t: NodeJS.Timeout | undefined
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => (t = setTimeout(r, drainMs)))])
    clearTimeout(t)
    this.resolveFinished()
  }

  private done(): boolean {
    return this.o.count !== undefined && this.generator.lastSeq >= this.o.count
  }

  private tick(): void {
    const now = this.now()
    this.budget = Math.min(this.budget + (this.o.rate * (now - this.last)) / 1000, Math.max(1, this.o.rate))
    this.last = now
    const messages: SimMessage[] = []
    if (now >= this.nextBurstAt) {
      this.nextBurstAt = now + this.o.burstEvery * 1000
      if (this.o.burstSize > 0 && !this.done()) {
        const maxNew = this.o.count === undefined ? Infinity : this.o.count - this.generator.lastSeq
        messages.push(...this.generator.burst(now, this.o.burstSize, maxNew))
        this.s.bursts++
      }
    }
    while (this.budget >= 1 && !this.done()) {
      this.budget -= 1
      messages.push(this.generator.next(now))
    }
    for (const m of messages) {
      if (this.inFlight.size >= (this.o.maxInFlight ?? 10_000)) {
        this.s.dropped++
        continue
      }
      this.send(m)
    }
    if (this.done() && this.timer !== null) {
      clearInterval(this.timer)
      this.timer = null
      void Promise.allSettled([...this.inFlight]).then(() => this.resolveFinished())
    }
  }

  private send(m: SimMessage): void {
    this.s.sent++
    if (m.seq === null) this.s.repeats++
    else this.s.newAlerts++
    const p: Promise<void> = this.o.publish(m.topic, m.payload).then(
      () => {
        this.inFlight.delete(p)
        this.s.acked++
      },
      (err: unknown) => {
        this.inFlight.delete(p)
        this.s.failed++
        this.s.lastError = (err as Error).message
      }
    )
    this.inFlight.add(p)
  }
}

export interface SimulatorConnection {
  url: string
  username?: string
  password?: string
  protocolVersion?: 4 | 5
  clientId: string
  tls?: TlsMaterial | null
}

/**
 * An mqtt.js client for the simulator: a persistent session and QoS 1, so messages not yet
 * acknowledged when the broker goes away are sent again by mqtt.js after the reconnect.
 */
export function connectSimulator(c: SimulatorConnection): { client: MqttClient; publish: SimPublish; close: () => Promise<void> } {
  const options: IClientOptions = {
    clientId: c.clientId,
    clean: false,
    protocolVersion: c.protocolVersion ?? 4,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    ...(c.protocolVersion === 5 ? { properties: { sessionExpiryInterval: 3600 } } : {}),
    ...(c.username !== undefined ? { username: c.username } : {}),
    ...(c.password !== undefined ? { password: c.password } : {}),
    ...(c.tls ? { rejectUnauthorized: c.tls.rejectUnauthorized, ca: c.tls.ca, cert: c.tls.cert, key: c.tls.key } : {})
  }
  const client = connect(c.url, options)
  client.on('error', () => {}) // reported through publish failures and the 'connect' state
  return {
    client,
    publish: (topic, payload) =>
      new Promise((resolve, reject) => client.publish(topic, payload, { qos: 1 }, (err) => (err ? reject(err) : resolve()))),
    close: () =>
      new Promise((resolve) => {
        const t = setTimeout(() => client.end(true, () => resolve()), 3000)
        client.end(false, () => {
          clearTimeout(t)
          resolve()
        })
      })
  }
}
