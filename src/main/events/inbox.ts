import { MAX_ALERT_PAYLOAD_BYTES } from '@shared/alerts/rejections'
import { deadlineFor, eventCategories } from '@shared/domain/categories'
import { canTransition, eventActionNames, eventStatusNames, eventTransitions } from '@shared/domain/event'
import { EVENTS_TOPIC_PREFIX, eventMessageSchema, type EventMessage } from '@shared/events/messages'
import type { IncomingMessage, Rejection } from '../alerts/types'
import { clip, decodeJson, firstIssue, markupPath, payloadTime, timeText, toWgs84 } from '../mqtt/payloadChecks'
import { Refused, refuse, rejectionOf } from '../mqtt/refusal'
import type { Store } from '../store/store'

/** A state change more than this far in the future is refused (clock skew tolerated up to it). */
export const EVENT_MESSAGE_MAX_FUTURE_MS = 24 * 60 * 60 * 1000

export interface EventInboxDeps {
  store: Store
  now: () => number
  /** The grid that contains a WGS-84 point, or null outside the district. */
  locate: (lon: number, lat: number) => string | null
  /** After a batch is committed: the events that changed (or were reported). */
  changed: (eventIds: string[]) => void
}


/** `events/{eventId}` → the id; null for any other topic. */
export function eventIdOfTopic(topic: string, prefix = EVENTS_TOPIC_PREFIX): string | null {
  if (!topic.startsWith(`${prefix}/`)) return null
  const id = topic.slice(prefix.length + 1)
  return id.length > 0 && !id.includes('/') ? id : null
}

/**
 * Event state changes from the governance platform (docs/EVENTS.md "State changes over MQTT"):
 * each batch of `events/{id}` messages is checked and applied in one transaction, in arrival
 * order, against the same state machine as the wall's actions. A message applied before (same
 * id) changes nothing; a refused one is counted and quarantined with the camera alerts' refusals,
 * by reason, and never stops the batch. It throws only when the store cannot commit: the link
 * then does not acknowledge the batch and the broker delivers it again.
 */
export class EventInbox {
  readonly counters = { applied: 0 }

  constructor(
    private readonly d: EventInboxDeps,
    private readonly prefix = EVENTS_TOPIC_PREFIX
  ) {}

  /** Commits the messages of a mixed batch that are on its topics (`events/…`); returns the others, in order. */
  commitOwn(batch: readonly IncomingMessage[]): IncomingMessage[] {
    const own: IncomingMessage[] = []
    const others: IncomingMessage[] = []
    for (const m of batch) (m.topic.startsWith(`${this.prefix}/`) ? own : others).push(m)
    this.commit(own)
    return others
  }

  commit(batch: readonly IncomingMessage[]): void {
    if (batch.length === 0) return
    const { store } = this.d
    const changed = new Set<string>()
    let applied = 0
    store.transaction(() => {
      const refused: Rejection[] = []
      for (const message of batch) {
        const result = this.apply(message)
        if (result === null) continue
        if ('reason' in result) refused.push(result)
        else {
          changed.add(result.eventId)
          applied++
        }
      }
      store.alerts.reject(refused)
    })
    this.counters.applied += applied
    if (changed.size > 0) this.d.changed([...changed])
  }

  /** Applies one message in the caller's transaction: the event it changed, null for a repeat, or why it was refused. */
  private apply(message: IncomingMessage): { eventId: string } | Rejection | null {
    const now = this.d.now()
    try {
      const m = this.parse(message, now)
      if (this.d.store.events.messageApplied(m.id)) return null
      if (m.action === 'report') this.report(m, now)
      else this.transition(m)
      this.d.store.events.recordMessage(m.id, m.eventId, now)
      return { eventId: m.eventId }
    } catch (e) {
      if (!(e instanceof Refused)) throw e
      return rejectionOf(e, message, now)
    }
  }

