import { describe, expect, it } from 'vitest'
import { BRIEFING_QUERY_PARAM, decodeBriefingParam, encodeBriefingQuery } from '@shared/briefing/query'
import { briefingExportInputSchema, briefingSpecSchema, DEFAULT_BRIEFING_CLASSIFICATION, type BriefingSpec } from '@shared/briefing/spec'

const spec: BriefingSpec = {
  id: 'briefing-20261122-0800-wall-440311',
  target: { kind: 'wall' },
  width: 7680,
  height: 2160,
  areaCode: '440311',
  classification: '内部资料 注意保密',
  operator: '张三',
  blurSnapshots: true,
  generatedAt: 1_795_305_600_000,
  scheduled: false,
  locale: 'zh-CN'
}

const issues = (input: unknown): string[] => {
  const r = briefingSpecSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('briefing spec', () => {
  it('accepts the widest wall and the smallest image, and defaults the classification', () => {
    expect(briefingSpecSchema.parse(spec)).toEqual(spec)
    const { classification: _omit, ...rest } = spec
    expect(briefingSpecSchema.parse({ ...rest, width: 640, height: 360 }).classification).toBe(DEFAULT_BRIEFING_CLASSIFICATION)
  })

  it('refuses sizes out of bounds, bad panels, ids and areas, naming the field', () => {
    expect(issues({ ...spec, width: 7681 })[0]).toMatch(/^width: /)
    expect(issues({ ...spec, height: 359 })[0]).toMatch(/^height: /)
    expect(issues({ ...spec, width: 1920.5 })[0]).toMatch(/^width: /)
    expect(issues({ ...spec, target: { kind: 'panel', panel: 'trend-2' } })[0]).toMatch(/^target\.panel: .*letters/)
    expect(issues({ ...spec, target: { kind: 'panel', panel: 'x'.repeat(41) } })[0]).toMatch(/^target\.panel: /)
    expect(issues({ ...spec, target: { kind: 'map' } })[0]).toMatch(/^target/)
    expect(issues({ ...spec, id: '../etc/passwd' })[0]).toMatch(/^id: .*letters, digits/)
    expect(issues({ ...spec, areaCode: '4403' })[0]).toMatch(/^areaCode: .*malformed region code/)
    expect(issues({ ...spec, classification: '密'.repeat(41) })[0]).toMatch(/^classification: /)
    expect(issues({ ...spec, locale: 'fr-FR' })[0]).toMatch(/^locale: /)
    expect(issues({ ...spec, extra: 1 })[0]).toMatch(/extra/)
  })

  it('takes what the operator chooses as the export input', () => {
    expect(briefingExportInputSchema.parse({ target: { kind: 'panel', panel: 'trend' }, width: 1920, height: 1080, areaCode: '440311-003' })).toEqual({
      target: { kind: 'panel', panel: 'trend' },
      width: 1920,
      height: 1080,
      areaCode: '440311-003'
    })
    expect(briefingExportInputSchema.safeParse({ target: { kind: 'wall' }, width: 1920, height: 1080, areaCode: '440311', operator: 'x' }).success).toBe(false)
  })
})

describe('the briefing query parameter', () => {
  it('round-trips a spec with Chinese text through a URL', () => {
    const query = encodeBriefingQuery(spec)
    expect(query.startsWith(`${BRIEFING_QUERY_PARAM}=`)).toBe(true)
    // Nothing that a URL would take for a separator: & = # ? and spaces are all escaped.
    expect(query.slice(BRIEFING_QUERY_PARAM.length + 1)).not.toMatch(/[&=#? ]/)
    const url = new URL(`http://127.0.0.1:5180/?${query}&access_token=x`)
    expect(decodeBriefingParam(url.searchParams.get(BRIEFING_QUERY_PARAM)!)).toEqual({ ok: true, spec })
  })

  it('says why a parameter is refused', () => {
    expect(decodeBriefingParam('%%%')).toMatchObject({ ok: false, error: expect.stringMatching(/does not decode/) })
    expect(decodeBriefingParam('{"id":1}')).toMatchObject({ ok: false, error: expect.stringMatching(/invalid briefing spec — id: /) })
    expect(decodeBriefingParam(JSON.stringify({ ...spec, width: 100 }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/width: /)
    })
  })
})
