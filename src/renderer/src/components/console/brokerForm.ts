import type { BrokerSettingsUpdate, BrokerSettingsView } from '@shared/alerts/brokerSettings'

/**
 * The broker settings dialog's form: flat, with text fields as strings, so Element Plus can bind
 * it; converted from and to the API's view. The server validates everything again.
 */
export interface BrokerForm {
  mode: 'embedded' | 'external'
  port: number
  url: string
  username: string
  /** Empty: keep the stored password (or none). */
  password: string
  /** Remove the stored password. */
  clearPassword: boolean
  protocolVersion: 4 | 5
  clientId: string
  keepalive: number
  useTls: boolean
  ca: string
  cert: string
  key: string
  rejectUnauthorized: boolean
  nativeTopic: string
  frigateEnabled: boolean
  frigatePrefix: string
  snapshotUrlTemplate: string
  /** Frigate camera name → our camera id, as editable rows. */
  cameras: { frigate: string; camera: string }[]
  simulator: BrokerSettingsView['simulator']
  ingest: BrokerSettingsView['ingest']
}

export function formFromView(v: BrokerSettingsView): BrokerForm {
  const b = v.broker
  return {
    mode: b === null ? 'embedded' : 'external',
    port: v.embedded.port,
    url: b?.url ?? '',
    username: b?.username ?? '',
    password: '',
    clearPassword: false,
    protocolVersion: b?.protocolVersion ?? 5,
    clientId: b?.clientId ?? '',
    keepalive: b?.keepalive ?? 30,
    useTls: b?.tls != null,
    ca: b?.tls?.ca ?? '',
    cert: b?.tls?.cert ?? '',
    key: b?.tls?.key ?? '',
    rejectUnauthorized: b?.tls?.rejectUnauthorized ?? true,
    nativeTopic: v.topics.native,
    frigateEnabled: v.frigate.enabled,
    frigatePrefix: v.frigate.topicPrefix,
    snapshotUrlTemplate: v.frigate.snapshotUrlTemplate ?? '',
    cameras: Object.entries(v.frigate.cameras).map(([frigate, camera]) => ({ frigate, camera })),
    simulator: { ...v.simulator },
    ingest: { ...v.ingest }
  }
}

/** A Frigate camera name given twice or left empty in the table, or null. */
export function cameraTableProblem(f: BrokerForm): string | null {
  const seen = new Set<string>()
  for (const row of f.cameras) {
    const name = row.frigate.trim()
    if (name === '' || row.camera.trim() === '' || seen.has(name)) return name || '—'
    seen.add(name)
  }
  return null
}

/** The API input; the password only when one was typed (or its removal asked for). */
export function updateFromForm(f: BrokerForm): BrokerSettingsUpdate {
  const text = (s: string): string | null => (s.trim() === '' ? null : s.trim())
  const external = f.mode === 'external'
  return {
    broker: external
      ? {
          url: f.url.trim(),
          username: text(f.username),
          protocolVersion: f.protocolVersion,
          clientId: text(f.clientId),
          keepalive: f.keepalive,
          tls: f.useTls ? { ca: text(f.ca), cert: text(f.cert), key: text(f.key), rejectUnauthorized: f.rejectUnauthorized } : null
        }
      : null,
    embedded: { port: f.port },
    topics: { native: f.nativeTopic.trim() },
    frigate: {
      enabled: f.frigateEnabled,
      topicPrefix: f.frigatePrefix.trim(),
      snapshotUrlTemplate: text(f.snapshotUrlTemplate),
      cameras: Object.fromEntries(f.cameras.map((r) => [r.frigate.trim(), r.camera.trim()]))
    },
    simulator: { ...f.simulator },
    ingest: { ...f.ingest },
    ...(external && f.password !== '' ? { password: f.password } : external && f.clearPassword ? { password: '' } : {})
  }
}
