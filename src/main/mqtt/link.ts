import { connect, type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt'
import type { BrokerState } from '@shared/api/alertTypes'
import type { IncomingMessage } from '../alerts/types'
import { describeBroker, type LinkConnection } from './config'

/**
 * The broker link of the alert pipeline (docs/ALERTS.md): one mqtt.js client with a persistent
 * session (clean: false, a stable client id, MQTT 5 session expiry) and QoS 1 subscriptions.
 *
 * Acknowledgement after commit. mqtt.js acknowledges a QoS 1 PUBLISH as soon as
 * `handleMessage(packet, callback)` calls back without an error, and processes inbound packets one
 * at a time: waiting for the commit there would let one message through per commit. So
 * `handleMessage` queues the message and calls back with a marker error, which makes mqtt.js move
 * on to the next packet without sending a PUBACK (client.js → handlers/publish.js, QoS 1:
 * `handleMessage(packet, err => err ? done(err) : sendPuback)`); no 'error' event is emitted.
 * Queued messages go to the sink in batches; only after the sink returns (or its promise
 * resolves) are their PUBACKs sent, in the order received, and only on the connection that
 * delivered them (packet ids are per connection): a message whose connection dropped before its
 * commit was acknowledged is redelivered by the broker, so the sink must be idempotent by alert id.
 * If the sink throws, nothing of the batch is acknowledged, later messages on that connection are
 * refused too (acks stay in order), and after a back-off the link drops the connection: the
 * broker redelivers everything unacknowledged on reconnect.
 */

export type AlertSink = (batch: IncomingMessage[]) => void | Promise<void>

export type LinkLogLevel = 'info' | 'warn' | 'error'
export type LinkLog = (level: LinkLogLevel, message: string) => void

export interface AlertLinkOptions {
  connection: LinkConnection
  sink: AlertSink
  /**
   * Longest wait before a batch is committed (ms), while the link keeps up. Default 20. When the
   * last commit took longer (the link is behind) and messages keep coming, a partial batch may
   * wait as long as that commit took, at most BEHIND_WAIT_FACTOR times batchMs (see dueIn).
   */
  batchMs?: number
  /** Largest batch. Default 500. */
  batchSize?: number
  /** Messages held (queued or being committed) before reading from the socket pauses. Default the receive maximum + 1000 (at least 5000). */
  highWater?: number
  /** mqtt.js reconnect period (ms); 0 disables mqtt.js's own reconnects (the watchdog still acts). Default 2000. */
  reconnectPeriodMs?: number
  /** Time to wait for CONNACK (ms). Default 10000. */
  connectTimeoutMs?: number
  /** How often the watchdog looks (ms). Default 5000. */
  watchdogIntervalMs?: number
  /** Not connected and no connection attempt for this long (ms): the client is recreated. Default 30000. */
  stallMs?: number
  /** Back-off after a failed sink before the connection is dropped for redelivery (ms). Default 1000, doubling. */
  sinkRetryMs?: number
  sinkRetryMaxMs?: number
  /**
   * MQTT 5 receive maximum: QoS 1 messages the broker may have unacknowledged with us. Default two
   * batches (at least 4000, at most 65535): one being committed while the next one arrives.
   */
  receiveMaximum?: number
  log?: LinkLog
  now?: () => number
}

export interface LinkStatus {
  /** host:port only. */
  broker: string
  state: BrokerState
  lastError: string | null
  lastMessageAt: number | null
  received: number
  committed: number
  acked: number
  batches: number
  sinkFailures: number
  /** Acknowledgements not sent because their connection had dropped (the broker redelivers). */
  ackSkipped: number
  connects: number
  /** Clients recreated by the watchdog or after mqtt.js ended on its own. */
  recreated: number
}

export interface PublishOptions {
  /** MQTT 5 user properties (ignored with MQTT 3.1.1). */
  userProperties?: Record<string, string>
  /** Publish retained: the broker keeps it for later subscribers (gcc/mode). */
  retain?: boolean
}

/** What the outbox publisher needs from a link. */
export interface MessageTransport {
  readonly state: BrokerState
  onStateChange(listener: (state: BrokerState) => void): () => void
  /** QoS 1; resolves on PUBACK, rejects if the link is not connected or the client is closed. */
  publish(topic: string, payload: string | Uint8Array, options?: PublishOptions): Promise<void>
}

export class LinkOfflineError extends Error {
  constructor() {
    super('MQTT 未连接 / the broker link is not connected')
    this.name = 'LinkOfflineError'
  }
}

/**
 * While the link is behind, a partial batch waits for more up to this many times batchMs (at most
 * as long as the last commit took): at full speed reading a batch takes longer than batchMs, and
 * cutting it there pays a commit (the pages of every index it touches) for a part of a batch.
 */
export const BEHIND_WAIT_FACTOR = 10

/** Passed to mqtt.js's handleMessage callback: "go on, but do not acknowledge". */
const DEFER_ACK = new Error('acknowledgement deferred until commit')

interface Held {
  message: IncomingMessage
  /** performance.now() at arrival: when its batch is due. */
  arrived: number
  /** Packet id of a QoS 1 message, null for QoS 0 / 2. */
  messageId: number | null
  client: MqttClient
  connection: number
}

type SendPacket = (packet: { cmd: 'puback'; messageId: number; reasonCode?: number }, cb?: (err?: Error) => void) => void

export class AlertLink implements MessageTransport {
  private readonly o: Required<Omit<AlertLinkOptions, 'log' | 'now'>>
  private readonly log: LinkLog
  private readonly now: () => number
  private client: MqttClient | null = null
  /** Bumped on every connect and close: an ack is sent only on the connection that delivered. */
  private connection = 0
  private _state: BrokerState = 'disabled'
  private readonly listeners = new Set<(state: BrokerState) => void>()
  private held: Held[] = []
  private committing = 0
  /** How long the last commit took (ms): while it is longer than batchMs, a partial batch may wait longer (dueIn). */
  private lastCommitMs = 0
  private flushTimer: NodeJS.Timeout | null = null
  private flushing: Promise<void> | null = null
  private paused: (() => void)[] = []
  /** After a sink failure: refuse messages until the next connection. */
  private refusing = false
  private failureStreak = 0
  private dropTimer: NodeJS.Timeout | null = null
  private watchdog: NodeJS.Timeout | null = null
  private lastAttemptAt = 0
  private stopped = false
  private started = false
  private readonly stats: Omit<LinkStatus, 'broker' | 'state'> = {
    lastError: null,
    lastMessageAt: null,
    received: 0,
    committed: 0,
    acked: 0,
    batches: 0,
    sinkFailures: 0,
    ackSkipped: 0,
    connects: 0,
    recreated: 0
  }

  constructor(options: AlertLinkOptions) {
    const batchSize = options.batchSize ?? 500
    const receiveMaximum = options.receiveMaximum ?? Math.min(65_535, Math.max(4000, 2 * batchSize))
    this.o = {
      connection: options.connection,
      sink: options.sink,
      batchMs: options.batchMs ?? 20,
      batchSize,
      highWater: options.highWater ?? Math.max(5000, receiveMaximum + 1000),
      reconnectPeriodMs: options.reconnectPeriodMs ?? 2000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      watchdogIntervalMs: options.watchdogIntervalMs ?? 5000,
      stallMs: options.stallMs ?? 30_000,
      sinkRetryMs: options.sinkRetryMs ?? 1000,
      sinkRetryMaxMs: options.sinkRetryMaxMs ?? 30_000,
      receiveMaximum
    }
    this.log = options.log ?? (() => {})
    this.now = options.now ?? Date.now
  }

  get state(): BrokerState {
    return this._state
  }

  status(): LinkStatus {
    return { broker: describeBroker(this.o.connection.url), state: this._state, ...this.stats }
  }

  onStateChange(listener: (state: BrokerState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Connects (and keeps reconnecting) until stop(). */
  start(): void {
    if (this.started) throw new Error('AlertLink.start: already started')
    this.started = true
    this.createClient()
    this.watchdog = setInterval(() => this.checkStall(), this.o.watchdogIntervalMs)
  }

  publish(topic: string, payload: string | Uint8Array, options: PublishOptions = {}): Promise<void> {
    const client = this.client
    if (client === null || this._state !== 'connected') return Promise.reject(new LinkOfflineError())
    const v5 = this.o.connection.protocolVersion === 5 && options.userProperties !== undefined
    return new Promise((resolve, reject) => {
      client.publish(
        topic,
        typeof payload === 'string' ? payload : Buffer.from(payload),
        { qos: 1, retain: options.retain === true, ...(v5 ? { properties: { userProperties: options.userProperties } } : {}) },
        (err) => (err ? reject(err) : resolve())
      )
    })
  }

  /** Commits what is held (acknowledging it if still connected; bounded wait), then disconnects. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    if (this.watchdog !== null) clearInterval(this.watchdog)
    if (this.dropTimer !== null) clearTimeout(this.dropTimer)
    if (this.flushTimer !== null) clearTimeout(this.flushTimer)
    this.watchdog = this.dropTimer = this.flushTimer = null
    // A sink that never settles must not hold the shutdown: what it had is not acknowledged.
    let timer: NodeJS.Timeout | undefined
    const drain = async (): Promise<void> => {
      // A flush under way may end with a partial batch left (not yet due when it looked).
      while (this.flushing !== null || (this.held.length > 0 && !this.refusing)) await this.flush().catch(() => {})
    }
    await Promise.race([drain(), new Promise((r) => (timer = setTimeout(r, this.o.connectTimeoutMs)))])
    clearTimeout(timer)
    this.releasePaused()
    const client = this.client
    this.client = null
    if (client !== null) await endClient(client, this.o.connectTimeoutMs)
    this.setState('disabled')
    this.listeners.clear()
  }

  // --- client lifecycle ------------------------------------------------------------------------

  private clientOptions(): IClientOptions {
    const c = this.o.connection
    const v5 = c.protocolVersion === 5
    return {
      clientId: c.clientId,
      clean: false,
      protocolVersion: c.protocolVersion,
      keepalive: c.keepalive,
      reconnectPeriod: this.o.reconnectPeriodMs,
      connectTimeout: this.o.connectTimeoutMs,
      // Subscribed on every CONNACK below (covers a broker that lost the session).
      resubscribe: false,
      ...(c.username !== undefined ? { username: c.username } : {}),
      ...(c.password !== undefined ? { password: c.password } : {}),
      ...(v5 ? { properties: { sessionExpiryInterval: c.sessionExpiry, receiveMaximum: this.o.receiveMaximum } } : {}),
      ...(c.tls !== null
        ? {
            rejectUnauthorized: c.tls.rejectUnauthorized,
            ...(c.tls.ca !== undefined ? { ca: c.tls.ca } : {}),
            ...(c.tls.cert !== undefined ? { cert: c.tls.cert } : {}),
            ...(c.tls.key !== undefined ? { key: c.tls.key } : {})
          }
        : {})
    }
  }

  private createClient(): void {
    this.lastAttemptAt = this.now()
    this.setState('connecting')
    const client = connect(this.o.connection.url, this.clientOptions())
    if (typeof (client as unknown as { _sendPacket?: unknown })['_sendPacket'] !== 'function') {
      throw new Error('mqtt.js internals changed: _sendPacket is missing; the ack-after-commit path needs review')
    }
    this.client = client
    client.handleMessage = (packet, callback) => this.onPublish(client, packet, callback)
    client.on('connect', (connack) => {
      if (client !== this.client) return
      this.connection++
      this.stats.connects++
      this.refusing = false
      this.stats.lastError = null
      this.setState('connected')
      this.log('info', `MQTT 已连接 / connected to ${describeBroker(this.o.connection.url)} (session ${connack.sessionPresent ? 'resumed' : 'new'})`)
      this.subscribe(client)
    })
    client.on('reconnect', () => {
      if (client !== this.client) return
      this.lastAttemptAt = this.now()
      this.setState('connecting')
    })
    client.on('close', () => {
      if (client !== this.client) return
      this.connection++
      if (!this.stopped) this.setState('offline')
    })
    client.on('offline', () => {
      if (client === this.client && !this.stopped) this.setState('offline')
    })
    client.on('error', (err) => {
      if (client !== this.client) return
      this.stats.lastError = err.message
      this.log('warn', `MQTT 错误 / broker error (${describeBroker(this.o.connection.url)}): ${err.message}`)
      this.emitState()
    })
    client.on('disconnect', (packet) => {
      if (client !== this.client) return
      this.stats.lastError = `broker sent DISCONNECT (reason ${packet.reasonCode ?? 0})`
      this.emitState()
    })
    client.on('end', () => {
      if (client !== this.client || this.stopped) return
      this.log('warn', 'MQTT 客户端已自行结束，重新创建 / mqtt.js ended on its own; recreating the client')
      this.recreate()
    })
  }

  private subscribe(client: MqttClient): void {
    const v5 = this.o.connection.protocolVersion === 5
    const topics = Object.fromEntries(this.o.connection.topics.map((t) => [t, v5 ? { qos: 1 as const, rh: 1 } : { qos: 1 as const }]))
    client.subscribe(topics, (err, granted) => {
      if (client !== this.client) return
      if (err) {
        this.stats.lastError = `subscribe: ${err.message}`
        this.log('error', `MQTT 订阅失败 / subscribing failed: ${err.message}`)
      } else {
        const refused = (granted ?? []).filter((g) => g.qos > 2 || g.qos < 1)
        if (refused.length > 0) {
          this.stats.lastError = `subscription refused or downgraded: ${refused.map((g) => `${g.topic} (${g.qos})`).join(', ')}`
          this.log('error', `MQTT 订阅被拒绝或降级 / ${this.stats.lastError}`)
        }
      }
      this.emitState()
    })
  }

  /** mqtt.js stopped on its own, or stalled: a new client with the same id resumes the session. */
  private recreate(): void {
    const old = this.client
    this.client = null
    this.connection++
    this.stats.recreated++
    // Its listeners stay (they ignore a client that is no longer current); mqtt.js needs its own.
    old?.end(true)
    if (!this.stopped) this.createClient()
  }

  private checkStall(): void {
    if (this.stopped || this._state === 'connected') return
    const client = this.client
    const idle = this.now() - this.lastAttemptAt
    if (client === null || idle > this.o.stallMs) {
      this.log('warn', `MQTT 重连停滞 ${Math.round(idle / 1000)} s，重新创建客户端 / no reconnect attempt for ${Math.round(idle / 1000)} s; recreating the client`)
      this.recreate()
    }
  }

  // --- inbound -----------------------------------------------------------------------------------

  private onPublish(client: MqttClient, packet: IPublishPacket, callback: (err?: Error) => void): void {
    const qos1 = packet.qos === 1
    if (client !== this.client || this.stopped || this.refusing) {
      // Not acknowledged: the broker redelivers on the next connection.
      callback(qos1 ? DEFER_ACK : undefined)
      return
    }
    const now = this.now()
    this.stats.received++
    this.stats.lastMessageAt = now
    const payload = packet.payload
    this.held.push({
      message: {
        topic: packet.topic,
        // A view, not a copy: mqtt.js hands over a slice of a socket read, a buffer of its own
        // that nothing writes to again (a copy per message cost more than the rest of onPublish).
        payload: typeof payload === 'string' ? new TextEncoder().encode(payload) : new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength),
        receivedAt: now
      },
      arrived: performance.now(),
      messageId: qos1 && packet.messageId !== undefined ? packet.messageId : null,
      client,
      connection: this.connection
    })
    this.scheduleFlush()
    const result = qos1 ? DEFER_ACK : undefined
    // Backpressure: stop reading the socket while too much is waiting for a commit.
    if (this.held.length + this.committing >= this.o.highWater) this.paused.push(() => callback(result))
    else callback(result)
  }

  /**
   * A full batch is committed at once; a partial one once it is due (dueIn). While a batch is
   * being committed, what arrives waits for that commit to end (the running flush then takes it
   * if due).
   */
  private scheduleFlush(): void {
    if (this.flushing !== null) return
    if (this.held.length >= this.o.batchSize) {
      void this.flush().catch(() => {})
    } else if (this.held.length > 0 && this.flushTimer === null) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null
        if (this.batchReady()) void this.flush().catch(() => {})
        else this.scheduleFlush()
      }, Math.max(0, this.dueIn()))
    }
  }

  /**
   * Milliseconds until the held partial batch is due (≤ 0: due). It is due once its oldest
   * message has waited batchMs. While the link is behind (its last commit took longer than
   * batchMs: what arrives now waited in the broker and the socket during that commit), it waits
   * on as long as messages keep coming (the last one less than batchMs / 4 ago), up to as long as
   * that commit took (at most BEHIND_WAIT_FACTOR × batchMs). A link that keeps up commits in less
   * than batchMs, so its latency is batchMs as before; one that is behind fills its batches
   * instead of committing what it could read in batchMs; one whose broker sends no more (its
   * in-flight window is full) commits after batchMs as before.
   */
  private dueIn(): number {
    const held = this.held
    const now = performance.now()
    const age = now - held[0]!.arrived
    const due = this.o.batchMs - age
    const longest = Math.min(this.lastCommitMs, this.o.batchMs * BEHIND_WAIT_FACTOR) - age
    if (longest <= due) return due
    const quiet = this.o.batchMs / 4 - (now - held[held.length - 1]!.arrived)
    return Math.max(due, Math.min(longest, quiet))
  }

  /** Whether the held messages make a batch: a full one, or a partial one that is due (or the link stops). */
  private batchReady(): boolean {
    const held = this.held
    return held.length >= this.o.batchSize || (held.length > 0 && (this.stopped || this.dueIn() <= 0))
  }

  /**
   * Commits what is held, batch by batch, one batch at a time: the first batch whatever its size,
   * then further ones while they are ready. A partial batch is not committed right after another
   * (it would pay a commit for a few messages: those that arrived while the previous commit ran);
   * it waits for more until it is due (dueIn).
   */
  private flush(): Promise<void> {
    if (this.flushing !== null) return this.flushing
    if (this.flushTimer !== null) clearTimeout(this.flushTimer)
    this.flushTimer = null
    const run = async (): Promise<void> => {
      for (let first = true; first ? this.held.length > 0 : this.batchReady(); first = false) {
        const batch = this.held.splice(0, this.o.batchSize)
        this.committing = batch.length
        const started = performance.now()
        try {
          await this.o.sink(batch.map((h) => h.message))
          this.lastCommitMs = performance.now() - started
        } catch (err) {
          this.onSinkFailure(err, batch.length)
          return
        } finally {
          this.committing = 0
        }
        this.failureStreak = 0
        this.stats.committed += batch.length
        this.stats.batches++
        this.acknowledge(batch)
        this.releasePaused()
      }
    }
    // Cleared only after the assignment (a sink that throws synchronously finishes run() at once).
    const flushing: Promise<void> = run().finally(() => {
      if (this.flushing === flushing) this.flushing = null
      this.releasePaused()
      if (this.held.length > 0 && !this.refusing && !this.stopped) this.scheduleFlush()
    })
    this.flushing = flushing
    return flushing
  }

  private acknowledge(batch: readonly Held[]): void {
    const client = this.client
    if (client === null) {
      for (const h of batch) if (h.messageId !== null) this.stats.ackSkipped++
      return
    }
    const send: SendPacket = (client as unknown as { _sendPacket: SendPacket })['_sendPacket'].bind(client)
    for (const h of batch) {
      if (h.messageId === null) continue
      if (h.client !== client || h.connection !== this.connection || !client.connected) {
        this.stats.ackSkipped++
        continue
      }
      send({ cmd: 'puback', messageId: h.messageId, reasonCode: 0 })
      this.stats.acked++
    }
  }

  private onSinkFailure(err: unknown, size: number): void {
    const message = err instanceof Error ? err.message : String(err)
    this.stats.sinkFailures++
    this.stats.lastError = `commit failed: ${message}`
    const dropped = this.held.length
    this.held = []
    this.refusing = true
    this.failureStreak++
    const delay = Math.min(this.o.sinkRetryMaxMs, this.o.sinkRetryMs * 2 ** (this.failureStreak - 1))
    this.log(
      'error',
      `告警提交失败，未确认 ${size + dropped} 条，${delay} ms 后重连以重新投递 / committing ${size} alerts failed (${message}); ` +
        `${size + dropped} messages left unacknowledged, reconnecting in ${delay} ms for redelivery`
    )
    this.emitState()
    if (this.dropTimer !== null) clearTimeout(this.dropTimer)
    this.dropTimer = setTimeout(() => {
      this.dropTimer = null
      if (this.stopped) return
      const client = this.client
      // Closing the socket makes mqtt.js reconnect with the same session: unacked messages come again.
      if (client?.stream !== undefined && client.connected) client.stream.destroy()
      else this.refusing = false
    }, delay)
  }

  private releasePaused(): void {
    if (this.paused.length === 0) return
    if (!this.stopped && this.held.length + this.committing >= this.o.highWater) return
    const waiting = this.paused
    this.paused = []
    for (const go of waiting) go()
  }

  // --- state -------------------------------------------------------------------------------------

  private setState(state: BrokerState): void {
    if (this._state === state) return
    this._state = state
    this.emitState()
  }

  private emitState(): void {
    for (const l of this.listeners) {
      try {
        l(this._state)
      } catch (err) {
        this.log('error', `state listener failed: ${(err as Error).message}`)
      }
    }
  }
}

/** Ends a client: politely first, forced if it does not finish in time. */
async function endClient(client: MqttClient, timeoutMs: number): Promise<void> {
  client.on('error', () => {})
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => client.end(true, () => resolve()), Math.min(timeoutMs, 3000))
    client.end(false, () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
