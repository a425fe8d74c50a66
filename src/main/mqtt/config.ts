import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { z } from 'zod'
import { frigateMappingSchema, type FrigateMapping } from '@shared/alerts/payloads'
import { MODE_TOPIC } from '@shared/mode/messages'
import { TASK_REPLIES_TOPIC_PREFIX, TASKS_TOPIC_PREFIX } from '@shared/tasks/messages'

/**
 * The broker configuration: `<dataDir>/mqtt.json`. No file (or no `broker` in it) means the
 * embedded default: an aedes broker on 127.0.0.1 and the camera simulator. An invalid file is
 * never thrown past the caller: the result says why, in both languages, naming the field, and the
 * app starts with ingest disabled.
 *
 * {
 *   "broker": { "url": "mqtts://broker.example:8883", "username": "gcc", "password": "…",
 *               "protocolVersion": 5, "clientId": "gcc-wall-1", "keepalive": 30,
 *               "sessionExpiry": 604800,
 *               "tls": { "ca": "ca.pem", "cert": "client.pem", "key": "client.key", "rejectUnauthorized": true } },
 *   "embedded": { "port": 1883 },
 *   "topics": { "native": "alerts/#" },
 *   "frigate": { "enabled": true, "topicPrefix": "frigate", "cameras": { "front_gate": "CAM-0001" },
 *                "snapshotUrlTemplate": "http://frigate:5000/api/events/{id}/snapshot.jpg", "rules": [ … ] },
 *   "simulator": { "enabled": true, "rate": 2, "burstEvery": 60, "burstSize": 30, "repeatShare": 0.3 },
 *   "ingest": { "batchMs": 20, "batchSize": 5000 }
 * }
 * TLS file paths are relative to the data directory unless absolute.
 */
export const MQTT_CONFIG_FILE = 'mqtt.json'
export const EMBEDDED_HOST = '127.0.0.1'

/** MQTT topic filter rules: `#` only as the whole last level, `+` only as a whole level. */
function isTopicFilter(s: string): boolean {
  if (s.length === 0 || s.length > 1024 || s.includes('\0')) return false
  const levels = s.split('/')
  return levels.every((level, i) => {
    if (level.includes('#')) return level === '#' && i === levels.length - 1
    if (level.includes('+')) return level === '+'
    return true
  })
}

const topicFilter = z.string().refine(isTopicFilter, 'not a valid MQTT topic filter (# only at the end, + as a whole level)')

