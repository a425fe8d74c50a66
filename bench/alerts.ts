/**
 * Alert ingest throughput through a real Mosquitto: `npx tsx --tsconfig tsconfig.node.json
 * bench/alerts.ts [--count 100000] [--publishers 4] [--steps 2000,5000,10000,20000]
 * [--step-seconds 5] [--batch-ms N] [--batch-size N]`.
 *
 * Starts Mosquitto (tests/support/mosquitto.ts; persistence autosaved every 1800 s, its default,
 * rather than the tests' 1 s) and a temporary store with the demo district (scale 1), and makes
 * `count` valid native alerts from the district's online cameras (the simulator's AlertGenerator:
 * sequence-numbered ids, no repeats). A publisher child process (bench/support/alertPublisher.ts:
 * several mqtt.js clients, QoS 1, a window of PUBACKs each) sends them:
 *   1. to no subscriber: the publisher's own maximum rate (it must not be what limits 2 and 3);
 *   2. to a bare mqtt.js subscriber that only counts (MQTT 5, persistent session, receive maximum
 *      1000, QoS 1, as the link connects): the practical limit of this machine and broker;
 *   3. to the alert pipeline itself, started by startAlertService (src/main/alerts/service.ts) from
 *      a `mqtt.json` naming the broker — the same AlertLink, AlertPipeline, parser, router and
 *      store the app runs; its pushes go to an EventHub as in the core. Every alert must then be
 *      in SQLite exactly once (one row per sequence id 1…count, none refused).
 * 2 and 3 run at full speed (the broker queues what the consumer has not taken yet): rate = count
 * / (first PUBLISH → last message received, resp. committed). Also printed for 2 and 3: the CPU
 * time this process spent per message (all its threads; less disturbed by a busy machine than the
 * rates) and the pipeline's batches. A QoS 1 persistent session that
 * acknowledges after the commit loses nothing by construction; the sequence check verifies it.
 * Then the pipeline is held at paced rates (--steps, --step-seconds each): a step is held when
 * every alert is committed exactly once and the last one within 250 ms of its publication (no
 * backlog built up). Last, where the time goes: parse, route, and the SQLite transaction that
 * stores them and makes the views pushed to the walls, per alert, timed offline on the same kind
 * of messages.
 *
 * Targets (the issue): ≥ 5,000 alerts/s and ≥ 50 % of the bare subscriber. Unknown arguments are
 * ignored (bench/index.ts passes everyone's). Stops the broker and the publisher and removes the
 * temp directories always; exits non-zero on a failure or a missed target.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { connect, type MqttClient } from 'mqtt'
import type { AlertView } from '@shared/api/alertTypes'
import { parseAlertMessage, type ParseContext } from '../src/main/alerts/parse'
import { openIngestStore } from '../src/main/alerts/ingestStore'
import { GridRouter } from '../src/main/alerts/router'
import { startAlertService, type AlertService } from '../src/main/alerts/service'
import type { ParsedAlert, RoutedAlert } from '../src/main/alerts/types'
import { loadDemoDistrict } from '../src/main/demo/load'
import { DEFAULT_DEMO_CENTER, DEFAULT_DEMO_SEED } from '../src/main/demo/options'
import { loadMqttConfig, parseMqttConfig } from '../src/main/mqtt/config'
import { AlertGenerator, type SimCamera } from '../src/main/mqtt/simulator'
import { EventHub } from '../src/main/services/events'
import { Store } from '../src/main/store/store'
import { startMosquitto, type MosquittoHandle } from '../tests/support/mosquitto'
import type { PublisherReply, PublisherRequest, PublishResult } from './support/alertPublisher'

const { values } = parseArgs({
  strict: false,
  options: {
    count: { type: 'string', default: '100000' },
    publishers: { type: 'string', default: '4' },
    window: { type: 'string', default: '500' },
    steps: { type: 'string', default: '2000,5000,10000,20000' },
    'step-seconds': { type: 'string', default: '5' },
    'batch-ms': { type: 'string' },
    'batch-size': { type: 'string' }
  }
})
const count = Number(values.count)
const publishers = Number(values.publishers)
const windowSize = Number(values.window)
const steps = String(values.steps)
  .split(',')
  .filter((s) => s.trim() !== '')
  .map(Number)
const stepSeconds = Number(values['step-seconds'])
const ingest = {
  ...(values['batch-ms'] !== undefined ? { batchMs: Number(values['batch-ms']) } : {}),
  ...(values['batch-size'] !== undefined ? { batchSize: Number(values['batch-size']) } : {})
}
const TARGET_RATE = 5000
const TARGET_SHARE = 0.5
/** A paced step is held when its last alert is committed within this of its publication. */
const MAX_LAG_MS = 250

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const clock = (): number => performance.timeOrigin + performance.now()
const rate = (n: number, ms: number): number => (n * 1000) / ms
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US')
const mark = (ok: boolean): string => (ok ? '✓' : '✗')