  private parse(message: IncomingMessage, now: number): EventMessage & { atMs: number } {
    const topicId = eventIdOfTopic(message.topic, this.prefix)
    if (topicId === null) refuse('unknownTopic', `未订阅的主题 / topic not read: ${clip(message.topic)}`)
    const bytes = message.payload.byteLength
    if (bytes > MAX_ALERT_PAYLOAD_BYTES) refuse('tooLarge', `载荷过大 / payload of ${bytes} bytes exceeds ${MAX_ALERT_PAYLOAD_BYTES}`)
    const decoded = decodeJson(message.payload)
    if (!decoded.ok) return refuse('malformedJson', decoded.detail)
    const r = eventMessageSchema.safeParse(decoded.json)
    if (!r.success) return refuse('badSchema', `不符合事件状态格式 / not a valid event state change: ${firstIssue(r.error)}`)
    const where = markupPath(decoded.json)
    if (where !== null) refuse('html', `文本字段含有标记 / markup in a text field: ${where}`)
    const m = r.data
    if (m.eventId !== topicId) refuse('badSchema', `主题与载荷的事件不一致 / topic event ${clip(topicId!)} ≠ payload eventId ${clip(m.eventId)}`)
    const atMs = payloadTime(m.at)
    if (Number.isNaN(atMs)) refuse('badSchema', `时间无效 / invalid time: ${clip(String(m.at))}`)
    if (atMs > now + EVENT_MESSAGE_MAX_FUTURE_MS) refuse('absurdTime', `时间超前超过 24 小时 / time more than 24 h ahead: ${timeText(atMs)}`)
    return { ...m, atMs }
  }

  private report(m: Extract<EventMessage, { action: 'report' }> & { atMs: number }, now: number): void {
    const { store } = this.d
    if (store.events.row(m.eventId)) refuse('illegalTransition', `事件已存在，不能再次上报 / event ${clip(m.eventId)} exists: cannot report it again`)
    const e = m.event
    const [lon, lat] = toWgs84(e.location.lon, e.location.lat, e.location.crs)
    const gridCode = e.gridCode ?? this.d.locate(lon, lat)
    if (gridCode === null) refuse('outsideDistrict', `位置不在辖区任何网格内 / ${lon.toFixed(5)},${lat.toFixed(5)} lies in no grid of the district`)
    if (store.regions.get(gridCode!)?.level !== 'grid') refuse('badSchema', `没有该网格 / no grid ${clip(gridCode!)}`)
    if (m.atMs < now - 366 * 24 * 60 * 60 * 1000) refuse('absurdTime', `上报时间早于一年前 / reported more than a year ago: ${timeText(m.atMs)}`)
    const level = e.level ?? eventCategories[e.category].defaultLevel
    store.events.insertMany(
      [
        {
          id: m.eventId,
          category: e.category,
          source: e.source,
          level,
          status: 'reported',
          gridCode: gridCode!,
          title: e.title,
          lon,
          lat,
          reportedAt: m.atMs,
          deadlineAt: deadlineFor(e.category, level, m.atMs),
          closedAt: null,
          satisfaction: null,
          reporterId: m.actor,
          handlerId: null
        }
      ],
      [{ eventId: m.eventId, action: 'report', status: 'reported', at: m.atMs, actor: m.actor }]
    )
    if (e.dispute) store.disputes.insertMany([{ eventId: m.eventId, facts: e.dispute }])
  }

  private transition(m: Exclude<EventMessage, { action: 'report' }> & { atMs: number }): void {
    const { store } = this.d
    const event = store.events.row(m.eventId)
    if (!event) return refuse('unknownEvent', `没有该事件 / no event with id ${clip(m.eventId)}`)
    if (!canTransition(event.status, m.action)) {
      refuse(
        'illegalTransition',
        `事件${eventStatusNames[event.status]}，不能${eventActionNames[m.action]} / event ${clip(m.eventId)} is ${event.status}: cannot ${m.action}`
      )
    }
    if (m.atMs < event.reportedAt) refuse('absurdTime', `时间早于事件上报 / time before the event was reported: ${timeText(m.atMs)}`)
    store.events.applyTransition(m.eventId, m.action, eventTransitions[m.action].to, m.atMs, m.actor, m.action === 'rate' ? m.satisfaction : null)
  }
}

/** The inbox for the configured event topic (`<prefix>/+`), or null when event state changes are not read. */
export function eventInboxFor(
  settings: { topics: { events: string | null } },
  store: Store,
  o: { now: () => number; eventsChanged?: (eventIds: string[]) => void },
  locate: (lon: number, lat: number) => string | null
): EventInbox | null {
  const topic = settings.topics.events
  return topic === null ? null : new EventInbox({ store, now: o.now, locate, changed: o.eventsChanged ?? (() => {}) }, topic.slice(0, -2))
}
