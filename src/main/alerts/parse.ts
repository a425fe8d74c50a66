import type { z } from 'zod'
import { MAX_ALERT_PAYLOAD_BYTES, type RejectReason } from '@shared/alerts/rejections'
import {
  frigateEventSchema,
  matchFrigateRule,
  nativeAlertSchema,
  NATIVE_TOPIC_PREFIX,
  type FrigateEventPayload,
  type FrigateMapping,
  type NativeAlertPayload
} from '@shared/alerts/payloads'
import { clip, decodeJson, firstIssue, markupPath, timeText, toWgs84 } from '../mqtt/payloadChecks'
import type { IncomingMessage, ParsedAlert, ParseResult } from './types'

/** A sighting more than this far in the future is refused (clock skew tolerated up to it). */
export const ALERT_MAX_FUTURE_MS = 24 * 60 * 60 * 1000
/** A sighting older than this is refused: older than the retention of alerts. */
export const ALERT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000
/** Characters of the payload kept in a rejection, shown as text, never interpreted. */
export const EXCERPT_CHARS = 200

export interface ParseContext {
  /** Now (epoch ms), for the time bounds and the rejection's time. */
  now(): number
  /** Whether the district has this camera (our id). */
  cameraExists(id: string): boolean
  /** Frigate camera and label mapping, with its topic prefix (schema-parsed, defaults applied). */
  frigate: FrigateMapping
  /** Topic prefix of the native format; default `alerts`. */
  nativeTopicPrefix?: string
}

type Topic = { format: 'native'; cameraId: string } | { format: 'frigate' } | { ignored: true } | null

/**
 * `alerts/{cameraId}` → native; `<prefix>/events` → Frigate; any other topic under the Frigate
 * prefix (`available`, `reviews`, counts, snapshots, stats) → ignored; anything else → null.
 */
function classifyTopic(topic: string, ctx: ParseContext): Topic {
  const native = `${ctx.nativeTopicPrefix ?? NATIVE_TOPIC_PREFIX}/`
  if (topic.startsWith(native)) {
    const cameraId = topic.slice(native.length)
    return cameraId.length > 0 && !cameraId.includes('/') ? { format: 'native', cameraId } : null
  }
  const frigate = `${ctx.frigate.topicPrefix}/`
  if (topic === `${frigate}events`) return { format: 'frigate' }
  if (topic.startsWith(frigate)) return { ignored: true }
  return null
}

