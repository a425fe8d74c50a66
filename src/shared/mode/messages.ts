import { z } from 'zod'
import { incidentLevels, incidentTypes } from '@shared/domain/incident'
import { ringRadiiSchema } from '@shared/domain/incidentInput'

/**
 * The operating mode shared by every wall on one broker (docs/EMERGENCY.md "All walls follow"):
 * each mode.enter / mode.leave is published retained, QoS 1, on `gcc/mode`, and every other wall
 * applies it. Schemas only check shape; the receiver (src/main/mode/inbox.ts) checks markup and
 * times, ignores its own echo and decides which change is newer. Unknown keys are dropped.
 */

/** The retained topic of the current mode. */
export const MODE_TOPIC = 'gcc/mode'

const epochMs = z.number().int().min(0).max(8.64e15)
const who = z.string().min(1).max(64)

/** The incident as the publishing wall has it (src/shared/domain/incident.ts `Incident`). */
export const modeIncidentSchema = z.object({
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
  type: z.enum(incidentTypes),
  level: z.enum(incidentLevels),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  gridCode: z.string().min(1).max(32).nullable(),
  buildingId: z.string().min(1).max(64).nullable(),
  label: z.string().min(1).max(200),
  reason: z.string().min(1).max(500),
  drill: z.boolean(),
  ringsM: ringRadiiSchema,
  startedAt: epochMs,
  startedBy: who,
  endedAt: epochMs.nullable(),
  endedBy: who.nullable(),
  summary: z.string().max(1000).nullable()
})

const common = {
  schemaVersion: z.literal(1),
  /** Unique per message: a message handled before (redelivery, the retained copy again) changes nothing. */
  id: z.string().min(1).max(160),
  /** The publishing wall's instance id (its data directory's MQTT client id): a wall ignores its own. */
  origin: z.string().min(1).max(128),
  /** When the mode changed on the publishing wall (epoch ms): the incident's start, or its end. */
  at: epochMs,
  /** Who switched (the dispatcher's username on the publishing wall). */
  operator: who
}

export const modeMessageSchema = z
  .discriminatedUnion('mode', [
    z.object({ ...common, mode: z.literal('emergency'), incident: modeIncidentSchema }),
    /** incident: the one that ended; null only for an emergency entered before incidents were recorded. */
    z.object({ ...common, mode: z.literal('normal'), incident: modeIncidentSchema.nullable() })
  ])
  .superRefine((m, ctx) => {
    const i = m.incident
    if (i === null) return
    const ok =
      m.mode === 'emergency'
        ? i.endedAt === null && i.startedAt === m.at
        : i.endedAt === m.at && i.endedBy !== null && i.summary !== null && i.startedAt <= m.at
    if (!ok) ctx.addIssue({ code: 'custom', path: ['incident'], message: m.mode === 'emergency' ? 'must be running and start at `at`' : 'must have ended at `at`, by someone, with a summary' })
  })
export type ModeMessage = z.infer<typeof modeMessageSchema>