// --- the publisher child -----------------------------------------------------------------------

interface Publisher {
  request(m: PublisherRequest): Promise<PublisherReply>
  stop(): Promise<void>
}

function startPublisher(): Publisher {
  const child: ChildProcess = fork(join(here, 'support/alertPublisher.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  let pending: { resolve: (r: PublisherReply) => void; reject: (e: Error) => void } | null = null
  child.on('message', (m: PublisherReply) => {
    const p = pending
    pending = null
    if (m.type === 'error') p?.reject(new Error(`publisher: ${m.message}`))
    else p?.resolve(m)
  })
  child.on('exit', (code, signal) => pending?.reject(new Error(`publisher exited (${signal ?? code})`)))
  return {
    request: (m) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject }
        child.send(m)
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      if (child.connected) child.send({ type: 'close' } satisfies PublisherRequest)
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    }
  }
}

// --- messages ----------------------------------------------------------------------------------

interface Batch {
  file: string
  runId: string
  count: number
}

let fileSeq = 0
/**
 * `n` new native alerts (ids `sim-<runId>-1…n`), written for the publisher. All valid and all
 * new: the simulator places some up to 20 m from their camera, which for a camera at the
 * district's edge can be outside it, so those are sent without a position (they are then at
 * their camera's); and track ids get the run id.
 */
function makeMessages(dir: string, cameras: readonly SimCamera[], router: GridRouter, n: number): Batch {
  const runId = `b${Date.now().toString(36)}${fileSeq}`
  const generator = new AlertGenerator({ cameras, runId, repeatShare: 0, snapshotBase: null, seed: 7 + fileSeq })
  const now = Date.now()
  const lines: string[] = []
  for (let i = 0; i < n; i++) {
    const m = generator.next(now)
    let payload = m.payload
    const p = JSON.parse(payload) as { location?: { lon: number; lat: number }; trackId?: string | null }
    if (p.location && router.locate(p.location.lon, p.location.lat) === null) delete p.location
    // The simulator's track ids are unique within one run only: the same camera and track number
    // in two runs minutes apart would be one alert (a repeat). Made unique across runs.
    if (p.trackId) p.trackId = `${p.trackId}-${runId}`
    payload = JSON.stringify(p)
    lines.push(`${m.topic}\t${payload}`)
  }
  const file = join(dir, `messages-${fileSeq++}.txt`)
  writeFileSync(file, `${lines.join('\n')}\n`)
  return { file, runId, count: n }
}

async function publish(pub: Publisher, batch: Batch, ratePerS = 0): Promise<PublishResult> {
  const r = await pub.request({ type: 'publish', file: batch.file, rate: ratePerS, window: windowSize })
  if (r.type !== 'published') throw new Error(`publisher: unexpected ${r.type}`)
  if (r.failed > 0) throw new Error(`publisher: ${r.failed} PUBLISH(es) failed: ${r.error}`)
  return r
}

/** Resolves when `done()`; rejects after `timeoutMs`, or once `progress()` has not moved for `stallMs`. */
function until(done: () => boolean, timeoutMs: number, what: string, progress?: () => number, stallMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = progress?.()
  let movedAt = Date.now()
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const now = Date.now()
      if (progress) {
        const p = progress()
        if (p !== last) {
          last = p
          movedAt = now
        }
      }
      if (done()) resolve()
      else if (now > deadline) reject(new Error(`${what}: timed out after ${timeoutMs} ms`))
      else if (progress && now - movedAt > stallMs) reject(new Error(`${what}: no progress for ${stallMs / 1000} s`))
      else setTimeout(check, 5)
    }
    check()
  })
}

// --- consumers ---------------------------------------------------------------------------------

