import { join } from 'node:path'
import { connect, type MqttClient } from 'mqtt'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../src/main/store/database'
import { OutboxRepository } from '../../../src/main/store/repositories/outbox'
import { startEmbeddedBroker, type EmbeddedBroker } from '../../../src/main/mqtt/embeddedBroker'
import { AlertLink, type MessageTransport } from '../../../src/main/mqtt/link'
import { OutboxPublisher } from '../../../src/main/mqtt/outboxPublisher'
import { freePort } from '../../support/mosquitto'
import { tempDir } from '../../support/tempDir'
import { until } from '../../support/until'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
describe('OutboxRepository', () => {
  it('adds idempotently by id, lists oldest first and marks sent', () => {
    const db = openDatabase(':memory:')
    const outbox = new OutboxRepository(db)
    expect(outbox.add('b', 'wall/dispatch', '{"id":"b"}', 2000)).toBe(true)
    expect(outbox.add('a', 'wall/ack', '{"id":"a"}', 1000)).toBe(true)
    expect(outbox.add('a', 'wall/ack', '{"id":"other"}', 3000)).toBe(false)
    expect(outbox.pendingCount()).toBe(2)
    expect(outbox.pending(10).map((r) => [r.id, r.payload, r.createdAt])).toEqual([
      ['a', '{"id":"a"}', 1000],
      ['b', '{"id":"b"}', 2000]
    ])
    outbox.recordAttempt('a')
    outbox.markSent('a', 4000)
    expect(outbox.pendingCount()).toBe(1)
    expect(outbox.pending(10).map((r) => r.id)).toEqual(['b'])
    db.close()
  })
})

describe('OutboxPublisher', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  function subscriber(url: string): { client: MqttClient; got: string[] } {
    const got: string[] = []
    const client = connect(url, { clientId: `outbox-sub-${Date.now()}`, reconnectPeriod: 200 })
    client.on('error', () => {})
    client.on('message', (_t, payload) => got.push((JSON.parse(payload.toString()) as { id: string }).id))
    client.subscribe('wall/#', { qos: 1 })
    cleanups.push(() => client.endAsync(true))
    return { client, got }
  }

  function open(url: string, file: string, delayMs = 0): { db: Db; outbox: OutboxRepository; link: AlertLink; publisher: OutboxPublisher } {
    const db = openDatabase(file)
    const outbox = new OutboxRepository(db)
    const link = new AlertLink({
      connection: { url, protocolVersion: 4, clientId: 'gcc-outbox-test', keepalive: 10, sessionExpiry: 0, tls: null, topics: ['alerts/#'] },
      sink: () => {},
      reconnectPeriodMs: 200
    })
    // A slow transport, so that the first run stops half-way through.
    const transport: MessageTransport = {
      get state() {
        return link.state
      },
      onStateChange: (l) => link.onStateChange(l),
      publish: async (topic, payload, options) => {
        await sleep(delayMs)
        await link.publish(topic, payload, options)
      }
    }
    const publisher = new OutboxPublisher({ outbox, transport, batch: 7, retryMs: 100 })
    link.start()
    publisher.start()
    return { db, outbox, link, publisher }
  }

  it('publishes every row exactly once, oldest first, across a restart, and waits for the broker', async () => {
    const { dir, remove } = tempDir('gcc-outbox-')
    cleanups.push(remove)
    const port = await freePort()
    const url = `mqtt://127.0.0.1:${port}`
    const file = join(dir, 'gcc.sqlite3')

    // No broker yet: rows wait.
    let app = open(url, file, 40)
    for (let i = 1; i <= 30; i++) app.outbox.add(`m-${i}`, `wall/dispatch/${i % 3}`, JSON.stringify({ id: `m-${i}` }), 1000 + i)
    app.publisher.notify()
    await sleep(300)
    expect(app.outbox.pendingCount()).toBe(30)
    expect(app.link.state).not.toBe('connected')

    const broker: EmbeddedBroker = await startEmbeddedBroker({ port })
    cleanups.push(() => broker.stop())
    const sub = subscriber(url)
    await until('subscriber', () => sub.client.connected)
    await sleep(100)
    await until('link connected', () => app.link.state === 'connected')
    await until('some published', () => sub.got.length >= 10)

    // The app stops mid-way (its in-flight PUBACKs are awaited), more rows are added, it restarts.
    await app.publisher.stop()
    await app.link.stop()
    // What the broker acknowledged reaches the subscriber a moment later: wait for it, then the
    // rows marked sent are exactly the ones delivered.
    await until('the subscriber caught up', () => sub.got.length === 30 - app.outbox.pendingCount())
    const sentFirst = sub.got.length
    expect(app.outbox.pendingCount()).toBe(30 - sentFirst)
    expect(sentFirst).toBeLessThan(30)
    app.outbox.add('m-31', 'wall/ack', JSON.stringify({ id: 'm-31' }), 2000)
    app.db.close()
    app = open(url, file)
    await until('all sent', () => app.outbox.pendingCount() === 0)
    app.outbox.add('m-32', 'wall/ack', JSON.stringify({ id: 'm-32' }), 3000)
    app.publisher.notify()
    await until('m-32 sent', () => app.outbox.pendingCount() === 0 && sub.got.includes('m-32'))
    await sleep(200)

    const expected = Array.from({ length: 32 }, (_, i) => `m-${i + 1}`)
    expect([...sub.got].sort()).toEqual([...expected].sort())
    expect(sub.got).toEqual(expected) // oldest first, each once
    expect(app.publisher.status()).toMatchObject({ pending: 0, inFlight: 0 })

    await app.publisher.stop()
    await app.link.stop()
    app.db.close()
  })
})
