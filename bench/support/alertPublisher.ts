/**
 * The alert benchmark's publisher, a child process of bench/alerts.ts (forked with `--import tsx`),
 * so that publishing does not share an event loop with the consumer being measured.
 *
 * Protocol over the IPC channel:
 *   → { type: 'connect', url, clients }                 ← { type: 'connected' }
 *   → { type: 'publish', file, rate, window }           ← { type: 'published', … } (PublishResult)
 *   → { type: 'close' }                                 (ends the clients, then the process)
 * `file` holds one message per line, `topic<TAB>payload`. The messages are spread round-robin over
 * `clients` mqtt.js clients (MQTT 3.1.1, clean session), each publishing QoS 1 with at most
 * `window` messages awaiting their PUBACK. `rate` 0: as fast as that allows; else paced by a
 * token bucket refilled every 5 ms. Times are epoch ms (performance.timeOrigin + now()).
 */
import { readFileSync } from 'node:fs'
import { connect, type MqttClient } from 'mqtt'

export type PublisherRequest =
  | { type: 'connect'; url: string; clients: number }
  | { type: 'publish'; file: string; rate: number; window: number }
  | { type: 'close' }

export interface PublishResult {
  type: 'published'
  count: number
  /** First PUBLISH handed to a client. */
  firstAt: number
  /** Last PUBLISH handed to a client. */
  lastSentAt: number
  /** Last PUBACK received. */
  lastAckAt: number
  failed: number
  error: string | null
}

export type PublisherReply = { type: 'connected' } | PublishResult | { type: 'error'; message: string }

const clock = (): number => performance.timeOrigin + performance.now()
const reply = (m: PublisherReply): void => void process.send?.(m)

let clients: MqttClient[] = []

async function open(url: string, n: number): Promise<void> {
  const runId = `${process.pid}-${Date.now().toString(36)}`
  clients = await Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<MqttClient>((resolve, reject) => {
          const c = connect(url, { clientId: `gcc-bench-pub-${runId}-${i}`, clean: true, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 10_000 })
          c.once('connect', () => resolve(c))
          c.once('error', reject)
        })
    )
  )
}

function publish(file: string, rate: number, window: number): Promise<PublishResult> {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0)
  const messages = lines.map((l) => {
    const tab = l.indexOf('\t')
    return [l.slice(0, tab), l.slice(tab + 1)] as const
  })
  return new Promise((resolve) => {
    const total = messages.length
    let next = 0
    let acked = 0
    let failed = 0
    let error: string | null = null
    let firstAt = 0
    let lastSentAt = 0
    const inFlight = clients.map(() => 0)
    let tokens = rate > 0 ? 0 : Infinity
    let timer: NodeJS.Timeout | null = null
    const finish = (): void => {
      if (timer !== null) clearInterval(timer)
      resolve({ type: 'published', count: total, firstAt, lastSentAt, lastAckAt: clock(), failed, error })
    }
    if (total === 0) return finish()
    // Hands out messages while the budget and the clients' windows allow.
    const pump = (): void => {
      let stalled = 0
      let i = next % clients.length
      while (next < total && tokens >= 1 && stalled < clients.length) {
        if (inFlight[i]! >= window) {
          stalled++
          i = (i + 1) % clients.length
          continue
        }
        stalled = 0
        const [topic, payload] = messages[next++]!
        if (firstAt === 0) firstAt = clock()
        tokens--
        inFlight[i]!++
        const k = i
        clients[k]!.publish(topic, payload, { qos: 1 }, (err) => {
          inFlight[k]!--
          acked++
          if (err) {
            failed++
            error = err.message
          }
          if (acked === total) finish()
          else if (next < total) pump()
        })
        i = (i + 1) % clients.length
      }
      if (next >= total) lastSentAt ||= clock()
    }
    if (rate > 0) {
      let last = clock()
      timer = setInterval(() => {
        const now = clock()
        tokens = Math.min(tokens + (rate * (now - last)) / 1000, Math.max(1, rate / 20))
        last = now
        pump()
        if (next >= total && timer !== null) {
          clearInterval(timer)
          timer = null
        }
      }, 5)
    }
    pump()
  })
}

async function close(): Promise<void> {
  await Promise.all(clients.map((c) => new Promise<void>((r) => c.end(false, () => r()))))
  clients = []
}

process.on('message', (m: PublisherRequest) => {
  const run = async (): Promise<void> => {
    if (m.type === 'connect') {
      await open(m.url, m.clients)
      reply({ type: 'connected' })
    } else if (m.type === 'publish') {
      reply(await publish(m.file, m.rate, m.window))
    } else {
      await close()
      process.disconnect?.()
    }
  }
  run().catch((err: unknown) => reply({ type: 'error', message: err instanceof Error ? err.message : String(err) }))
})
process.on('disconnect', () => {
  for (const c of clients) c.end(true)
  setTimeout(() => process.exit(0), 100).unref()
})
