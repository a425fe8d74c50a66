import { describe, expect, it } from 'vitest'
import gcoord from 'gcoord'
import { parseCrs } from '@shared/import/mapping'
import { normaliseRegionCode } from '../../../src/main/import/codes'
import { geometryToWgs84, toWgs84 } from '../../../src/main/import/coords'

describe('region codes on import', () => {
  it('takes our codes, DataV numeric adcodes and statistics codes', () => {
    expect(normaliseRegionCode('440311-003-02-017')).toBe('440311-003-02-017')
    expect(normaliseRegionCode(440311)).toBe('440311')
    expect(normaliseRegionCode('440311003')).toBe('440311-003')
    expect(normaliseRegionCode(440311003002)).toBe('440311-003-02')
    expect(normaliseRegionCode('44031100302017')).toBe('440311-003-02-017')
  })
  it('refuses malformed ones', () => {
    for (const bad of ['4403', '440311-3', '440311-000', 'abc', '', null, 440311003102, 3.5]) expect(normaliseRegionCode(bad)).toBeNull()
  })
})

describe('coordinate systems', () => {
  it('parses the usual spellings', () => {
    expect(parseCrs('gcj02')).toBe('GCJ02')
    expect(parseCrs('GCJ-02')).toBe('GCJ02')
    expect(parseCrs('bd09')).toBe('BD09')
    expect(parseCrs('CGCS2000')).toBe('CGCS2000')
    expect(parseCrs('wgs-84')).toBe('WGS84')
    expect(parseCrs('mercator')).toBeNull()
  })
  it('converts GCJ-02 and BD-09 to WGS-84 as gcoord does, and takes CGCS2000 as WGS-84', () => {
    const p: [number, number] = [113.94, 22.76]
    expect(toWgs84('GCJ02')(...p)).toEqual(gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84))
    expect(toWgs84('BD09')(...p)).toEqual(gcoord.transform(p, gcoord.BD09, gcoord.WGS84))
    expect(toWgs84('CGCS2000')(...p)).toEqual(p)
    const shifted = toWgs84('GCJ02')(...p)
    // GCJ-02 is offset by some hundreds of metres here.
    expect(Math.hypot(shifted[0] - p[0], shifted[1] - p[1])).toBeGreaterThan(0.003)
  })
  it('converts every ring of a MultiPolygon with holes', () => {
    const ring: [number, number][] = [[113.9, 22.7], [114, 22.7], [114, 22.8], [113.9, 22.7]]
    const g = geometryToWgs84({ type: 'MultiPolygon', coordinates: [[ring, ring], [ring]] }, toWgs84('GCJ02'))
    expect(g.type).toBe('MultiPolygon')
    expect(g.coordinates[0]![1]![2]).toEqual(gcoord.transform([114, 22.8], gcoord.GCJ02, gcoord.WGS84))
  })
})