/** The bare subscriber: connects as the link does (MQTT 5, persistent session, receive maximum 1000, QoS 1) and only counts. */
async function bareSubscriber(url: string): Promise<{ received: () => number; lastAt: () => number; reset: () => void; close: () => Promise<void> }> {
  let received = 0
  let lastAt = 0
  const client: MqttClient = connect(url, {
    clientId: `gcc-bench-bare-${process.pid}`,
    clean: false,
    protocolVersion: 5,
    reconnectPeriod: 0,
    properties: { sessionExpiryInterval: 3600, receiveMaximum: 1000 }
  })
  client.on('message', () => {
    received++
    lastAt = clock()
  })
  await new Promise<void>((resolve, reject) => {
    client.once('error', reject)
    client.once('connect', () => client.subscribe({ 'alerts/#': { qos: 1, rh: 1 } }, (err) => (err ? reject(err) : resolve())))
  })
  return {
    received: () => received,
    lastAt: () => lastAt,
    reset: () => {
      received = 0
      lastAt = 0
    },
    // Unsubscribed first: the persistent session must not queue the pipeline's messages afterwards.
    close: () => new Promise<void>((resolve) => client.unsubscribe('alerts/#', () => client.end(false, {}, () => resolve())))
  }
}

interface Pipeline {
  service: AlertService
  /** Alerts pushed as committed since the last reset, in how many pushes (one per batch), and when the last push came. */
  committed: () => number
  pushes: () => number
  lastAt: () => number
  reset: () => void
}

/** The app's own alert service against the broker: a mqtt.json in its data directory, nothing else. */
async function startPipeline(store: Store, dataDir: string, url: string, probe: (id: string) => Promise<void>): Promise<Pipeline> {
  writeFileSync(
    join(dataDir, 'mqtt.json'),
    JSON.stringify({ broker: { url, protocolVersion: 5 }, simulator: { enabled: false }, ...(Object.keys(ingest).length > 0 ? { ingest } : {}) })
  )
  const config = loadMqttConfig(dataDir)
  if (!config.ok) throw new Error(config.error)
  const hub = new EventHub()
  let committed = 0
  let pushes = 0
  let lastAt = 0
  let seen = new Set<string>()
  hub.on('alerts', ({ alerts }: { alerts: AlertView[] }) => {
    committed += alerts.length
    pushes++
    lastAt = clock()
    if (seen.size < 100) for (const a of alerts) if (a.id.startsWith('probe-')) seen.add(a.id)
  })
  const service = await startAlertService({
    store,
    dataDir,
    log: (line) => {
      if (/error|warn|失败/i.test(line)) console.error(`  ${line}`)
    },
    now: Date.now,
    alertsChanged: (alerts) => {
      hub.emit('alerts', { alerts })
      hub.emit('data', { topics: ['alerts'] })
    },
    statusChanged: () => {}
  })
  await until(() => service.status().broker.state === 'connected', 10_000, 'pipeline connect')
  // Subscribed once a probe alert comes through (the SUBACK is not visible from outside).
  for (let i = 0; ; i++) {
    const id = `probe-${i}`
    await probe(id)
    try {
      await until(() => seen.has(id), 500, 'probe')
      break
    } catch (err) {
      if (i >= 20) throw err
    }
  }
  seen = new Set()
  return {
    service,
    committed: () => committed,
    pushes: () => pushes,
    lastAt: () => lastAt,
    reset: () => {
      committed = 0
      pushes = 0
      lastAt = 0
    }
  }
}

/** One row per id sim-<runId>-1…n, none refused: how many are missing and how many rows are extra. */
function lossCheck(store: Store, batch: Batch): { missing: number; extra: number; redelivered: number } {
  const prefix = `sim-${batch.runId}-`
  const rows = store.db
    .prepare<[string, string], { id: string; messages: number }>('SELECT id, messages FROM alerts WHERE id >= ? AND id < ?')
    .all(prefix, `sim-${batch.runId}.`)
  const seqs = new Set<number>()
  let extra = 0
  let redelivered = 0
  for (const r of rows) {
    const seq = Number(r.id.slice(prefix.length))
    if (!Number.isInteger(seq) || seq < 1 || seq > batch.count || seqs.has(seq)) extra++
    else seqs.add(seq)
    redelivered += r.messages - 1
  }
  return { missing: batch.count - seqs.size, extra, redelivered }
}

