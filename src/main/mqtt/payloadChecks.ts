import gcoord from 'gcoord'
import type { z } from 'zod'
import type { CoordinateSystem } from '@shared/domain/geo'

/**
 * Checks every incoming MQTT payload goes through, whatever it carries (camera alerts, event
 * state changes): JSON decoding, markup in text, coordinate systems, readable details.
 */

/**
 * Markup in a text field: a tag, closing tag, comment, doctype or processing instruction
 * (`<b`, `</`, `<!--`, `<?`). A lone `<` as in "a < b" is allowed. The wall renders every field
 * with text interpolation anyway; this keeps markup out of the store and of exports.
 */
const MARKUP = /<[a-z!/?]/i

/** Clips text taken from a payload for a detail message. */
export const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n)}…` : s)

/** Strict UTF-8 for payloads, shared: a decode without `stream` starts afresh, an invalid one throws. */
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** The payload as JSON, or why it is not: invalid UTF-8 or malformed JSON. */
export function decodeJson(payload: Uint8Array): { ok: true; json: unknown } | { ok: false; detail: string } {
  try {
    return { ok: true, json: JSON.parse(UTF8.decode(payload)) }
  } catch (e) {
    const what = e instanceof SyntaxError ? e.message : '非 UTF-8 / not UTF-8'
    return { ok: false, detail: `无法解析 JSON / malformed JSON: ${clip(what, 120)}` }
  }
}

/** The first schema issue, readable: `path: message (+more)`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1})` : ''
  return `${path}: ${issue?.message ?? '?'}${more}`
}

/**
 * Whether any string (or key) in the value contains markup: the common "no" answered without
 * building paths. Iterative: deep JSON cannot overflow the stack.
 */
function hasMarkup(value: unknown): boolean {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string') {
      if (MARKUP.test(v)) return true
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item)
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        if (MARKUP.test(k)) return true
        stack.push((v as Record<string, unknown>)[k])
      }
    }
  }
  return false
}

/** The path of the first string (or key) that contains markup, or null. Iterative: deep JSON cannot overflow the stack. */
export function markupPath(value: unknown): string | null {
  if (!hasMarkup(value)) return null
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }]
  while (stack.length > 0) {
    const { v, path } = stack.pop()!
    if (typeof v === 'string') {
      if (MARKUP.test(v)) return path || '(root)'
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: `${path}[${i}]` }))
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k
        if (MARKUP.test(k)) return clip(p)
        stack.push({ v: item, path: p })
      }
    }
  }
  return null
}

/** WGS-84 from the payload's system; CGCS2000 is taken as WGS-84 (DOMAIN.md §7). */
export function toWgs84(lon: number, lat: number, crs: CoordinateSystem): [number, number] {
  if (crs === 'WGS84' || crs === 'CGCS2000') return [lon, lat]
  const [x, y] = gcoord.transform<[number, number]>([lon, lat], crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84)
  return [x, y]
}

/** Epoch ms of a payload time (ISO 8601 with an offset, or epoch ms); NaN when unreadable. */
export const payloadTime = (t: string | number): number => (typeof t === 'number' ? t : Date.parse(t))

/** A payload time for a refusal's detail: ISO 8601 when it is a date at all, else the raw number (never throws). */
export function timeText(ms: number): string {
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString()
}
