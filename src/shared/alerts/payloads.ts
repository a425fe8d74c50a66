import { z } from 'zod'
import { alertTypes, type AlertType } from '@shared/domain/alert'
import { coordinateSystems } from '@shared/domain/geo'

/**
 * The two payload formats of camera-AI alerts (docs/ALERTS.md "Payload formats") and the
 * configuration that maps Frigate NVR's events to our cameras and alert types.
 * Schemas only check shape; the parser (src/main/alerts/parse.ts) checks the rest (markup,
 * cameras, times) and counts every refusal by reason.
 */

/** Topic prefix of the native format: `alerts/{cameraId}`. */
export const NATIVE_TOPIC_PREFIX = 'alerts'
/** Frigate's default topic prefix (`mqtt.topic_prefix` in its config). */
export const DEFAULT_FRIGATE_TOPIC_PREFIX = 'frigate'

/** An http(s) URL; `javascript:`, `data:` and the like are refused. */
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048)

/** Time of a sighting: ISO 8601 with seconds and an offset (`Z` or `+08:00`), or epoch milliseconds. */
export const alertTime = z.union([
  z.iso.datetime({ offset: true }),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
])

/** A position and the coordinate system it is in (DOMAIN.md §7): there is no default. */
export const alertLocationSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  crs: z.enum(coordinateSystems)
})

/**
 * The native format, schema version 1, published on `alerts/{cameraId}`. Unknown keys are
 * dropped (not refused), so a sender may add fields without breaking older receivers.
 */
export const nativeAlertSchema = z.object({
  schemaVersion: z.literal(1),
  /** Stable per alert: repeats of one alert (updates, redeliveries) carry the same id. */
  id: z.string().min(1).max(128),
  cameraId: z.string().min(1).max(64),
  type: z.enum(alertTypes),
  /** Confidence 0–1. */
  score: z.number().min(0).max(1),
  time: alertTime,
  /** Where the object is; absent (or null) → the camera's position. */
  location: alertLocationSchema.nullish(),
  // Optional fields may be absent or null: senders differ, and both mean "none".
  snapshotUrl: httpUrl.nullish(),
  zone: z.string().min(1).max(64).nullish(),
  trackId: z.string().min(1).max(128).nullish()
})
export type NativeAlertPayload = z.infer<typeof nativeAlertSchema>

const frigateZones = z.array(z.string().max(128)).max(64)

/**
 * One tracked object as Frigate publishes it in `before` / `after`. Loose: Frigate sends many
 * more keys than these (box, region, attributes, speeds, plates…) and versions differ; only the
 * keys we read are checked, everything else passes through untouched.
 */
export const frigateTrackedObjectSchema = z
  .looseObject({
    /** `<start time>-<random>`, shared by every message of one tracked object. */
    id: z.string().min(1).max(128),
    camera: z.string().min(1).max(128),
    label: z.string().min(1).max(64),
    /** `null`, `[name, score]` (Frigate ≥ 0.14) or a bare name (older versions). Not used. */
    sub_label: z.union([z.null(), z.string(), z.tuple([z.string(), z.number()]).rest(z.unknown())]).optional(),
    score: z.number().min(0).max(1).nullish(),
    top_score: z.number().min(0).max(1).nullish(),
    /** Unix seconds (float). */
    start_time: z.number().positive(),
    current_zones: frigateZones.default([]),
    /** May still be empty on `new`. */
    entered_zones: frigateZones.default([]),
    has_snapshot: z.boolean().default(false),
    false_positive: z.boolean().default(false)
  })
  .refine((o) => typeof o.score === 'number' || typeof o.top_score === 'number', {
    message: 'score or top_score is required',
    path: ['score']
  })

/** A message on `<prefix>/events`. */
export const frigateEventSchema = z.looseObject({
  type: z.enum(['new', 'update', 'end']),
  before: z.looseObject({}).optional(),
  after: frigateTrackedObjectSchema
})
export type FrigateEventPayload = z.infer<typeof frigateEventSchema>