const brokerUrl = z
  .string()
  .refine((s) => URL.canParse(s), 'not a URL')
  .refine((s) => /^(mqtts?|wss?):\/\//i.test(s), 'must start with mqtt://, mqtts://, ws:// or wss://')
  .refine((s) => {
    const u = URL.canParse(s) ? new URL(s) : null
    return u === null || (u.username === '' && u.password === '')
  }, 'must not contain credentials; use broker.username and broker.password')
  .refine((s) => !URL.canParse(s) || new URL(s).hostname !== '', 'has no host')

const filePath = z.string().min(1, 'must be a file path')

const fileSchema = z.strictObject({
  broker: z
    .strictObject({
      url: brokerUrl,
      username: z.string().min(1).max(65535).optional(),
      password: z.string().max(65535).optional(),
      protocolVersion: z.union([z.literal(4), z.literal(5)], 'must be 4 (MQTT 3.1.1) or 5 (MQTT 5)').default(5),
      clientId: z
        .string()
        .regex(/^[\x21-\x7e]{1,128}$/, 'must be 1–128 printable ASCII characters without spaces')
        .optional(),
      keepalive: z.number().int().min(5).max(3600).default(30),
      /** MQTT 5 session expiry (s): how long the broker keeps the session (and queued alerts) while the app is down. */
      sessionExpiry: z.number().int().min(60).max(0xffffffff).default(7 * 24 * 3600),
      tls: z
        .strictObject({
          ca: filePath.optional(),
          cert: filePath.optional(),
          key: filePath.optional(),
          rejectUnauthorized: z.boolean().default(true)
        })
        .refine((t) => (t.cert === undefined) === (t.key === undefined), 'cert and key must be given together')
        .optional()
    })
    .optional(),
  embedded: z.strictObject({ port: z.number().int().min(0).max(65535).default(1883) }).prefault({}),
  topics: z
    .strictObject({
      native: topicFilter
        .refine((t) => /^[^#+]+\/[#+]$/.test(t), 'must be <prefix>/# or <prefix>/+ (the camera id is the last level)')
        .default('alerts/#'),
      /** Event state changes from the governance platform (docs/EVENTS.md); null: not read. */
      events: topicFilter
        .refine((t) => /^[^#+]+\/\+$/.test(t), 'must be <prefix>/+ (the event id is the last level)')
        .nullable()
        .default('events/+')
    })
    .prefault({}),
  /** Frigate NVR's events (docs/ALERTS.md): camera names and label + zone rules; subscribed at `<topicPrefix>/events`. */
  frigate: frigateMappingSchema.extend({ enabled: z.boolean().default(true) }).prefault({}),
  simulator: z
    .strictObject({
      enabled: z.boolean().optional(),
      rate: z.number().min(0).max(10_000).default(2),
      burstEvery: z.number().min(0).max(86_400).default(60),
      burstSize: z.number().int().min(0).max(100_000).default(30),
      repeatShare: z.number().min(0).max(0.95).default(0.3)
    })
    .prefault({}),
  ingest: z
    .strictObject({
      batchMs: z.number().int().min(1).max(5_000).default(20),
      batchSize: z.number().int().min(1).max(10_000).default(5000)
    })
    .prefault({}),
  /** Hosts (`host` or `host:port`) the wall's camera snapshots may be fetched from, besides the Frigate snapshot template's. */
  snapshots: z
    .strictObject({ allowedHosts: z.array(z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a host or host:port')).max(200).default([]) })
    .prefault({})
})
type FileConfig = z.infer<typeof fileSchema>
/** The file's schema and its parsed form, defaults applied (TLS paths still paths): for the settings dialog. */
export { fileSchema as mqttFileSchema }
export type MqttFile = FileConfig

export interface TlsMaterial {
  ca?: Buffer
  cert?: Buffer
  key?: Buffer
  rejectUnauthorized: boolean
}

export interface ExternalBroker {
  url: string
  username?: string
  password?: string
  protocolVersion: 4 | 5
  keepalive: number
  sessionExpiry: number
  tls: TlsMaterial | null
}

export interface SimulatorSettings {
  enabled: boolean
  /** Messages per second, repeats included. */
  rate: number
  /** Seconds between bursts; 0: none. */
  burstEvery: number
  burstSize: number
  /** Share of messages that repeat an earlier alert (same id and track). */
  repeatShare: number
}

export interface MqttSettings {
  /** null: none configured, so the embedded broker runs on 127.0.0.1:embeddedPort. */
  broker: ExternalBroker | null
  embeddedPort: number
  /** Stable across restarts, so the broker keeps the session (clean: false). */
  clientId: string
  /** Subscriptions: native alerts, Frigate's events topic (null: Frigate not read), event state changes (null: not read). */
  topics: { native: string; frigate: string | null; events: string | null }
  /** The native topics' prefix (the filter without its last level): what the parser expects. */
  nativeTopicPrefix: string
  frigate: FrigateMapping
  simulator: SimulatorSettings
  ingest: { batchMs: number; batchSize: number }
  /** Hosts (lower case, `host` or `host:port`) camera snapshots may be fetched from. */
  snapshotHosts: readonly string[]
}

export type MqttConfigResult =
  | { ok: true; settings: MqttSettings; source: 'default' | 'file'; path: string }
  | { ok: false; error: string; path: string; /** The reason alone, naming the field. */ detail: string }

/** `gcc-` and 12 hex digits of the data directory's hash: one wall, one session. */
export function defaultClientId(dataDir: string): string {
  return `gcc-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12)}`
}

/** Host and port only, for logs and the wall: never credentials, paths or query strings. */
export function describeBroker(url: string): string {
  if (!URL.canParse(url)) return '(invalid broker URL)'
  const u = new URL(url)
  const defaults: Record<string, string> = { 'mqtt:': '1883', 'mqtts:': '8883', 'ws:': '80', 'wss:': '443' }
  return `${u.hostname}:${u.port || defaults[u.protocol.toLowerCase()] || '?'}`
}

const invalid = (path: string, detail: string): MqttConfigResult => ({
  ok: false,
  path,
  detail,
  error: `MQTT 配置无效，告警接入已停用 / invalid MQTT configuration, alert ingest is disabled (${path}): ${detail}`
})

function readTls(tls: NonNullable<NonNullable<FileConfig['broker']>['tls']>, baseDir: string): TlsMaterial | string {
  const out: TlsMaterial = { rejectUnauthorized: tls.rejectUnauthorized }
  for (const field of ['ca', 'cert', 'key'] as const) {
    const p = tls[field]
    if (p === undefined) continue
    const full = isAbsolute(p) ? p : join(baseDir, p)
    try {
      out[field] = readFileSync(full)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error'
      return `broker.tls.${field}: 无法读取文件 / cannot read ${full} (${code})`
    }
  }
  return out
}

/** Validates a parsed mqtt.json (exported for tests); TLS files are read relative to dataDir. */
export function parseMqttConfig(json: unknown, dataDir: string, path = join(dataDir, MQTT_CONFIG_FILE)): MqttConfigResult {
  const parsed = fileSchema.safeParse(json)
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(file)'}: ${i.message}`)
      .join('; ')
    return invalid(path, detail)
  }
  const f = parsed.data
  let broker: ExternalBroker | null = null
  if (f.broker !== undefined) {
    const tls = f.broker.tls === undefined ? null : readTls(f.broker.tls, dataDir)
    if (typeof tls === 'string') return invalid(path, tls)
    broker = {
      url: f.broker.url,
      ...(f.broker.username !== undefined ? { username: f.broker.username } : {}),
      ...(f.broker.password !== undefined ? { password: f.broker.password } : {}),
      protocolVersion: f.broker.protocolVersion,
      keepalive: f.broker.keepalive,
      sessionExpiry: f.broker.sessionExpiry,
      tls
    }
  }
  return {
    ok: true,
    path,
    source: 'file',
    settings: {
      broker,
      embeddedPort: f.embedded.port,
      clientId: f.broker?.clientId ?? defaultClientId(dataDir),
      topics: { native: f.topics.native, frigate: f.frigate.enabled ? `${f.frigate.topicPrefix}/events` : null, events: f.topics.events },
      nativeTopicPrefix: f.topics.native.slice(0, -2),
      frigate: { topicPrefix: f.frigate.topicPrefix, cameras: f.frigate.cameras, rules: f.frigate.rules, ...(f.frigate.snapshotUrlTemplate ? { snapshotUrlTemplate: f.frigate.snapshotUrlTemplate } : {}) },
      // The simulator runs by default only against the embedded broker: never into a real one.
      simulator: { ...f.simulator, enabled: f.simulator.enabled ?? broker === null },
      ingest: f.ingest,
      snapshotHosts: snapshotHosts(f.snapshots.allowedHosts, f.frigate.snapshotUrlTemplate)
    }
  }
}

/** The allowed snapshot hosts: the listed ones and the Frigate snapshot template's host. */
function snapshotHosts(listed: readonly string[], frigateTemplate: string | undefined): string[] {
  const hosts = listed.map((h) => h.toLowerCase())
  if (frigateTemplate) {
    const u = URL.canParse(frigateTemplate.replaceAll(/\{\w+\}/g, 'x')) ? new URL(frigateTemplate.replaceAll(/\{\w+\}/g, 'x')) : null
    if (u) hosts.push(u.host.toLowerCase())
  }
  return [...new Set(hosts)]
}

/** Reads `<dataDir>/mqtt.json`. Never throws: a missing file is the embedded default. */
export function loadMqttConfig(dataDir: string): MqttConfigResult {
  const path = join(dataDir, MQTT_CONFIG_FILE)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      const result = parseMqttConfig({}, dataDir, path)
      return result.ok ? { ...result, source: 'default' } : result
    }
    return invalid(path, `无法读取文件 / cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return invalid(path, `不是有效的 JSON / not valid JSON (${(err as Error).message})`)
  }
  return parseMqttConfig(json, dataDir, path)
}

/** What AlertLink needs to connect. */
export interface LinkConnection {
  url: string
  username?: string
  password?: string
  protocolVersion: 4 | 5
  clientId: string
  keepalive: number
  /** MQTT 5 only: seconds the broker keeps the session after a disconnect. */
  sessionExpiry: number
  tls: TlsMaterial | null
  /** Subscribed with QoS 1 (the configured ones, gcc/mode, gcc/tasks/# and gcc/task-replies/+). */
  topics: readonly string[]
}

/**
 * The link's connection for these settings: the configured broker, or the embedded one at
 * `embeddedUrl` (aedes speaks MQTT 3.1.1 only).
 */
export function linkConnection(settings: MqttSettings, embeddedUrl?: string): LinkConnection {
  const { native, frigate, events } = settings.topics
  // gcc/mode: every wall follows the mode; gcc/tasks/#, gcc/task-replies/+: tasks and their replies (docs/EMERGENCY.md).
  const topics = [native, ...(frigate !== null ? [frigate] : []), ...(events !== null ? [events] : []), MODE_TOPIC, `${TASKS_TOPIC_PREFIX}/#`, `${TASK_REPLIES_TOPIC_PREFIX}/+`]
  const b = settings.broker
  if (b === null) {
    if (embeddedUrl === undefined) throw new Error('linkConnection: the embedded broker URL is required when no broker is configured')
    return {
      url: embeddedUrl,
      protocolVersion: 4,
      clientId: settings.clientId,
      keepalive: 30,
      sessionExpiry: 0,
      tls: null,
      topics
    }
  }
  return {
    url: b.url,
    ...(b.username !== undefined ? { username: b.username } : {}),
    ...(b.password !== undefined ? { password: b.password } : {}),
    protocolVersion: b.protocolVersion,
    clientId: settings.clientId,
    keepalive: b.keepalive,
    sessionExpiry: b.sessionExpiry,
    tls: b.tls,
    topics
  }
}