// --- where the time goes -----------------------------------------------------------------------

/**
 * Per-alert cost of each stage on `n` fresh alerts, in batches of `size`, as the pipeline runs
 * them (offline: no broker): parse, route, and the transaction on the ingest connection that
 * stores them and makes the views pushed to the walls (its WAL checkpointed by the thread).
 */
async function stageCosts(store: Store, cameras: readonly SimCamera[], n: number, size: number): Promise<Record<'parse' | 'route' | 'ingest', number>> {
  const all = store.cameras.all()
  const positions = new Map(all.map((c) => [c.id, [c.lon, c.lat] as [number, number]]))
  const router = GridRouter.fromStore(store)
  const settings = parseMqttConfig({}, tmpdir())
  if (!settings.ok) throw new Error(settings.error)
  const context: ParseContext = { now: Date.now, cameraExists: (id) => positions.has(id), frigate: settings.settings.frigate, nativeTopicPrefix: 'alerts' }
  const generator = new AlertGenerator({ cameras, runId: `stage${Date.now().toString(36)}`, repeatShare: 0, snapshotBase: null, seed: 99 })
  const encoder = new TextEncoder()
  const now = Date.now()
  const messages = Array.from({ length: n }, () => {
    const m = generator.next(now)
    return { topic: m.topic, payload: encoder.encode(m.payload), receivedAt: now }
  })
  const ingest = openIngestStore(store)
  const t = { parse: 0, route: 0, ingest: 0 }
  try {
    for (let i = 0; i < n; i += size) {
      let t0 = performance.now()
      const parsed = messages.slice(i, i + size).map((m) => parseAlertMessage(m, context))
      let t1 = performance.now()
      t.parse += t1 - t0
      const routed = parsed
        .map((p) => ('ok' in p && p.ok ? router.route(p.alert as ParsedAlert, positions.get(p.alert.cameraId) ?? null) : null))
        .filter((r): r is RoutedAlert => r !== null)
      t0 = performance.now()
      t.route += t0 - t1
      ingest.store.transaction(() => {
        ingest.store.alerts.reject([])
        return ingest.store.alerts.ingestViews(routed)
      })
      ingest.committed()
      t1 = performance.now()
      t.ingest += t1 - t0
      // The event loop turns between batches, as it does while the link receives the next one.
      await new Promise((r) => setImmediate(r))
    }
  } finally {
    await ingest.close()
  }
  const us = (ms: number): number => (ms * 1000) / n
  return { parse: us(t.parse), route: us(t.route), ingest: us(t.ingest) }
}

