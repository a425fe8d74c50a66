import type { OutboxRepository, OutboxRow } from '../store/repositories/outbox'
import type { LinkLog, MessageTransport } from './link'

export interface OutboxPublisherOptions {
  outbox: OutboxRepository
  transport: MessageTransport
  /** Rows published at once. Default 50. */
  batch?: number
  /** Wait after a failed publish before trying again (ms). Default 5000. */
  retryMs?: number
  /** How long stop() waits for PUBACKs of messages in flight (ms). Default 3000. */
  drainMs?: number
  log?: LinkLog
  now?: () => number
}

/**
 * Publishes the outbox, oldest first, with QoS 1, whenever the link is connected. A row is marked
 * sent only after its PUBACK, and is never published again while a publish of it is in flight
 * (mqtt.js resends its own unacknowledged packets after a reconnect), so each id goes out once.
 * After a failure (the client was closed) it is retried later. The payload should carry the id;
 * with MQTT 5 it is also the user property `outboxId`, so a receiver can drop the one duplicate
 * a crash between PUBACK and markSent can cause.
 */
export class OutboxPublisher {
  private readonly batch: number
  private readonly retryMs: number
  private readonly drainMs: number
  private readonly log: LinkLog
  private readonly now: () => number
  private readonly inFlight = new Map<string, Promise<void>>()
  private retryTimer: NodeJS.Timeout | null = null
  private unsubscribe: (() => void) | null = null
  private pumping = false
  private again = false
  private stopped = false
  private published = 0
  private failures = 0

  constructor(private readonly options: OutboxPublisherOptions) {
    this.batch = options.batch ?? 50
    this.retryMs = options.retryMs ?? 5000
    this.drainMs = options.drainMs ?? 3000
    this.log = options.log ?? (() => {})
    this.now = options.now ?? Date.now
  }

  start(): void {
    if (this.unsubscribe !== null || this.stopped) throw new Error('OutboxPublisher.start: already started or stopped')
    this.unsubscribe = this.options.transport.onStateChange((state) => {
      if (state === 'connected') this.notify()
    })
    this.notify()
  }

  /** A row was added: publish it now if the broker is reachable. */
  notify(): void {
    if (this.stopped) return
    if (this.pumping) {
      this.again = true
      return
    }
    this.pump()
  }

  status(): { pending: number; inFlight: number; published: number; failures: number } {
    return { pending: this.options.outbox.pendingCount(), inFlight: this.inFlight.size, published: this.published, failures: this.failures }
  }

  /** Stops publishing; waits (bounded) for PUBACKs in flight so their rows are marked sent. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
    if (this.inFlight.size === 0) return
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.allSettled([...this.inFlight.values()]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.drainMs)))
    ])
    clearTimeout(timer)
  }

  private pump(): void {
    if (this.stopped || this.options.transport.state !== 'connected') return
    this.pumping = true
    try {
      do {
        this.again = false
        const rows = this.options.outbox.pending(this.batch + this.inFlight.size).filter((r) => !this.inFlight.has(r.id))
        for (const row of rows.slice(0, Math.max(0, this.batch - this.inFlight.size))) this.send(row)
      } while (this.again && !this.stopped)
    } finally {
      this.pumping = false
    }
  }

  private send(row: OutboxRow): void {
    this.options.outbox.recordAttempt(row.id)
    const p = this.options.transport
      .publish(row.topic, row.payload, { userProperties: { outboxId: row.id }, ...(row.retain ? { retain: true } : {}) })
      .then(
        () => {
          this.inFlight.delete(row.id)
          this.published++
          // After stop() a late PUBACK is still recorded while the store is open.
          try {
            this.options.outbox.markSent(row.id, this.now())
          } catch (err) {
            this.log('error', `outbox: marking ${row.id} sent failed: ${(err as Error).message}`)
          }
          if (this.inFlight.size === 0) this.notify()
        },
        (err: unknown) => {
          this.inFlight.delete(row.id)
          this.failures++
          this.log('warn', `发件箱发布失败，稍后重试 / outbox: publishing ${row.id} failed, retrying later: ${(err as Error).message}`)
          this.scheduleRetry()
        }
      )
    this.inFlight.set(row.id, p)
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer !== null) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.notify()
    }, this.retryMs)
  }
}
