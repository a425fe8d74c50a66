import { z } from 'zod'

/**
 * What the broker settings dialog edits: `<dataDir>/mqtt.json` (docs/ALERTS.md "Configuration")
 * without the password, which is only ever written, never read back (`passwordSet` says whether
 * one is stored). This schema checks shape and bounds; main builds the file from it and checks it
 * with the file's own rules (URL, topic filters, TLS files readable), so a refusal names the field
 * the same way an invalid file does. Frigate's label rules and the MQTT 5 session expiry are not
 * in the dialog: they are kept as they are in the file.
 */

/** Text fields: trimmed; empty means "not set" (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((s) => (s === null || s === '' ? null : s))

export const brokerSettingsViewSchema = z.strictObject({
  /** null: the embedded broker on 127.0.0.1 (`embedded.port`). */
  broker: z
    .strictObject({
      url: z.string().trim().min(1, '请填写地址 / enter the broker URL').max(2048),
      username: optionalText(65535),
      /** 4: MQTT 3.1.1; 5: MQTT 5. */
      protocolVersion: z.union([z.literal(4), z.literal(5)]),
      /** null: derived from the data directory (stable across restarts). */
      clientId: optionalText(128),
      keepalive: z.number().int().min(5).max(3600),
      /** null: no TLS options (an `mqtts://` URL still uses TLS with the system's CAs). Paths relative to the data directory. */
      tls: z
        .strictObject({
          ca: optionalText(4096),
          cert: optionalText(4096),
          key: optionalText(4096),
          rejectUnauthorized: z.boolean()
        })
        .nullable()
    })
    .nullable(),
  /** Port of the embedded broker; 0: any free port. */
  embedded: z.strictObject({ port: z.number().int().min(0).max(65535) }),
  topics: z.strictObject({ native: z.string().trim().min(1).max(1024) }),
  frigate: z.strictObject({
    enabled: z.boolean(),
    topicPrefix: z.string().trim().min(1).max(256),
    snapshotUrlTemplate: optionalText(2048),
    /** Frigate camera name → our camera id. */
    cameras: z
      .record(z.string().trim().min(1).max(128), z.string().trim().min(1).max(64))
      .refine((m) => Object.keys(m).length <= 10_000, 'at most 10000 cameras')
  }),
  /** Only runs with the embedded broker. */
  simulator: z.strictObject({
    enabled: z.boolean(),
    rate: z.number().min(0).max(10_000),
    burstEvery: z.number().min(0).max(86_400),
    burstSize: z.number().int().min(0).max(100_000),
    repeatShare: z.number().min(0).max(0.95)
  }),
  ingest: z.strictObject({
    batchMs: z.number().int().min(1).max(5_000),
    batchSize: z.number().int().min(1).max(10_000)
  })
})
export type BrokerSettingsView = z.output<typeof brokerSettingsViewSchema>

/**
 * `alerts.configureBroker`: the view and, optionally, a new password. Absent: keep the stored
 * one; empty string: remove it. Ignored with the embedded broker (the file then has no broker).
 */
export const brokerSettingsUpdateSchema = brokerSettingsViewSchema.extend({
  password: z.string().max(65535).optional()
})
export type BrokerSettingsUpdate = z.input<typeof brokerSettingsUpdateSchema>

/** `alerts.brokerSettings`: the file, whether it is in force, and what the dialog edits. */
export interface BrokerSettingsInfo {
  path: string
  /** default: no file; file: the file is in force; invalid: the file is refused (ingest is disabled). */
  source: 'default' | 'file' | 'invalid'
  /** Why the file is refused (bilingual, naming the field); null unless invalid. */
  error: string | null
  /** A broker password is stored; it is never sent back. */
  passwordSet: boolean
  /** The file's settings, defaults filled in (the defaults when the file cannot be read as settings). */
  settings: BrokerSettingsView
}