// --- main ----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!Number.isInteger(count) || count < 1000) throw new Error(`--count must be an integer ≥ 1000, not "${String(values.count)}"`)
  if (!Number.isInteger(publishers) || publishers < 1) throw new Error(`--publishers must be an integer ≥ 1`)
  if (steps.some((s) => !Number.isFinite(s) || s <= 0)) throw new Error(`--steps must be rates > 0, comma-separated`)
  const dir = mkdtempSync(join(tmpdir(), 'gcc-bench-alerts-'))
  let broker: MosquittoHandle | undefined
  let store: Store | undefined
  let publisher: Publisher | undefined
  let pipeline: Pipeline | undefined
  let probeClient: MqttClient | undefined
  let failures = 0
  try {
    broker = await startMosquitto({ autosaveInterval: 1800 })
    store = Store.open(join(dir, 'gcc.sqlite3'))
    const started = performance.now()
    const summary = loadDemoDistrict(store, { seed: DEFAULT_DEMO_SEED, scale: 1, center: DEFAULT_DEMO_CENTER, now: Date.now() })
    const cameras: SimCamera[] = store.cameras
      .all()
      .filter((c) => c.online)
      .map((c) => ({ id: c.id, site: c.site, lon: c.lon, lat: c.lat }))
    const router = GridRouter.fromStore(store)
    console.log(
      `Mosquitto ${broker.url}; demo district (scale 1): ${summary.grids} grids, ${cameras.length} online cameras, ${store.alerts.count()} alerts, in ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
    console.log(`${fmt(count)} native alerts per run; publisher: ${publishers} mqtt.js client(s) in a child process, QoS 1, ≤ ${windowSize} unacknowledged each`)

    publisher = startPublisher()
    const connected = await publisher.request({ type: 'connect', url: broker.url, clients: publishers })
    if (connected.type !== 'connected') throw new Error('publisher did not connect')

    // 1. The publisher alone (nobody subscribed: the broker acknowledges and drops).
    const solo = await publish(publisher, makeMessages(dir, cameras, router, count))
    const publisherRate = rate(count, solo.lastAckAt - solo.firstAt)

    // 2. The bare subscriber.
    const bare = await bareSubscriber(broker.url)
    const bareBatch = makeMessages(dir, cameras, router, count)
    const bareCpu = process.cpuUsage()
    const bareSent = await publish(publisher, bareBatch)
    await until(() => bare.received() >= count, 300_000, 'bare subscriber', bare.received).catch((err: unknown) => console.error(`  ${(err as Error).message}`))
    await new Promise((r) => setTimeout(r, 200))
    const bareCpuUs = cpuPer(bareCpu, count)
    const bareRate = rate(count, bare.lastAt() - bareSent.firstAt)
    const bareLoss = count - bare.received()
    const bareSendRate = rate(count, bareSent.lastSentAt - bareSent.firstAt)
    await bare.close()

    // 3. The pipeline, full speed.
    const pc = connect(broker.url, { clientId: `gcc-bench-probe-${process.pid}`, clean: true, protocolVersion: 4, reconnectPeriod: 0 })
    probeClient = pc
    await new Promise<void>((resolve, reject) => {
      pc.once('connect', () => resolve())
      pc.once('error', reject)
    })
    const camera = cameras[0]!
    const probe = (id: string): Promise<void> =>
      new Promise((resolve, reject) =>
        pc.publish(
          `alerts/${camera.id}`,
          JSON.stringify({ schemaVersion: 1, id, cameraId: camera.id, type: 'fight', score: 0.9, time: Date.now() }),
          { qos: 1 },
          (err) => (err ? reject(err) : resolve())
        )
      )
    const serviceDir = join(dir, 'service')
    mkdirSync(serviceDir)
    const p = await startPipeline(store, serviceDir, broker.url, probe)
    pipeline = p
    const config = loadMqttConfig(serviceDir)
    const batchMs = config.ok ? config.settings.ingest.batchMs : NaN
    const batchSize = config.ok ? config.settings.ingest.batchSize : NaN
    p.reset()
    const rejectedBefore = totalRejected(p.service)
    const pipeBatch = makeMessages(dir, cameras, router, count)
    const pipeCpu = process.cpuUsage()
    const pipeSent = await publish(publisher, pipeBatch)
    await until(() => p.committed() >= count, 600_000, 'pipeline', p.committed).catch((err: unknown) => console.error(`  ${(err as Error).message} (${p.committed()} of ${count} committed)`))
    await new Promise((r) => setTimeout(r, 300))
    const pipeCpuUs = cpuPer(pipeCpu, count)
    const pipeRate = rate(Math.min(p.committed(), count), p.lastAt() - pipeSent.firstAt)
    const loss = lossCheck(store, pipeBatch)
    const refused = totalRejected(p.service) - rejectedBefore

    if (refused > 0) {
      console.error(`  refused: ${JSON.stringify(p.service.status().rejected)}`)
      for (const q of store.alerts.quarantine(3)) console.error(`  e.g. ${q.reason}: ${q.detail} (${q.excerpt.slice(0, 120)})`)
    }
    const share = pipeRate / bareRate
    const lossless = loss.missing === 0 && loss.extra === 0 && refused === 0
    const rows: [string, string, string][] = [
      ['publisher alone (PUBLISH → last PUBACK)', `${fmt(publisherRate)} msgs/s`, ''],
      ['bare mqtt.js subscriber (counts only)', `${fmt(bareRate)} msgs/s`, bareLoss === 0 ? 'no loss' : `${bareLoss} lost`],
      [`pipeline (link + parse + route + SQLite), batch ${batchSize} / ${batchMs} ms`, `${fmt(pipeRate)} alerts/s`, `≥ ${fmt(TARGET_RATE)}/s ${mark(pipeRate >= TARGET_RATE)}`],
      ['pipeline / bare subscriber', `${(share * 100).toFixed(0)} %`, `≥ ${TARGET_SHARE * 100} % ${mark(share >= TARGET_SHARE)}`],
      [
        'pipeline loss (sequence ids in SQLite)',
        `${fmt(count - loss.missing)} of ${fmt(count)}`,
        `${loss.missing} missing, ${loss.extra} extra, ${refused} refused ${mark(lossless)}${loss.redelivered > 0 ? ` (${loss.redelivered} redelivered, merged)` : ''}`
      ]
    ]
    console.log(`\n${'full speed'.padEnd(66)} ${'rate'.padStart(16)}  target`)
    for (const [a, b, c] of rows) console.log(`${a.padEnd(66)} ${b.padStart(16)}  ${c}`)
    console.log(`  this process's CPU per message (all its threads; the broker and the publisher run elsewhere): bare ${bareCpuUs.toFixed(1)} µs, pipeline ${pipeCpuUs.toFixed(1)} µs; ${fmt(p.pushes())} batches of ${fmt(p.committed() / Math.max(1, p.pushes()))} on average`)
    if (bareSendRate < bareRate * 1.05) console.log(`  note: the publisher sent at ${fmt(bareSendRate)} msgs/s during the bare run: it may have been the limit there`)
    if (!(pipeRate >= TARGET_RATE && share >= TARGET_SHARE && lossless)) failures++

    // 4. Paced steps: the highest rate held with no loss and no backlog.
    if (steps.length > 0) {
      console.log(`\n${'paced step'.padEnd(14)} ${'achieved/s'.padStart(12)} ${'lag ms'.padStart(8)} ${'loss'.padStart(6)}  held (lag ≤ ${MAX_LAG_MS} ms, no loss)`)
      let highest = 0
      for (const r of steps) {
        const n = Math.round(r * stepSeconds)
        const batch = makeMessages(dir, cameras, router, n)
        p.reset()
        const before = totalRejected(p.service)
        const sent = await publish(publisher, batch, r)
        await until(() => p.committed() >= n, 600_000, `step ${r}/s`, p.committed, 3000).catch(() => undefined)
        const lag = p.lastAt() - sent.lastSentAt
        const l = lossCheck(store, batch)
        const lost = l.missing + l.extra + (totalRejected(p.service) - before)
        const held = lost === 0 && lag <= MAX_LAG_MS
        if (held) highest = r
        console.log(`${`${fmt(r)}/s`.padEnd(14)} ${fmt(rate(n, p.lastAt() - sent.firstAt)).padStart(12)} ${lag.toFixed(0).padStart(8)} ${String(lost).padStart(6)}  ${mark(held)}`)
        if (!held) break
        // Let the pipeline settle between steps.
        await new Promise((res) => setTimeout(res, 500))
      }
      console.log(`highest paced rate held: ${highest > 0 ? `${fmt(highest)} alerts/s` : 'none'} (steps: ${steps.map(fmt).join(', ')}; ${stepSeconds} s each)`)
    }

    // 5. Where the time goes (offline, same store).
    const n = Math.min(20_000, count)
    const cost = await stageCosts(store, cameras, n, Number.isFinite(batchSize) ? batchSize : 500)
    const total = cost.parse + cost.route + cost.ingest
    console.log(
      `\nper alert, offline over ${fmt(n)} alerts: parse ${cost.parse.toFixed(1)} µs, route ${cost.route.toFixed(1)} µs, ` +
        `SQLite transaction with the views for the push ${cost.ingest.toFixed(1)} µs = ${total.toFixed(1)} µs → ${fmt(1e6 / total)} alerts/s on one core without MQTT`
    )
    console.log(failures === 0 ? '\nalert ingest meets its targets' : '\nalert ingest MISSES a target')
    if (failures > 0) process.exitCode = 1
  } finally {
    await pipeline?.service.stop().catch(() => undefined)
    probeClient?.end(true)
    await publisher?.stop().catch(() => undefined)
    store?.close()
    await broker?.dispose().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** CPU time (user + system, µs) this process spent since `since`, per message. */
function cpuPer(since: NodeJS.CpuUsage, n: number): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / n
}

function totalRejected(service: AlertService): number {
  return Object.values(service.status().rejected).reduce((s, n) => s + (n ?? 0), 0)
}

try {
  await main()
} catch (error) {
  console.error(`bench/alerts: FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
