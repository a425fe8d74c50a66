import { join } from 'node:path'
import Database from 'better-sqlite3'
import { connect, type MqttClient } from 'mqtt'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { IncomingMessage } from '../../../src/main/alerts/types'
import type { LinkConnection } from '../../../src/main/mqtt/config'
import { AlertLink, type AlertLinkOptions } from '../../../src/main/mqtt/link'
import { startMosquitto, type MosquittoHandle } from '../../support/mosquitto'
import { tempDir } from '../../support/tempDir'
import { until as untilDone } from '../../support/until'

/** Against a real Mosquitto started here: acknowledgement after commit, redelivery, broker restarts. */

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Broker restarts take a while: a longer default wait here. */
const until = (what: string, check: () => boolean, timeoutMs = 15_000): Promise<boolean> => untilDone(what, check, timeoutMs)

let run = 0
const connection = (url: string, clientId: string): LinkConnection => ({
  url,
  protocolVersion: 5,
  clientId,
  keepalive: 10,
  sessionExpiry: 3600,
  tls: null,
  topics: ['alerts/#']
})

const decode = (m: IncomingMessage): { id: string; seq: number } => JSON.parse(Buffer.from(m.payload).toString('utf8'))

/** A separate publisher with its own persistent session: mqtt.js resends what the broker has not acknowledged. */
function publisher(url: string, clientId: string): MqttClient {
  const c = connect(url, { clientId, clean: false, protocolVersion: 5, reconnectPeriod: 200, properties: { sessionExpiryInterval: 3600 } })
  c.on('error', () => {})
  return c
}

const publish = (c: MqttClient, seq: number, prefix = 'p'): Promise<void> =>
  new Promise((resolve, reject) =>
    c.publish(`alerts/cam-${seq % 7}`, JSON.stringify({ id: `${prefix}-${seq}`, seq }), { qos: 1 }, (err) => (err ? reject(err) : resolve()))
  )

