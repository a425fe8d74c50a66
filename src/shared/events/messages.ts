import { z } from 'zod'
import { alertLocationSchema, alertTime } from '@shared/alerts/payloads'
import { eventCategoryIds, type EventCategoryId } from '@shared/domain/categories'
import { disputeFactsSchema } from '@shared/domain/dispute'
import { eventActions, eventSources, type EventAction } from '@shared/domain/event'
import { isRegionCode } from '@shared/domain/gridCode'

/**
 * State changes of governance events from the governance platform (docs/EVENTS.md "State changes
 * over MQTT"), published on `events/{eventId}` with QoS 1. A message is one step of the closed
 * loop: a new event (`report`) or an action of the state machine (src/shared/domain/event.ts).
 * Schemas only check shape; the receiver (src/main/events/inbox.ts) checks the rest (markup, the
 * event and its state, times) and counts every refusal by reason. Unknown keys are dropped, not
 * refused, so the platform may add fields without breaking older walls.
 */

/** Topic prefix: `events/{eventId}`. */
export const EVENTS_TOPIC_PREFIX = 'events'

const eventId = z.string().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only')

const common = {
  schemaVersion: z.literal(1),
  /** Unique per message: a repeated message (redelivery, a resend) is applied once. */
  id: z.string().min(1).max(128),
  eventId,
  /** When it happened on the platform: ISO 8601 with an offset, or epoch ms. */
  at: alertTime,
  /** Who did it: a staff id, a platform user or `system`. */
  actor: z.string().min(1).max(64),
  note: z.string().max(500).nullish()
}

/** A new event. Its deadline follows from its category and level (deadlineFor); it is not sent. */
export const reportedEventSchema = z.object({
  category: z.enum(eventCategoryIds as [EventCategoryId, ...EventCategoryId[]]),
  /** Absent: the category's default level. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  source: z.enum(eventSources),
  title: z.string().trim().min(1).max(200),
  location: alertLocationSchema,
  /** The owning grid when the platform knows it; absent: the grid that contains the location. */
  gridCode: z
    .string()
    .refine((c) => isRegionCode(c, 'grid'), 'must be a grid code')
    .optional(),
  /** A dispute's facts (people involved, urgency, money at stake) for its early warning; disputes only. */
  dispute: disputeFactsSchema.optional()
}).refine((e) => e.dispute === undefined || e.category === 'dispute', { message: 'dispute facts belong to a dispute only', path: ['dispute'] })

const otherActions = eventActions.filter((a) => a !== 'rate') as Exclude<EventAction, 'rate'>[]

export const eventMessageSchema = z.discriminatedUnion('action', [
  z.object({ ...common, action: z.literal('report'), event: reportedEventSchema }),
  /** The resident's follow-up: 1–5 stars. */
  z.object({ ...common, action: z.literal('rate'), satisfaction: z.number().int().min(1).max(5) }),
  z.object({ ...common, action: z.enum(otherActions as [Exclude<EventAction, 'rate'>, ...Exclude<EventAction, 'rate'>[]]) })
])
export type EventMessage = z.infer<typeof eventMessageSchema>
