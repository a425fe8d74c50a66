import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rejectReasons } from '@shared/alerts/rejections'
import { alertTypes } from '@shared/domain/alert'
import { ALERT_MAX_AGE_MS, ALERT_MAX_FUTURE_MS, parseAlertMessage } from '../../../src/main/alerts/parse'
import type { ParseResult } from '../../../src/main/alerts/types'
import { CAMERAS, context, FRIGATE_DOC_NOW, frigateFixture, message, NOW } from './support'

/**
 * Property-based tests: whatever arrives, the parser answers with a ParseResult (never throws),
 * refusals carry a known reason, and nothing it lets through carries markup.
 */

const RUNS = 400
const MARKUP = /<[a-z!/?]/i
const ctx = context()
const frigateCtx = context(FRIGATE_DOC_NOW)

const topics = fc.oneof(
  fc.constantFrom('alerts/CAM000001', 'alerts/CAM000002', 'alerts/CAM404', 'frigate/events', 'frigate/available', 'frigate/reviews'),
  fc.string({ maxLength: 40 })
)

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) strings(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out)
  return out
}

/** What every result must satisfy. */
function checkResult(result: ParseResult, now: number): void {
  if ('ignored' in result) {
    expect(result).toEqual({ ignored: true })
    return
  }
  if (!result.ok) {
    const r = result.rejection
    expect(rejectReasons).toContain(r.reason)
    expect(typeof r.detail).toBe('string')
    expect(r.detail.length).toBeGreaterThan(0)
    expect([...r.excerpt].length).toBeLessThanOrEqual(200)
    expect(r.at).toBe(now)
    return
  }
  const a = result.alert
  expect(alertTypes).toContain(a.type)
  expect(CAMERAS).toContain(a.cameraId)
  expect(a.score).toBeGreaterThanOrEqual(0)
  expect(a.score).toBeLessThanOrEqual(1)
  expect(a.at).toBeGreaterThanOrEqual(now - ALERT_MAX_AGE_MS)
  expect(a.at).toBeLessThanOrEqual(now + ALERT_MAX_FUTURE_MS)
  if (a.position) expect(a.position.every(Number.isFinite)).toBe(true)
  if (a.snapshotUrl) expect(a.snapshotUrl).toMatch(/^https?:\/\//)
  for (const s of strings(a)) expect(s).not.toMatch(MARKUP)
}

/** Text without markup, for fields that must pass. */
const text = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'binary', minLength, maxLength }).filter((s) => !MARKUP.test(s))