/** Printable text of at most EXCERPT_CHARS characters: control characters and invalid UTF-8 escaped. */
export function excerptOf(payload: Uint8Array): string {
  const head = payload.subarray(0, EXCERPT_CHARS * 4)
  let text: string
  try {
    // stream: a multi-byte character cut at the end of `head` is held back, not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
  } catch {
    let out = ''
    for (const b of head.subarray(0, EXCERPT_CHARS)) {
      const shown = b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`
      if (out.length + shown.length > EXCERPT_CHARS) break
      out += shown
    }
    return out
  }
  let out = ''
  let n = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    const shown = (c < 0x20 && ch !== '\n' && ch !== '\t') || c === 0x7f ? `\\u${c.toString(16).padStart(4, '0')}` : ch
    n += shown === ch ? 1 : shown.length
    if (n > EXCERPT_CHARS) break
    out += shown
  }
  return out
}

class Refused {
  constructor(
    readonly reason: RejectReason,
    readonly detail: string
  ) {}
}

function refuse(reason: RejectReason, detail: string): never {
  throw new Refused(reason, detail)
}

function schemaDetail(format: string, error: z.ZodError): string {
  return `不符合${format === 'native' ? '原生' : ' Frigate '}格式 / not a valid ${format} payload: ${firstIssue(error)}`
}

function checkTime(at: number, now: number): void {
  if (at > now + ALERT_MAX_FUTURE_MS) {
    refuse('absurdTime', `时间超前超过 24 小时 / time more than 24 h ahead: ${timeText(at)}`)
  }
  if (at < now - ALERT_MAX_AGE_MS) {
    refuse('absurdTime', `时间早于 30 天前 / time older than 30 days: ${timeText(at)}`)
  }
}

function parseNative(json: unknown, topicCameraId: string, ctx: ParseContext, now: number): ParsedAlert {
  const r = nativeAlertSchema.safeParse(json)
  if (!r.success) refuse('badSchema', schemaDetail('native', r.error))
  const p: NativeAlertPayload = r.data
  const where = markupPath(json)
  if (where !== null) refuse('html', `文本字段含有标记 / markup in a text field: ${where}`)
  if (p.cameraId !== topicCameraId) {
    refuse('badSchema', `主题与载荷的摄像头不一致 / topic camera ${clip(topicCameraId)} ≠ payload cameraId ${clip(p.cameraId)}`)
  }
  if (!ctx.cameraExists(p.cameraId)) refuse('unknownCamera', `未知摄像头 / unknown camera: ${clip(p.cameraId)}`)
  const at = typeof p.time === 'number' ? p.time : Date.parse(p.time)
  if (Number.isNaN(at)) refuse('badSchema', `时间无效 / invalid time: ${clip(String(p.time))}`)
  checkTime(at, now)
  return {
    id: p.id,
    format: 'native',
    cameraId: p.cameraId,
    type: p.type,
    score: p.score,
    at,
    position: p.location ? toWgs84(p.location.lon, p.location.lat, p.location.crs) : null,
    snapshotUrl: p.snapshotUrl ?? null,
    zone: p.zone ?? null,
    trackId: p.trackId ?? null,
    ended: false
  }
}

/** Returns null for a false positive (ignored). */
function parseFrigate(json: unknown, ctx: ParseContext, now: number): ParsedAlert | null {
  const r = frigateEventSchema.safeParse(json)
  if (!r.success) refuse('badSchema', schemaDetail('frigate', r.error))
  const p: FrigateEventPayload = r.data
  const where = markupPath(json)
  if (where !== null) refuse('html', `文本字段含有标记 / markup in a text field: ${where}`)
  const o = p.after
  // Frigate's own verdict: not (yet) a real object. Nothing to store, nothing to count.
  if (o.false_positive) return null
  const mapping = ctx.frigate
  const cameraId = Object.hasOwn(mapping.cameras, o.camera) ? mapping.cameras[o.camera] : undefined
  if (cameraId === undefined) refuse('unknownCamera', `Frigate 摄像头未映射 / Frigate camera not mapped: ${clip(o.camera)}`)
  if (!ctx.cameraExists(cameraId)) {
    refuse('unknownCamera', `未知摄像头 / unknown camera: ${clip(cameraId)} (Frigate ${clip(o.camera)})`)
  }
  const score = Math.max(o.score ?? 0, o.top_score ?? 0)
  const zones = [...new Set([...o.current_zones, ...o.entered_zones])]
  const match = matchFrigateRule(mapping.rules, o.label, zones, score)
  if (match === null) {
    refuse(
      'unmappedLabel',
      `无对应预警类型 / no rule for label ${clip(o.label)} in zones [${clip(zones.join(', '))}] at score ${score.toFixed(2)}`
    )
  }
  const at = Math.round(o.start_time * 1000)
  checkTime(at, now)
  const template = mapping.snapshotUrlTemplate
  return {
    id: `frigate:${o.camera}:${o.id}`,
    format: 'frigate',
    cameraId: cameraId,
    type: match.type,
    score,
    at,
    position: null,
    snapshotUrl:
      template && o.has_snapshot
        ? template.replaceAll('{id}', encodeURIComponent(o.id)).replaceAll('{camera}', encodeURIComponent(o.camera))
        : null,
    zone: match.zone,
    trackId: o.id,
    ended: p.type === 'end'
  }
}

const IGNORED = { ignored: true } as const

/** A refused message, with its reason and detail (a function of its own: no closure made for every message). */
function rejected(msg: IncomingMessage, now: number, reason: RejectReason, detail: string): ParseResult {
  return {
    ok: false,
    rejection: { reason, detail, topic: clip(msg.topic, 200), excerpt: excerptOf(msg.payload), bytes: msg.payload.byteLength, at: now }
  }
}

/**
 * Parses one broker message. Never throws: every input gives an alert, an ignore or a rejection
 * with a reason. Checks, in order: topic (unknown → unknownTopic; other Frigate topics such as
 * `frigate/available` or snapshot JPEGs → ignored, before their size is looked at), size (without
 * decoding), UTF-8 and JSON, schema, markup, topic/payload camera, camera, Frigate false
 * positive (ignored), Frigate label and zone, time. Coordinates are converted to WGS-84;
 * whether they lie in the district is the router's question. Throws only if the context does.
 */
export function parseAlertMessage(msg: IncomingMessage, ctx: ParseContext): ParseResult {
  const now = ctx.now()
  const bytes = msg.payload.byteLength
  try {
    const topic = classifyTopic(msg.topic, ctx)
    if (topic === null) return rejected(msg, now, 'unknownTopic', `未订阅的主题 / topic not read: ${clip(msg.topic)}`)
    if ('ignored' in topic) return IGNORED
    if (bytes > MAX_ALERT_PAYLOAD_BYTES) {
      return rejected(msg, now, 'tooLarge', `载荷过大 / payload of ${bytes} bytes exceeds ${MAX_ALERT_PAYLOAD_BYTES}`)
    }
    const decoded = decodeJson(msg.payload)
    if (!decoded.ok) return rejected(msg, now, 'malformedJson', decoded.detail)
    const { json } = decoded
    if (topic.format === 'native') return { ok: true, alert: parseNative(json, topic.cameraId, ctx, now) }
    const alert = parseFrigate(json, ctx, now)
    return alert === null ? IGNORED : { ok: true, alert }
  } catch (e) {
    if (e instanceof Refused) return rejected(msg, now, e.reason, e.detail)
    // Not the message's fault (e.g. the context's store is closed): the caller decides.
    throw e
  }
}
