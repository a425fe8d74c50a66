import type { z } from 'zod'
import { MAX_ALERT_PAYLOAD_BYTES, type RejectReason } from '@shared/alerts/rejections'
import type { IncomingMessage, Rejection } from '../alerts/types'
import { excerptOf } from '../alerts/parse'
import { clip, decodeJson, firstIssue, markupPath, timeText } from './payloadChecks'
import type { Store } from '../store/store'

/** Why an inbox (event state changes, the mode) refuses one message: thrown by `refuse`, caught per message. */
export class Refused {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string
  ) {}
}

export const refuse = (reason: RejectReason, detail: string): never => {
  throw new Refused(reason, detail)
}

/** The counted, quarantined refusal of this message (store.alerts.reject). */
export const rejectionOf = (e: Refused, message: IncomingMessage, at: number): Rejection => ({
  reason: e.reason,
  detail: e.detail,
  topic: clip(message.topic, 200),
  excerpt: excerptOf(message.payload),
  bytes: message.payload.byteLength,
  at
})

/** The messages of a mixed batch that `mine` selects, and the others, both in arrival order. */
export function splitBatch(batch: readonly IncomingMessage[], mine: (topic: string) => boolean): { own: IncomingMessage[]; others: IncomingMessage[] } {
  const own: IncomingMessage[] = []
  const others: IncomingMessage[] = []
  for (const m of batch) (mine(m.topic) ? own : others).push(m)
  return { own, others }
}

/**
 * Applies each message in one transaction, in order: `apply` checks before it writes and throws
 * `Refused` to refuse; refusals are counted and quarantined with the camera alerts' and never stop
 * the batch. Returns the outcomes of the messages not refused.
 */
export function commitEach<T>(store: Store, batch: readonly IncomingMessage[], now: () => number, apply: (m: IncomingMessage, now: number) => T): T[] {
  return store.transaction(() => {
    const refused: Rejection[] = []
    const done: T[] = []
    for (const message of batch) {
      const at = now()
      try {
        done.push(apply(message, at))
      } catch (e) {
        if (!(e instanceof Refused)) throw e
        refused.push(rejectionOf(e, message, at))
      }
    }
    store.alerts.reject(refused)
    return done
  })
}

/** A time more than this far in the future is refused (clock skew tolerated up to it). */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000

/**
 * The payload checked as every inbox checks it: size, UTF-8 JSON, the schema (`what` names it in
 * the refusal), no markup in text fields, and its time (`at`, epoch ms) no more than a day ahead of `now`.
 */
export function parsePayload<S extends z.ZodType>(message: IncomingMessage, schema: S, what: string, now: number, at: (m: z.output<S>) => number): z.output<S> {
  const bytes = message.payload.byteLength
  if (bytes > MAX_ALERT_PAYLOAD_BYTES) refuse('tooLarge', `载荷过大 / payload of ${bytes} bytes exceeds ${MAX_ALERT_PAYLOAD_BYTES}`)
  const decoded = decodeJson(message.payload)
  if (!decoded.ok) return refuse('malformedJson', decoded.detail)
  const r = schema.safeParse(decoded.json)
  if (!r.success) return refuse('badSchema', `${what}: ${firstIssue(r.error)}`)
  const where = markupPath(decoded.json)
  if (where !== null) refuse('html', `文本字段含有标记 / markup in a text field: ${where}`)
  const time = at(r.data)
  if (time > now + MAX_FUTURE_MS) refuse('absurdTime', `时间超前超过 24 小时 / time more than 24 h ahead: ${timeText(time)}`)
  return r.data
}
