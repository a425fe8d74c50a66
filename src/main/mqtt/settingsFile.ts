import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { BrokerSettingsInfo, BrokerSettingsView } from '@shared/alerts/brokerSettings'
import { brokerSettingsUpdateSchema } from '@shared/alerts/brokerSettings'
import type { z } from 'zod'
import { loadMqttConfig, MQTT_CONFIG_FILE, mqttFileSchema, parseMqttConfig, type MqttFile } from './config'

/**
 * `<dataDir>/mqtt.json` as the settings dialog sees and writes it. The password is kept in the
 * file only: it is never part of what is read here, and a save keeps, replaces or removes it.
 */

type Update = z.output<typeof brokerSettingsUpdateSchema>
type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The file's JSON, or null when it is missing or not JSON. */
function readRaw(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch {
    return null
  }
}

const storedPassword = (raw: unknown): string | undefined => {
  const broker = isObject(raw) ? raw['broker'] : undefined
  const password = isObject(broker) ? broker['password'] : undefined
  return typeof password === 'string' ? password : undefined
}

function toView(f: MqttFile): BrokerSettingsView {
  const b = f.broker
  return {
    broker:
      b === undefined
        ? null
        : {
            url: b.url,
            username: b.username ?? null,
            protocolVersion: b.protocolVersion,
            clientId: b.clientId ?? null,
            keepalive: b.keepalive,
            tls:
              b.tls === undefined
                ? null
                : { ca: b.tls.ca ?? null, cert: b.tls.cert ?? null, key: b.tls.key ?? null, rejectUnauthorized: b.tls.rejectUnauthorized }
          },
    embedded: { port: f.embedded.port },
    topics: { native: f.topics.native },
    frigate: {
      enabled: f.frigate.enabled,
      topicPrefix: f.frigate.topicPrefix,
      snapshotUrlTemplate: f.frigate.snapshotUrlTemplate ?? null,
      cameras: { ...f.frigate.cameras }
    },
    simulator: { ...f.simulator, enabled: f.simulator.enabled ?? b === undefined },
    ingest: { ...f.ingest }
  }
}

/** The settings in force (or refused, and why), without the password. */
export function readBrokerSettings(dataDir: string): BrokerSettingsInfo {
  const loaded = loadMqttConfig(dataDir)
  const raw = readRaw(loaded.path)
  const parsed = mqttFileSchema.safeParse(raw ?? {})
  return {
    path: loaded.path,
    source: loaded.ok ? loaded.source : 'invalid',
    error: loaded.ok ? null : loaded.error,
    passwordSet: storedPassword(raw) !== undefined,
    settings: toView(parsed.success ? parsed.data : mqttFileSchema.parse({}))
  }
}

/** The file for an update: what the dialog does not edit (password, session expiry, Frigate rules, snapshot hosts, the event state topic) comes from the file on disk. */
function toFile(u: Update, raw: unknown): Json {
  const old = isObject(raw) ? raw : {}
  const oldBroker = isObject(old['broker']) ? old['broker'] : {}
  const oldFrigate = isObject(old['frigate']) ? old['frigate'] : {}
  const file: Json = {}
  if (u.broker !== null) {
    const b = u.broker
    const password = u.password === undefined ? storedPassword(raw) : u.password === '' ? undefined : u.password
    file['broker'] = {
      url: b.url,
      ...(b.username !== null ? { username: b.username } : {}),
      ...(password !== undefined ? { password } : {}),
      protocolVersion: b.protocolVersion,
      ...(b.clientId !== null ? { clientId: b.clientId } : {}),
      keepalive: b.keepalive,
      ...(oldBroker['sessionExpiry'] !== undefined ? { sessionExpiry: oldBroker['sessionExpiry'] } : {}),
      ...(b.tls !== null
        ? {
            tls: {
              ...(b.tls.ca !== null ? { ca: b.tls.ca } : {}),
              ...(b.tls.cert !== null ? { cert: b.tls.cert } : {}),
              ...(b.tls.key !== null ? { key: b.tls.key } : {}),
              rejectUnauthorized: b.tls.rejectUnauthorized
            }
          }
        : {})
    }
  }
  file['embedded'] = { ...u.embedded }
  const oldTopics = isObject(old['topics']) ? old['topics'] : {}
  file['topics'] = { ...u.topics, ...(oldTopics['events'] !== undefined ? { events: oldTopics['events'] } : {}) }
  file['frigate'] = {
    enabled: u.frigate.enabled,
    topicPrefix: u.frigate.topicPrefix,
    ...(u.frigate.snapshotUrlTemplate !== null ? { snapshotUrlTemplate: u.frigate.snapshotUrlTemplate } : {}),
    cameras: u.frigate.cameras,
    ...(oldFrigate['rules'] !== undefined ? { rules: oldFrigate['rules'] } : {})
  }
  file['simulator'] = { ...u.simulator }
  file['ingest'] = { ...u.ingest }
  if (old['snapshots'] !== undefined) file['snapshots'] = old['snapshots']
  return file
}

/** Writes through a temporary file and a rename, readable by its owner only (it may hold a password). */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  const fd = openSync(temp, 'wx', 0o600)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    renameSync(temp, path)
  } catch (err) {
    rmSync(temp, { force: true })
    throw err
  }
}

export type BrokerSettingsWrite = { ok: true; path: string } | { ok: false; error: string }

/**
 * Checks the update with the file's own rules (TLS files must be readable) and writes it; on a
 * refusal the file is untouched and the message names the field.
 */
export function writeBrokerSettings(dataDir: string, update: Update): BrokerSettingsWrite {
  const path = join(dataDir, MQTT_CONFIG_FILE)
  const file = toFile(update, readRaw(path))
  const checked = parseMqttConfig(file, dataDir, path)
  if (!checked.ok) return { ok: false, error: `设置未保存，原配置不变 / not saved, the file is unchanged: ${checked.detail}` }
  writeAtomically(path, `${JSON.stringify(file, null, 2)}\n`)
  return { ok: true, path }
}