const pad = (n: number): string => String(n).padStart(2, '0')
/** The same instant as ISO 8601 in Beijing time (+08:00). */
const beijingIso = (t: number): string => {
  const d = new Date(t + 8 * 3_600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}+08:00`
}

const validTime = fc.integer({ min: NOW - ALERT_MAX_AGE_MS, max: NOW + ALERT_MAX_FUTURE_MS })

const validNative = fc
  .record(
    {
      id: text(1, 64),
      cameraId: fc.constantFrom(...CAMERAS),
      type: fc.constantFrom(...alertTypes),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      at: validTime,
      timeForm: fc.constantFrom('ms', 'utc', 'beijing'),
      location: fc.option(
        fc.record({
          lon: fc.double({ min: -180, max: 180, noNaN: true }),
          lat: fc.double({ min: -90, max: 90, noNaN: true }),
          crs: fc.constantFrom('WGS84', 'CGCS2000', 'GCJ02', 'BD09')
        }),
        { nil: undefined }
      ),
      snapshotUrl: fc.option(fc.webUrl({ validSchemes: ['http', 'https'] }), { nil: undefined }),
      zone: fc.option(text(1, 32), { nil: undefined }),
      trackId: fc.option(text(1, 64), { nil: undefined })
    },
    { requiredKeys: ['id', 'cameraId', 'type', 'score', 'at', 'timeForm'] }
  )
  .map(({ at, timeForm, ...rest }) => ({
    at,
    payload: {
      schemaVersion: 1,
      ...rest,
      time: timeForm === 'ms' ? at : timeForm === 'utc' ? new Date(at).toISOString() : beijingIso(at)
    } as Record<string, unknown>
  }))

/** Frigate objects the default rules map: [label, zones]. */
const mappedFrigate: readonly [string, string[]][] = [
  ['person', ['restricted']],
  ['person', ['driveway']],
  ['car', ['no_parking']],
  ['bicycle', ['elevator']],
  ['fire', []],
  ['smoke', ['yard']]
]

const validFrigate = fc
  .record({
    type: fc.constantFrom('new', 'update', 'end'),
    id: text(1, 64),
    camera: fc.constantFrom('front_door', 'gate'),
    rule: fc.constantFrom(...mappedFrigate),
    inCurrent: fc.boolean(),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
    top_score: fc.double({ min: 0, max: 1, noNaN: true }),
    start: fc.double({ min: (FRIGATE_DOC_NOW - ALERT_MAX_AGE_MS) / 1000 + 1, max: (FRIGATE_DOC_NOW + ALERT_MAX_FUTURE_MS) / 1000 - 1, noNaN: true }),
    has_snapshot: fc.boolean(),
    sub_label: fc.constantFrom(null, 'Bob', ['Bob', 0.8])
  })
  .map(({ type, rule: [label, zones], inCurrent, start, ...o }) => {
    const doc = frigateFixture('events-update')
    return {
      ...doc,
      type,
      after: {
        ...doc.after,
        ...o,
        label,
        start_time: start,
        current_zones: inCurrent ? zones : [],
        entered_zones: inCurrent ? [] : zones,
        false_positive: false
      }
    }
  })

/** Changes one thing in a payload: a key removed, a value replaced, markup added, the text cut or a byte flipped. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), key: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), key: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('markup' as const), key: fc.nat(), tag: fc.constantFrom('<b>', '</p>', '<!--', '<?x', '<IMG src=x>') }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) })
)

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(payload: Record<string, any>, m: Mutation): Uint8Array {
  // Frigate payloads are mutated inside `after`, where the fields are.
  const target: Record<string, unknown> = { ...(payload.after ?? payload) }
  const keys = Object.keys(target)
  if (m.kind === 'delete') delete target[keys[m.key % keys.length]!]
  if (m.kind === 'replace') target[keys[m.key % keys.length]!] = m.value
  if (m.kind === 'markup') {
    const key = keys[m.key % keys.length]!
    const v = target[key]
    target[key] = `${typeof v === 'string' ? v : JSON.stringify(v)}${m.tag}`
  }
  const json = JSON.stringify(payload.after ? { ...payload, after: target } : target)
  const bytes = new TextEncoder().encode(json)
  if (m.kind === 'cut') return bytes.subarray(0, m.at % bytes.length)
  if (m.kind === 'flip') bytes[m.at % bytes.length] = m.byte
  return bytes
}

describe('the alert parser under random input', () => {
  it('answers random bytes on any topic with a result, never a throw', () => {
    fc.assert(
      fc.property(topics, fc.uint8Array({ maxLength: 600 }), (topic, bytes) => {
        checkResult(parseAlertMessage(message(topic, bytes), ctx), NOW)
      }),
      { numRuns: RUNS }
    )
  })

  it('answers random JSON on the alert topics with a result, never an alert it should not give', () => {
    fc.assert(
      fc.property(topics, fc.jsonValue({ maxDepth: 5 }), (topic, value) => {
        const result = parseAlertMessage(message(topic, JSON.stringify(value) ?? 'null'), ctx)
        checkResult(result, NOW)
        expect('ok' in result && result.ok).toBe(false)
      }),
      { numRuns: RUNS }
    )
  })

  it('answers random objects shaped almost like alerts', () => {
    const almost = fc.record(
      {
        schemaVersion: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
        id: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        cameraId: fc.oneof(fc.constantFrom(...CAMERAS), fc.string()),
        type: fc.oneof(fc.constantFrom(...alertTypes), fc.string()),
        score: fc.oneof(fc.double(), fc.jsonValue({ maxDepth: 1 })),
        time: fc.oneof(fc.integer(), fc.string(), fc.constant(NOW)),
        location: fc.jsonValue({ maxDepth: 2 }),
        snapshotUrl: fc.oneof(fc.webUrl(), fc.string()),
        zone: fc.string({ unit: 'binary' })
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(almost, (value) => {
        checkResult(parseAlertMessage(message('alerts/CAM000001', value), ctx), NOW)
      }),
      { numRuns: RUNS }
    )
  })

  it('parses every valid native payload, to what it says', () => {
    fc.assert(
      fc.property(validNative, ({ at, payload }) => {
        const result = parseAlertMessage(message(`alerts/${String(payload['cameraId'])}`, payload), ctx)
        checkResult(result, NOW)
        if (!('ok' in result) || !result.ok) throw new Error(`refused: ${JSON.stringify(result)}`)
        expect(result.alert).toMatchObject({ id: payload['id'], type: payload['type'], score: payload['score'], at })
        const loc = payload['location'] as { lon: number; lat: number; crs: string } | undefined
        if (loc === undefined) expect(result.alert.position).toBeNull()
        else if (loc.crs === 'WGS84' || loc.crs === 'CGCS2000') expect(result.alert.position).toEqual([loc.lon + 0, loc.lat + 0])
      }),
      { numRuns: RUNS }
    )
  })

  it('parses every valid Frigate event the rules map, as one alert per tracked object', () => {
    fc.assert(
      fc.property(validFrigate, (payload) => {
        const result = parseAlertMessage(message('frigate/events', payload), frigateCtx)
        checkResult(result, FRIGATE_DOC_NOW)
        if (!('ok' in result) || !result.ok) throw new Error(`refused: ${JSON.stringify(result)}`)
        expect(result.alert.id).toBe(`frigate:${payload.after.camera}:${payload.after.id}`)
        expect(result.alert.ended).toBe(payload.type === 'end')
        expect(result.alert.score).toBe(Math.max(payload.after.score, payload.after.top_score))
      }),
      { numRuns: RUNS }
    )
  })

  it('answers mutated valid payloads with a result, never a throw', () => {
    fc.assert(
      fc.property(validNative, mutation, ({ payload }, m) => {
        checkResult(parseAlertMessage(message('alerts/CAM000001', mutate(payload, m)), ctx), NOW)
      }),
      { numRuns: RUNS }
    )
    fc.assert(
      fc.property(validFrigate, mutation, (payload, m) => {
        checkResult(parseAlertMessage(message('frigate/events', mutate(payload, m)), frigateCtx), FRIGATE_DOC_NOW)
      }),
      { numRuns: RUNS }
    )
  })

  it('survives deep nesting and large payloads near the limit', () => {
    for (const depth of [1_000, 50_000]) {
      const deep = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`
      checkResult(parseAlertMessage(message('alerts/CAM000001', deep), ctx), NOW)
      const deepObject = `${'{"a":'.repeat(depth)}"<b>"${'}'.repeat(depth)}`
      checkResult(parseAlertMessage(message('frigate/events', deepObject), ctx), NOW)
    }
  })
})
