import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import {
  defaultFrigateRules,
  frigateMappingSchema,
  matchFrigateRule,
  nativeAlertSchema
} from '@shared/alerts/payloads'
import { MAX_ALERT_PAYLOAD_BYTES, type RejectReason } from '@shared/alerts/rejections'
import { ALERT_MAX_AGE_MS, ALERT_MAX_FUTURE_MS, parseAlertMessage, type ParseContext } from '../../../src/main/alerts/parse'
import type { IncomingMessage, ParsedAlert, ParseResult, Rejection } from '../../../src/main/alerts/types'
import { context, FRIGATE_DOC_NOW, frigateFixture, message, nativePayload, NOW, testMapping } from './support'

const HOUR = 3_600_000
const DAY = 24 * HOUR

function ok(result: ParseResult): ParsedAlert {
  if (!('ok' in result) || !result.ok) throw new Error(`expected an alert, got ${JSON.stringify(result)}`)
  return result.alert
}

function rejected(result: ParseResult, reason: RejectReason): Rejection {
  if (!('ok' in result) || result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result)}`)
  expect(result.rejection.reason, result.rejection.detail).toBe(reason)
  return result.rejection
}

const native = (over: Record<string, unknown> = {}, topic = 'alerts/CAM000001', ctx: ParseContext = context()): ParseResult =>
  parseAlertMessage(message(topic, nativePayload(over)), ctx)

const frigateCtx = context(FRIGATE_DOC_NOW)
const frigate = (payload: unknown, ctx = frigateCtx, topic = 'frigate/events'): ParseResult =>
  parseAlertMessage(message(topic, payload as object), ctx)

/** The documentation's example with `after` changed. */
function frigateEvent(after: Record<string, unknown> = {}, type = 'update'): Record<string, any> {
  const doc = frigateFixture('events-update')
  return { ...doc, type, after: { ...doc.after, ...after } }
}

describe('native payloads', () => {
  it('parses a complete payload', () => {
    expect(ok(native())).toEqual({
      id: 'a-0001',
      format: 'native',
      cameraId: 'CAM000001',
      type: 'intrusion',
      score: 0.91,
      at: Date.UTC(2026, 10, 22, 6, 29, 30),
      position: [113.94, 22.76],
      snapshotUrl: 'https://nvr.example/snap/a-0001.jpg',
      zone: 'restricted',
      trackId: 't-17',
      ended: false
    })
  })

  it('accepts ISO 8601 with Z or an offset, and epoch milliseconds', () => {
    const at = Date.UTC(2026, 10, 22, 6, 29, 30)
    expect(ok(native({ time: '2026-11-22T06:29:30Z' })).at).toBe(at)
    expect(ok(native({ time: '2026-11-22T14:29:30.250+08:00' })).at).toBe(at + 250)
    expect(ok(native({ time: at })).at).toBe(at)
  })

  it('takes the camera position when there is no location, and keeps optional fields null', () => {
    const a = ok(native({ location: undefined, snapshotUrl: undefined, zone: undefined, trackId: undefined }))
    expect(a).toMatchObject({ position: null, snapshotUrl: null, zone: null, trackId: null })
  })

  it('converts GCJ-02 and BD-09 to WGS-84; CGCS2000 is taken as WGS-84', () => {
    const wgs: [number, number] = [113.94, 22.76]
    const gcj = gcoord.transform<[number, number]>(wgs, gcoord.WGS84, gcoord.GCJ02)
    const bd = gcoord.transform<[number, number]>(wgs, gcoord.WGS84, gcoord.BD09)
    // GCJ-02 is hundreds of metres off in Shenzhen: the conversion matters.
    expect(Math.abs(gcj[0] - wgs[0]) + Math.abs(gcj[1] - wgs[1])).toBeGreaterThan(0.003)
    for (const [lon, lat, crs] of [
      [...gcj, 'GCJ02'],
      [...bd, 'BD09'],
      [...wgs, 'CGCS2000']
    ] as const) {
      const p = ok(native({ location: { lon, lat, crs } })).position!
      expect(Math.abs(p[0] - wgs[0])).toBeLessThan(1e-5)
      expect(Math.abs(p[1] - wgs[1])).toBeLessThan(1e-5)
    }
  })

  it('gives repeats of one alert the same id', () => {
    const first = ok(native({ score: 0.7 }))
    const again = ok(native({ score: 0.95, time: '2026-11-22T14:29:40+08:00' }))
    expect(again.id).toBe(first.id)
  })

  it('drops unknown keys instead of refusing them', () => {
    expect(ok(native({ firmware: '5.7.3', extra: { a: [1, 2] } })).id).toBe('a-0001')
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing id', { id: undefined }, 'id'],
    ['an id over 128 characters', { id: 'x'.repeat(129) }, 'id'],
    ['an unknown type', { type: 'ufo' }, 'type'],
    ['a score above 1', { score: 1.5 }, 'score'],
    ['a score as a string', { score: '0.9' }, 'score'],
    ['schema version 2', { schemaVersion: 2 }, 'schemaVersion'],
    ['a time without offset', { time: '2026-11-22T14:29:30' }, 'time'],
    ['a time as a date only', { time: '2026-11-22' }, 'time'],
    ['a fractional epoch', { time: 1795328970000.5 }, 'time'],
    ['a location without its system', { location: { lon: 113.94, lat: 22.76 } }, 'location.crs'],
    ['an unknown coordinate system', { location: { lon: 113.94, lat: 22.76, crs: 'EPSG:3857' } }, 'location.crs'],
    ['a latitude out of range', { location: { lon: 113.94, lat: 122.76, crs: 'WGS84' } }, 'location.lat'],
    ['a javascript: snapshot URL', { snapshotUrl: 'javascript:alert(1)' }, 'snapshotUrl'],
    ['a data: snapshot URL', { snapshotUrl: 'data:image/png;base64,AAAA' }, 'snapshotUrl']
  ])('refuses %s as badSchema, naming the field', (_what, over, path) => {
    const r = rejected(native(over), 'badSchema')
    expect(r.detail).toContain(`${path}:`)
    expect(r.detail).toContain(' / ')
  })

  it('refuses a JSON array, a string or null as badSchema', () => {
    for (const payload of ['[]', '"alert"', 'null', '42']) {
      rejected(parseAlertMessage(message('alerts/CAM000001', payload), context()), 'badSchema')
    }
  })

  it('refuses a payload whose camera is not the topic camera', () => {
    const r = rejected(native({}, 'alerts/CAM000002'), 'badSchema')
    expect(r.detail).toContain('CAM000002')
  })

  it('refuses an unknown camera', () => {
    rejected(native({ cameraId: 'CAM404' }, 'alerts/CAM404'), 'unknownCamera')
  })

  it('refuses times more than a day ahead or older than 30 days, and epoch seconds', () => {
    expect(ok(native({ time: NOW + ALERT_MAX_FUTURE_MS })).at).toBe(NOW + ALERT_MAX_FUTURE_MS)
    expect(ok(native({ time: NOW - ALERT_MAX_AGE_MS })).at).toBe(NOW - ALERT_MAX_AGE_MS)
    expect(ALERT_MAX_FUTURE_MS).toBe(DAY)
    expect(ALERT_MAX_AGE_MS).toBe(30 * DAY)
    rejected(native({ time: NOW + DAY + 1 }), 'absurdTime')
    rejected(native({ time: NOW - 30 * DAY - 1 }), 'absurdTime')
    rejected(native({ time: Math.floor(NOW / 1000) }), 'absurdTime')
    rejected(native({ time: '1970-01-01T00:00:00Z' }), 'absurdTime')
  })
})

describe('markup', () => {
  it.each([
    ['zone', { zone: '<img src=x onerror=alert(1)>' }],
    ['id', { id: '</script><script>alert(1)' }],
    ['trackId', { trackId: '<!-- x -->' }],
    ['an unknown key', { note: 'hello <b>world</b>' }],
    ['a nested unknown key', { extra: { list: ['ok', '<svg/onload=alert(1)>'] } }],
    ['a key', { extra: { '<iframe': 1 } }],
    ['a processing instruction', { zone: '<?xml version="1.0"?>' }]
  ])('refuses markup in %s', (_where, over) => {
    const r = rejected(native(over), 'html')
    expect(r.detail).toContain(' / ')
  })

  it('allows a lone "<" and entities as text', () => {
    expect(ok(native({ zone: 'a < b && c > d' })).zone).toBe('a < b && c > d')
    expect(ok(native({ zone: '&lt;b&gt;' })).zone).toBe('&lt;b&gt;')
  })

  it('checks schema before markup: a bad field with markup is badSchema', () => {
    rejected(native({ type: '<b>intrusion</b>' }), 'badSchema')
  })
})

describe('topics, size and encoding', () => {
  it.each(['alerts', 'alerts/', 'alerts/CAM000001/extra', 'alert/CAM000001', 'cameras/CAM000001', '', 'frigate', 'frigateX/events'])(
    'refuses the topic %j as unknownTopic',
    (topic) => {
      const r = rejected(parseAlertMessage(message(topic, nativePayload()), context()), 'unknownTopic')
      expect(r.topic).toBe(topic)
    }
  )

  it('reads the native topic prefix from the context', () => {
    const ctx = { ...context(), nativeTopicPrefix: 'gcc/alerts' }
    expect(ok(parseAlertMessage(message('gcc/alerts/CAM000001', nativePayload()), ctx)).cameraId).toBe('CAM000001')
    rejected(parseAlertMessage(message('alerts/CAM000001', nativePayload()), ctx), 'unknownTopic')
  })

  it('refuses more than 256 KiB without decoding, and accepts exactly 256 KiB', () => {
    const text = JSON.stringify(nativePayload())
    const exact = text + ' '.repeat(MAX_ALERT_PAYLOAD_BYTES - text.length)
    expect(ok(parseAlertMessage(message('alerts/CAM000001', exact), context())).id).toBe('a-0001')
    const r = rejected(parseAlertMessage(message('alerts/CAM000001', exact + ' '), context()), 'tooLarge')
    expect(r.bytes).toBe(MAX_ALERT_PAYLOAD_BYTES + 1)
    expect(r.excerpt.length).toBeLessThanOrEqual(200)
    // Not even UTF-8: still tooLarge, not malformedJson.
    rejected(parseAlertMessage(message('alerts/CAM000001', new Uint8Array(MAX_ALERT_PAYLOAD_BYTES + 1).fill(0xff)), context()), 'tooLarge')
  })

  it('refuses invalid UTF-8 and shows it escaped', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0xff, 0xfe, 0x00, 0x7d])
    const r = rejected(parseAlertMessage(message('alerts/CAM000001', bytes), context()), 'malformedJson')
    expect(r.excerpt).toBe('{"id":\\xff\\xfe\\x00}')
    expect(r.bytes).toBe(10)
  })

  it('refuses truncated or non-JSON text', () => {
    const text = JSON.stringify(nativePayload())
    for (const payload of [text.slice(0, -1), '', 'alert!', "{'id': 1}", '{"a":1}{"b":2}', 'NaN']) {
      rejected(parseAlertMessage(message('alerts/CAM000001', payload), context()), 'malformedJson')
    }
  })

  it('accepts a byte order mark', () => {
    expect(ok(parseAlertMessage(message('alerts/CAM000001', '\uFEFF' + JSON.stringify(nativePayload())), context())).id).toBe('a-0001')
  })

  it('keeps a short, inert excerpt and the facts of the refusal', () => {
    const payload = `<script>${'x'.repeat(500)}\u0007</script>`
    const r = rejected(parseAlertMessage(message('alerts/CAM000001', payload, NOW - 5), context()), 'malformedJson')
    expect(r.excerpt).toBe(payload.slice(0, 200))
    expect(r).toMatchObject({ topic: 'alerts/CAM000001', bytes: payload.length, at: NOW })
    const ctrl = rejected(parseAlertMessage(message('alerts/CAM000001', 'a\u0000b\u001b'), context()), 'malformedJson')
    expect(ctrl.excerpt).toBe('a\\u0000b\\u001b')
  })

  it('cuts the excerpt at 200 characters, not in the middle of a character', () => {
    const payload = '网格'.repeat(300)
    const r = rejected(parseAlertMessage(message('alerts/CAM000001', payload), context()), 'malformedJson')
    expect(r.excerpt).toBe(payload.slice(0, 200))
  })
})

describe('Frigate events', () => {
  it('parses the documentation example with a rule for its zone', () => {
    const doc = frigateFixture('events-update')
    expect(ok(frigate(doc))).toEqual({
      id: 'frigate:front_door:1607123955.475377-mxklsc',
      format: 'frigate',
      cameraId: 'CAM000001',
      type: 'intrusion',
      score: 0.958984375,
      at: 1607123955475,
      position: null,
      snapshotUrl: null,
      zone: 'driveway',
      trackId: '1607123955.475377-mxklsc',
      ended: false
    })
  })

  it('refuses the documentation example with the default rules: a person in a driveway is no alert', () => {
    const ctx = context(FRIGATE_DOC_NOW, { ...testMapping, rules: [...defaultFrigateRules] })
    const r = rejected(frigate(frigateFixture('events-update'), ctx), 'unmappedLabel')
    expect(r.detail).toContain('person')
    expect(r.detail).toContain('driveway')
  })

  it('makes new, update and end of one tracked object one alert', () => {
    const results = (['new', 'update', 'update', 'end'] as const).map((type, i) =>
      ok(frigate(frigateEvent({ score: 0.6 + i * 0.1, top_score: 0.6 + i * 0.1 }, type)))
    )
    expect(new Set(results.map((a) => a.id)).size).toBe(1)
    expect(new Set(results.map((a) => a.at)).size).toBe(1)
    expect(results.map((a) => a.ended)).toEqual([false, false, false, true])
    expect(results.map((a) => a.score)).toEqual([0.6, 0.7, 0.8, 0.9].map((s) => expect.closeTo(s, 10)))
  })

  it('keeps tracked objects of different cameras apart', () => {
    const a = ok(frigate(frigateEvent()))
    const b = ok(frigate(frigateEvent({ camera: 'gate' })))
    expect(a.id).not.toBe(b.id)
    expect(b.cameraId).toBe('CAM000002')
  })

  it('builds the snapshot URL from the template when Frigate has a snapshot', () => {
    const a = ok(frigate(frigateEvent({ has_snapshot: true, id: '1607123955.475377-a b' })))
    expect(a.snapshotUrl).toBe('http://frigate:5000/api/events/1607123955.475377-a%20b/snapshot.jpg')
    const ctx = context(FRIGATE_DOC_NOW, { ...testMapping, snapshotUrlTemplate: undefined })
    expect(ok(frigate(frigateEvent({ has_snapshot: true }), ctx)).snapshotUrl).toBeNull()
  })

  it('uses entered zones when the object has left the zone (end)', () => {
    const a = ok(frigate(frigateEvent({ current_zones: [], entered_zones: ['driveway'] }, 'end')))
    expect(a).toMatchObject({ type: 'intrusion', zone: 'driveway', ended: true })
  })

  it('maps with the default rules', () => {
    const cases: [Record<string, unknown>, string, string | null][] = [
      [{ label: 'person', current_zones: ['restricted'] }, 'intrusion', 'restricted'],
      [{ label: 'car', current_zones: [], entered_zones: ['road', 'no_parking'] }, 'illegalParking', 'no_parking'],
      [{ label: 'bicycle', current_zones: ['elevator'] }, 'eBikeInElevator', 'elevator'],
      [{ label: 'motorcycle', current_zones: ['elevator'] }, 'eBikeInElevator', 'elevator'],
      [{ label: 'motorcycle', current_zones: ['fire_lane'] }, 'illegalParking', 'fire_lane'],
      [{ label: 'smoke', current_zones: [], entered_zones: [] }, 'fireSmoke', null],
      [{ label: 'fire', current_zones: ['yard'] }, 'fireSmoke', 'yard']
    ]
    for (const [after, type, zone] of cases) {
      expect(ok(frigate(frigateEvent(after)))).toMatchObject({ type, zone })
    }
    rejected(frigate(frigateEvent({ label: 'dog' })), 'unmappedLabel')
    rejected(frigate(frigateEvent({ label: 'car', current_zones: ['driveway'], entered_zones: [] })), 'unmappedLabel')
  })

  it('tolerates absent and extra keys, null scores, and every sub_label form', () => {
    const { box: _box, region: _region, attributes: _attributes, ...after } = frigateFixture('events-update').after
    const lean = { type: 'new', after: { ...after, score: null, sub_label: 'John', future_key: { x: 1 } } }
    expect(ok(frigate(lean)).score).toBe(0.958984375)
    expect(ok(frigate({ type: 'new', after: { ...after, sub_label: null } })).id).toContain('front_door')
    const minimal = { type: 'new', after: { id: 'x1', camera: 'front_door', label: 'fire', score: 0.8, start_time: 1607123955.5 } }
    expect(ok(frigate(minimal))).toMatchObject({ zone: null, snapshotUrl: null })
  })

  it('refuses a Frigate object without any score, label or times as badSchema', () => {
    rejected(frigate(frigateEvent({ score: undefined, top_score: undefined })), 'badSchema')
    expect(rejected(frigate(frigateEvent({ label: 7 })), 'badSchema').detail).toContain('after.label')
    rejected(frigate(frigateEvent({ start_time: '2020-12-04' })), 'badSchema')
    rejected(frigate({ ...frigateEvent(), type: 'delete' }), 'badSchema')
  })

  it('refuses the review example sent on the events topic, naming the missing field', () => {
    const r = rejected(frigate(frigateFixture('reviews-update')), 'badSchema')
    expect(r.detail).toMatch(/after\.(label|score)/)
  })

  it('ignores false positives and the other Frigate topics', () => {
    expect(frigate(frigateEvent({ false_positive: true }))).toEqual({ ignored: true })
    expect(frigate(frigateFixture('reviews-update'), frigateCtx, 'frigate/reviews')).toEqual({ ignored: true })
    expect(parseAlertMessage(message('frigate/available', 'online'), frigateCtx)).toEqual({ ignored: true })
    expect(parseAlertMessage(message('frigate/front_door/person', '1'), frigateCtx)).toEqual({ ignored: true })
    // A snapshot JPEG over the size limit is not a refusal: nobody asked for it as an alert.
    const jpeg = new Uint8Array(MAX_ALERT_PAYLOAD_BYTES * 2).fill(0xff)
    expect(parseAlertMessage(message('frigate/front_door/person/snapshot', jpeg), frigateCtx)).toEqual({ ignored: true })
  })

  it('refuses an unmapped Frigate camera and one mapped to a camera we do not have', () => {
    expect(rejected(frigate(frigateEvent({ camera: 'backyard' })), 'unknownCamera').detail).toContain('backyard')
    expect(rejected(frigate(frigateEvent({ camera: 'ghost' })), 'unknownCamera').detail).toContain('CAM999999')
    rejected(frigate(frigateEvent({ camera: '__proto__' })), 'unknownCamera')
    rejected(frigate(frigateEvent({ camera: 'toString' })), 'unknownCamera')
  })

  it('refuses markup anywhere in the message, known key or not', () => {
    rejected(frigate(frigateEvent({ camera: '<b>front_door</b>' })), 'html')
    rejected(frigate(frigateEvent({ recognized_license_plate: '<img src=x>' })), 'html')
    rejected(frigate({ ...frigateEvent(), before: { label: '</style>' } }), 'html')
  })

  it('refuses an absurd start time', () => {
    rejected(frigate(frigateEvent(), context(FRIGATE_DOC_NOW + 31 * DAY)), 'absurdTime')
    rejected(frigate(frigateEvent({ start_time: FRIGATE_DOC_NOW / 1000 + 2 * 86_400 })), 'absurdTime')
    // Milliseconds where seconds belong: far in the future.
    rejected(frigate(frigateEvent({ start_time: FRIGATE_DOC_NOW })), 'absurdTime')
    // Beyond what a Date can hold (found by the fuzz test): refused, and the detail says the number.
    expect(rejected(frigate(frigateEvent({ start_time: 8_640_000_000_000.001 })), 'absurdTime').detail).toContain('8640000000000001')
  })

  it('reads a custom topic prefix', () => {
    const ctx = context(FRIGATE_DOC_NOW, { ...testMapping, topicPrefix: 'nvr/north' })
    expect(ok(frigate(frigateEvent(), ctx, 'nvr/north/events')).cameraId).toBe('CAM000001')
    expect(frigate(frigateEvent(), ctx, 'nvr/north/available')).toEqual({ ignored: true })
    rejected(frigate(frigateEvent(), ctx, 'frigate/events'), 'unknownTopic')
  })
})

describe('Frigate mapping configuration', () => {
  it('has defaults: prefix frigate, no cameras, the default rules', () => {
    const m = frigateMappingSchema.parse({})
    expect(m).toEqual({ topicPrefix: 'frigate', cameras: {}, rules: defaultFrigateRules })
    expect(m.rules).not.toBe(defaultFrigateRules)
  })

  it('refuses a snapshot template without {id}, a non-http one, a prefix with wildcards, an unknown type', () => {
    expect(frigateMappingSchema.safeParse({ snapshotUrlTemplate: 'http://frigate:5000/x.jpg' }).success).toBe(false)
    expect(frigateMappingSchema.safeParse({ snapshotUrlTemplate: 'file:///{id}.jpg' }).success).toBe(false)
    for (const topicPrefix of ['frigate/#', 'a/+/b', '', 'a//b', '/a']) {
      expect(frigateMappingSchema.safeParse({ topicPrefix }).success, topicPrefix).toBe(false)
    }
    expect(frigateMappingSchema.safeParse({ rules: [{ label: 'cat', type: 'catAlert' }] }).success).toBe(false)
  })

  it('applies the first rule that matches, with its minimum score', () => {
    const rules = frigateMappingSchema.parse({
      rules: [
        { label: 'person', zones: ['gate'], type: 'intrusion', minScore: 0.8 },
        { label: 'person', type: 'crowdGathering' }
      ]
    }).rules
    expect(matchFrigateRule(rules, 'person', ['gate'], 0.85)).toEqual({ type: 'intrusion', zone: 'gate' })
    expect(matchFrigateRule(rules, 'person', ['gate'], 0.75)).toEqual({ type: 'crowdGathering', zone: 'gate' })
    expect(matchFrigateRule(rules, 'person', [], 0.9)).toEqual({ type: 'crowdGathering', zone: null })
    expect(matchFrigateRule(rules, 'car', ['gate'], 0.9)).toBeNull()
  })
})

describe('the native schema on its own', () => {
  it('is exported for documentation and senders', () => {
    expect(nativeAlertSchema.safeParse(nativePayload()).success).toBe(true)
  })

  it('never lets the context be skipped: a context that throws makes the parser throw', () => {
    const ctx: ParseContext = {
      ...context(),
      cameraExists: () => {
        throw new Error('store closed')
      }
    }
    const msg: IncomingMessage = message('alerts/CAM000001', nativePayload())
    expect(() => parseAlertMessage(msg, ctx)).toThrow('store closed')
  })
})