describe('AlertLink against Mosquitto', () => {
  let broker: MosquittoHandle
  const cleanups: (() => Promise<void> | void)[] = []
  const later = <T extends { stop?: () => Promise<void>; endAsync?: (force?: boolean) => Promise<void> }>(x: T): T => {
    cleanups.push(async () => {
      if (x.stop) await x.stop()
      else if (x.endAsync) await x.endAsync(true)
    })
    return x
  }
  const link = (options: Partial<AlertLinkOptions> & Pick<AlertLinkOptions, 'sink'>, clientId = `link-${++run}`): AlertLink => {
    const l = later(new AlertLink({ connection: connection(broker.url, clientId), reconnectPeriodMs: 200, ...options }))
    l.start()
    return l
  }

  beforeAll(async () => {
    broker = await startMosquitto({ autosaveInterval: 1 })
  })
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
    // Each test leaves the broker running.
    await broker.restart().catch(() => {})
  })
  afterAll(async () => {
    await broker?.dispose()
  })

  it('hands messages to the sink in batches and acknowledges them after the commit', async () => {
    const batches: IncomingMessage[][] = []
    const states: string[] = []
    const l = link({ sink: (b) => void batches.push(b), batchMs: 20, batchSize: 100 }, 'batches')
    l.onStateChange((s) => states.push(s))
    await until('connected', () => l.state === 'connected')
    const pub = later(publisher(broker.url, 'pub-batches'))
    await until('publisher', () => pub.connected)
    await sleep(100) // the subscription is in place
    await Promise.all(Array.from({ length: 500 }, (_, i) => publish(pub, i + 1)))
    await until('500 committed', () => l.status().committed >= 500)
    const all = batches.flat().map(decode)
    expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1))
    expect(batches.length).toBeLessThan(500)
    expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThan(1)
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(100)
    const s = l.status()
    expect(s).toMatchObject({ state: 'connected', received: 500, committed: 500, acked: 500, sinkFailures: 0, lastError: null })
    expect(s.broker).toBe(`127.0.0.1:${broker.port}`)
    expect(s.lastMessageAt).toBeGreaterThan(Date.now() - 10_000)
    expect(states).toContain('connected')
    await l.stop()
    expect(l.state).toBe('disabled')

    // Everything was acknowledged: the same session gets nothing again.
    const again: IncomingMessage[] = []
    const l2 = link({ sink: (b) => void again.push(...b) }, 'batches')
    await until('connected again', () => l2.state === 'connected')
    await sleep(500)
    expect(again).toHaveLength(0)
  })

  it('does not commit the few messages that came during a commit on their own: they wait for more, up to batchMs', async () => {
    const sizes: number[] = []
    let first = true
    const l = link(
      {
        sink: async (b) => {
          sizes.push(b.length)
          if (first) {
            first = false
            await sleep(300)
          }
        },
        batchMs: 600,
        batchSize: 100
      },
      'partial'
    )
    await until('connected', () => l.state === 'connected')
    const pub = later(publisher(broker.url, 'pub-partial'))
    await until('publisher', () => pub.connected)
    await sleep(100)
    await Promise.all(Array.from({ length: 100 }, (_, i) => publish(pub, i + 1)))
    await until('the first batch in commit', () => sizes.length === 1)
    // Ten while the first batch commits, ten more after it: one batch of twenty, once the
    // oldest of them has waited batchMs (not ten right after the commit, then ten).
    await Promise.all(Array.from({ length: 10 }, (_, i) => publish(pub, 101 + i)))
    await until('the first commit done', () => l.status().committed === 100)
    await sleep(50)
    await Promise.all(Array.from({ length: 10 }, (_, i) => publish(pub, 111 + i)))
    await until('120 committed', () => l.status().committed === 120, 5000)
    expect(sizes).toEqual([100, 20])
    expect(l.status()).toMatchObject({ acked: 120, batches: 2 })
  })

  /**
   * A link (batchMs 100) whose first commit, of one message, takes 1.5 s, and a publisher, once
   * that commit is done: the link is then behind. Records each later batch's size and commit time.
   */
  async function behindLink(name: string): Promise<{ l: AlertLink; pub: MqttClient; batches: { size: number; at: number }[] }> {
    const batches: { size: number; at: number }[] = []
    let first = true
    const l = link(
      {
        sink: async (b) => {
          if (first) {
            first = false
            await sleep(1500)
          } else batches.push({ size: b.length, at: performance.now() })
        },
        batchMs: 100,
        batchSize: 1000
      },
      name
    )
    await until('connected', () => l.state === 'connected')
    const pub = later(publisher(broker.url, `pub-${name}`))
    await until('publisher', () => pub.connected)
    await sleep(100)
    await publish(pub, 1)
    await until('the first commit done', () => l.status().committed === 1, 5000)
    return { l, pub, batches }
  }

  it('while behind (the last commit took longer than batchMs), a partial batch waits on while messages keep coming', async () => {
    const { l, pub, batches } = await behindLink('behind')
    // One message every 10 ms for 400 ms: batchMs alone would cut four batches or more.
    for (let i = 0; i < 40; i++) {
      void publish(pub, 2 + i)
      await sleep(10)
    }
    await until('41 committed', () => l.status().committed === 41, 5000)
    expect(batches.length).toBeLessThanOrEqual(2)
    expect(Math.max(...batches.map((b) => b.size))).toBeGreaterThanOrEqual(25)
  })

  it('while behind, a partial batch to which nothing more comes is committed after batchMs (the broker may send no more)', async () => {
    const { l, pub, batches } = await behindLink('behind-quiet')
    const sent = performance.now()
    await Promise.all(Array.from({ length: 10 }, (_, i) => publish(pub, 2 + i)))
    await until('11 committed', () => l.status().committed === 11, 5000)
    // batchMs (100) and a little, not the 1000 the link may wait while messages keep coming.
    expect(batches[0]!.at - sent).toBeLessThan(600)
  })

  it('commits a partial batch when it stops, without waiting for batchMs', async () => {
    const got: IncomingMessage[] = []
    const l = link({ sink: (b) => void got.push(...b), batchMs: 60_000, batchSize: 1000 }, 'stop-partial')
    await until('connected', () => l.state === 'connected')
    const pub = later(publisher(broker.url, 'pub-stop-partial'))
    await until('publisher', () => pub.connected)
    await sleep(100)
    await Promise.all(Array.from({ length: 30 }, (_, i) => publish(pub, i + 1)))
    await until('30 received', () => l.status().received === 30)
    const started = Date.now()
    await l.stop()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(got.map(decode).map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
    expect(l.status()).toMatchObject({ committed: 30, acked: 30 })
  })

  it('acknowledges nothing a failing sink did not commit: the broker redelivers after the reconnect', async () => {
    let calls = 0
    const committed = new Set<string>()
    const l = link({
      sink: (batch) => {
        calls++
        if (calls === 1) throw new Error('disk full')
        for (const m of batch) committed.add(decode(m).id)
      },
      batchMs: 50,
      sinkRetryMs: 100
    })
    await until('connected', () => l.state === 'connected')
    const pub = later(publisher(broker.url, `pub-${run}`))
    await until('publisher', () => pub.connected)
    await sleep(100)
    await Promise.all(Array.from({ length: 50 }, (_, i) => publish(pub, i + 1, 'fail')))
    await until('all 50 committed after redelivery', () => committed.size === 50)
    const s = l.status()
    expect(s.sinkFailures).toBe(1)
    expect(s.connects).toBeGreaterThanOrEqual(2)
    expect(calls).toBeGreaterThanOrEqual(2)
  })

  it('a process that dies before committing leaves its messages with the broker', async () => {
    const clientId = `crash-${run}`
    const doomed = link({ sink: () => Promise.reject(new Error('the process is about to die')), sinkRetryMs: 60_000 }, clientId)
    await until('connected', () => doomed.state === 'connected')
    const pub = later(publisher(broker.url, `pub-crash-${run}`))
    await until('publisher', () => pub.connected)
    await sleep(100)
    await Promise.all(Array.from({ length: 20 }, (_, i) => publish(pub, i + 1, 'crash')))
    await until('received', () => doomed.status().received >= 1)
    await sleep(200)
    expect(doomed.status().acked).toBe(0)
    await doomed.stop()

    const got = new Set<string>()
    const next = link({ sink: (b) => b.forEach((m) => got.add(decode(m).id)) }, clientId)
    await until('all 20 redelivered to the next process', () => got.size === 20)
    expect(next.status().sinkFailures).toBe(0)
  })

  /**
   * The publisher sends `total` sequence-numbered QoS 1 messages while the broker is stopped and
   * started again; the link commits them into a real SQLite table. `replayMs`: after reconnecting,
   * the publisher also resends what the broker acknowledged in the last `replayMs` before it went
   * away (a SIGKILLed Mosquitto loses what it had not yet saved, acknowledged or not).
   */
  async function restartMidStream(signal: 'SIGTERM' | 'SIGKILL', replayMs: number): Promise<void> {
    const { dir, remove } = tempDir('gcc-link-')
    cleanups.push(remove)
    const db = new Database(join(dir, 'sink.sqlite3'))
    cleanups.push(() => void db.close())
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE alerts (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, deliveries INTEGER NOT NULL DEFAULT 1) STRICT')
    const upsert = db.prepare('INSERT INTO alerts (id, seq) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET deliveries = deliveries + 1')
    const commit = db.transaction((batch: IncomingMessage[]) => {
      for (const m of batch) {
        const { id, seq } = decode(m)
        upsert.run(id, seq)
      }
    })
    const count = (): number => (db.prepare('SELECT count(*) AS n FROM alerts').get() as { n: number }).n

    // A slow sink, slower than the publisher: the broker holds a backlog when it goes down.
    const l = link({ sink: async (b) => (commit(b), await sleep(200)), batchMs: 20, batchSize: 50, receiveMaximum: 100 }, `restart-${signal}`)
    await until('connected', () => l.state === 'connected')
    await sleep(1500) // the session and its subscription are saved (autosave_interval 1)

    const total = 1500
    const ackedAt = new Map<number, number>()
    let replay: number[] | null = null
    let replayed = 0
    const pub = later(publisher(broker.url, `pub-restart-${signal}`))
    pub.on('close', () => {
      if (replay !== null || replayMs === 0) return
      const since = Date.now() - replayMs
      replay = [...ackedAt].filter(([, at]) => at >= since).map(([seq]) => seq)
    })
    pub.on('connect', () => {
      for (const seq of replay ?? []) void publish(pub, seq, signal).catch(() => {})
      replayed += replay?.length ?? 0
      replay = null
    })
    await until('publisher', () => pub.connected)
    const sends: Promise<void>[] = []
    const stream = (async () => {
      for (let seq = 1; seq <= total; seq++) {
        sends.push(publish(pub, seq, signal).then(() => void ackedAt.set(seq, Date.now())))
        if (seq % 10 === 0) await sleep(30) // ~300/s
      }
    })()
    await until('mid-stream', () => ackedAt.size >= 1000)
    const down = count()
    await broker.stop(signal)
    await sleep(500)
    await broker.restart()
    await stream
    await Promise.all(sends)
    await until(`all ${total} in SQLite (have ${count()})`, () => count() === total, 25_000)
    await sleep(300)

    const rows = db.prepare('SELECT seq, deliveries FROM alerts ORDER BY seq').all() as { seq: number; deliveries: number }[]
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
    const duplicates = rows.reduce((s, r) => s + r.deliveries - 1, 0)
    console.info(`${signal}: ${down} committed before the stop, ${duplicates} redelivered duplicates dropped by id, ${replayed} replayed by the publisher, link ${JSON.stringify(l.status())}`)
    expect(l.status().sinkFailures).toBe(0)
    expect(l.state).toBe('connected')
    expect(l.status().connects).toBeGreaterThanOrEqual(2)
  }

  it('loses nothing when the broker is stopped (SIGTERM) and restarted mid-stream', async () => {
    await restartMidStream('SIGTERM', 0)
  })

  it('loses nothing when the broker is killed (SIGKILL) and restarted mid-stream', async () => {
    // Mosquitto saves every second (autosave_interval 1); the publisher replays 2.5 s.
    await restartMidStream('SIGKILL', 2500)
  })

  it('recreates the client when mqtt.js stops reconnecting (watchdog)', async () => {
    const got: string[] = []
    const l = link({ sink: (b) => b.forEach((m) => got.push(decode(m).id)), reconnectPeriodMs: 0, watchdogIntervalMs: 100, stallMs: 400 })
    await until('connected', () => l.state === 'connected')
    await broker.stop('SIGTERM')
    await until('offline', () => l.state === 'offline' || l.state === 'connecting')
    await sleep(300)
    await broker.restart()
    await until('connected again', () => l.state === 'connected', 10_000)
    expect(l.status().recreated).toBeGreaterThanOrEqual(1)
    const pub = later(publisher(broker.url, `pub-wd-${run}`))
    await until('publisher', () => pub.connected)
    await publish(pub, 1, 'wd')
    await until('delivered', () => got.includes('wd-1'))
  })
})