/** One mapping rule: a Frigate label (and optionally zones) to an alert type. */
export const frigateRuleSchema = z.object({
  /** Frigate's object label, exactly (`person`, `car`, or a custom model's label). */
  label: z.string().min(1).max(64),
  /** Matches when the object is in, or has entered, any of these zones; absent → any place. */
  zones: z.array(z.string().min(1).max(128)).min(1).optional(),
  type: z.enum(alertTypes),
  /** Lowest score (max of Frigate's score and top_score) for the rule to match. */
  minScore: z.number().min(0).max(1).optional()
})
export type FrigateRule = z.infer<typeof frigateRuleSchema>

/**
 * The default rules. Zone names are the ones a deployer gives the zones in Frigate's config;
 * `car`, `person`, `bicycle`, `motorcycle`, `truck`, `bus` are labels of Frigate's stock (COCO)
 * model; `fire`, `smoke`, `fall`, `fight`, `crowd`, `garbage`, `street_vendor` need a custom
 * model with those labels. For "loitering" set `loitering_time` on the Frigate zone: an object
 * appears in a zone's `current_zones` only once it has stayed there that long.
 * First match wins: order matters.
 */
export const defaultFrigateRules: readonly FrigateRule[] = [
  // Fire and smoke anywhere.
  { label: 'fire', type: 'fireSmoke' },
  { label: 'smoke', type: 'fireSmoke' },
  // Electric bikes in an elevator (电动车入梯): Frigate sees them as bicycle or motorcycle.
  { label: 'bicycle', zones: ['elevator'], type: 'eBikeInElevator' },
  { label: 'motorcycle', zones: ['elevator'], type: 'eBikeInElevator' },
  // A person where nobody may be (区域入侵).
  { label: 'person', zones: ['restricted', 'no_entry', 'perimeter'], type: 'intrusion' },
  // A vehicle loitering in a no-parking zone or a fire lane (违停).
  ...(['car', 'truck', 'bus', 'motorcycle'] as const).map(
    (label): FrigateRule => ({ label, zones: ['no_parking', 'fire_lane'], type: 'illegalParking' })
  ),
  // Custom-model labels, anywhere.
  { label: 'fall', type: 'fallDetection' },
  { label: 'fight', type: 'fight' },
  { label: 'crowd', type: 'crowdGathering' },
  { label: 'garbage', type: 'garbageOverflow' },
  { label: 'street_vendor', type: 'streetVending' }
]

/** The Frigate part of the alert configuration. */
export const frigateMappingSchema = z.object({
  /** Frigate's `mqtt.topic_prefix`. */
  topicPrefix: z
    .string()
    .regex(/^[^#+/]+(?:\/[^#+/]+)*$/, 'a topic prefix without wildcards or empty levels')
    .default(DEFAULT_FRIGATE_TOPIC_PREFIX),
  /**
   * Where snapshots are fetched, with `{id}` (and optionally `{camera}`) replaced, URL-encoded:
   * e.g. `http://frigate:5000/api/events/{id}/snapshot.jpg`. Absent → alerts carry no snapshot.
   */
  snapshotUrlTemplate: httpUrl.refine((s) => s.includes('{id}'), 'must contain {id}').optional(),
  /** Frigate camera name → our camera id. A Frigate camera not listed here is an unknown camera. */
  cameras: z.record(z.string().min(1).max(128), z.string().min(1).max(64)).default({}),
  /** Ordered rules, first match wins. */
  rules: z.array(frigateRuleSchema).default(() => [...defaultFrigateRules])
})
export type FrigateMapping = z.infer<typeof frigateMappingSchema>
export type FrigateMappingInput = z.input<typeof frigateMappingSchema>

/** The rule that maps a tracked object, or null. `zones` are current zones first, then entered. */
export function matchFrigateRule(
  rules: readonly FrigateRule[],
  label: string,
  zones: readonly string[],
  score: number
): { type: AlertType; zone: string | null } | null {
  for (const rule of rules) {
    if (rule.label !== label) continue
    if (rule.minScore !== undefined && score < rule.minScore) continue
    if (rule.zones === undefined) return { type: rule.type, zone: zones[0] ?? null }
    const zone = zones.find((z) => rule.zones!.includes(z))
    if (zone !== undefined) return { type: rule.type, zone }
  }
  return null
}
