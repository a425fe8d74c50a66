import { area } from '@turf/area'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { intersection, type Geom } from 'polyclip-ts'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RegionGeometry } from '@shared/api/types'
import { isRegionCode, parentRegionCode } from '@shared/domain/gridCode'
import type { RegionLevel } from '@shared/domain/region'
import { generateDemoDistrict, type DemoDistrict } from '../../../src/main/demo/generate'
import type { RegionRecord } from '../../../src/main/store/repositories/regions'
import { demoOptions, RegionIndex } from './fixture'

let d: DemoDistrict
let all: RegionRecord[]
beforeAll(() => {
  d = generateDemoDistrict(demoOptions)
  all = [d.district, ...d.streets, ...d.communities, ...d.grids]
})

const coords = (g: RegionGeometry): Geom => g.coordinates as Geom
const overlapArea = (a: RegionGeometry, b: RegionGeometry): number => {
  const parts = intersection(coords(a), coords(b))
  return parts.length === 0 ? 0 : area({ type: 'MultiPolygon', coordinates: parts })
}
const childrenOf = (parent: RegionRecord, level: RegionLevel): RegionRecord[] =>
  all.filter((r) => r.level === level && r.parentCode === parent.code)
const rings = (g: RegionGeometry): [number, number][][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat())

describe('demo district: the grid system', () => {
  it('has one district 440311 with 6 streets, 31 communities and 264 grids', () => {
    expect(d.district).toMatchObject({ code: '440311', level: 'district', parentCode: null })
    expect([d.streets.length, d.communities.length, d.grids.length]).toEqual([6, 31, 264])
  })

  it('gives every region a unique, well-formed code under its parent', () => {
    const codes = new Set(all.map((r) => r.code))
    expect(codes.size).toBe(all.length)
    for (const r of all) {
      expect(isRegionCode(r.code, r.level), r.code).toBe(true)
      expect(r.parentCode).toBe(parentRegionCode(r.code))
      if (r.parentCode) expect(codes.has(r.parentCode), r.code).toBe(true)
    }
    for (const s of d.streets) expect(childrenOf(s, 'community').length).toBeGreaterThanOrEqual(3)
    for (const c of d.communities) expect(childrenOf(c, 'grid').length).toBeGreaterThanOrEqual(3)
  })

  it('puts more communities in the more populous streets', () => {
    const byPopulation = [...d.streets].sort((a, b) => a.profile!.population - b.profile!.population)
    const count = (s: RegionRecord): number => childrenOf(s, 'community').length
    expect(count(byPopulation[5]!)).toBeGreaterThan(count(byPopulation[0]!))
  })

  it('names regions in Chinese, in the customary forms', () => {
    expect(d.district.name).toMatch(/^\p{Script=Han}+区$/u)
    for (const s of d.streets) expect(s.name).toMatch(/^\p{Script=Han}+街道$/u)
    for (const c of d.communities) expect(c.name).toMatch(/^\p{Script=Han}+社区$/u)
    expect(new Set(d.streets.map((s) => s.name)).size).toBe(6)
    expect(new Set(d.communities.map((c) => c.name)).size).toBe(31)
    const communityName = new Map(d.communities.map((c) => [c.code, c.name]))
    for (const g of d.grids) {
      const seq = Number(g.code.split('-')[3])
      expect(g.name).toBe(`${communityName.get(g.parentCode!)}第${seq}网格`)
    }
  })

  it('stores GeoJSON polygons in WGS-84 around the centre, rounded to 1e-6 degree', () => {
    const [lon0, lat0] = demoOptions.center
    for (const r of all) {
      for (const ring of rings(r.geometry)) {
        expect(ring.length).toBeGreaterThanOrEqual(4)
        expect(ring[0]).toEqual(ring[ring.length - 1])
        for (const [lon, lat] of ring) {
          expect(Math.abs(lon - lon0)).toBeLessThan(0.2)
          expect(Math.abs(lat - lat0)).toBeLessThan(0.2)
          expect(Math.abs(lon * 1e6 - Math.round(lon * 1e6))).toBeLessThan(1e-6)
        }
      }
    }
  })

  it('draws an irregular district outline of ~150 km²', () => {
    expect(d.district.areaM2 / 1e6).toBeGreaterThan(140)
    expect(d.district.areaM2 / 1e6).toBeLessThan(160)
    const ring = rings(d.district.geometry)[0]!
    // ~60–100 drawn vertices, plus those where street boundaries meet the outline.
    expect(ring.length).toBeGreaterThanOrEqual(60)
    expect(ring.length).toBeLessThanOrEqual(250)
    // Compactness 4πA/P²: 1 for a circle, ~0.785 for a square; a real outline is well below.
    const metres = (a: [number, number], b: [number, number]): number =>
      Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_574)
    const perimeter = ring.slice(1).reduce((s, p, i) => s + metres(ring[i]!, p), 0)
    expect((4 * Math.PI * d.district.areaM2) / perimeter ** 2).toBeLessThan(0.75)
  })

  it('records each region’s geodesic area and a centroid inside it', () => {
    for (const r of all) {
      expect(r.areaM2).toBeCloseTo(area(r.geometry), -1)
      expect(booleanPointInPolygon(r.centroid, r.geometry), r.code).toBe(true)
    }
    const km2 = d.grids.map((g) => g.areaM2 / 1e6).sort((a, b) => a - b)
    expect(km2[Math.floor(km2.length / 2)]).toBeGreaterThan(0.3)
    expect(km2[Math.floor(km2.length / 2)]).toBeLessThan(0.8)
  })

  it('tiles each level exactly: children’s areas sum to the parent’s within 0.5 %', () => {
    const sum = (rs: RegionRecord[]): number => rs.reduce((s, r) => s + r.areaM2, 0)
    expect(sum(d.grids) / d.district.areaM2).toBeCloseTo(1, 2)
    expect(Math.abs(sum(d.streets) / d.district.areaM2 - 1)).toBeLessThan(0.005)
    for (const s of d.streets) expect(Math.abs(sum(childrenOf(s, 'community')) / s.areaM2 - 1)).toBeLessThan(0.005)
    for (const c of d.communities) expect(Math.abs(sum(childrenOf(c, 'grid')) / c.areaM2 - 1)).toBeLessThan(0.005)
  })

  it('keeps every region inside its parent', () => {
    const byCode = new Map(all.map((r) => [r.code, r]))
    for (const r of all) {
      if (!r.parentCode) continue
      const inside = overlapArea(r.geometry, byCode.get(r.parentCode)!.geometry)
      expect(inside / r.areaM2, r.code).toBeGreaterThan(0.99999)
    }
  })

  it('never lets two grids overlap (nor two communities, nor two streets)', () => {
    for (const level of [d.grids, d.communities, d.streets]) {
      const pairs = new RegionIndex(level).candidatePairs()
      expect(pairs.length).toBeGreaterThan(level.length / 2)
      for (const [a, b] of pairs) expect(overlapArea(a.geometry, b.geometry), `${a.code} × ${b.code}`).toBeLessThan(0.5)
    }
  })

  it('gives grids the base data of an urban (300–500 households) or rural (100–200) grid', () => {
    for (const g of d.grids) {
      const p = g.profile!
      const urban = p.households >= 300 && p.households <= 500
      const rural = p.households >= 100 && p.households <= 200
      expect(urban || rural, g.code).toBe(true)
      expect(p.population / p.households).toBeGreaterThan(2)
      expect(p.population / p.households).toBeLessThan(4)
      expect(p.partyMembers + p.specialGroups.elderlyAlone + p.specialGroups.disabled + p.specialGroups.underCare).toBeLessThan(p.population)
    }
    expect(d.grids.filter((g) => g.profile!.households >= 300).length / d.grids.length).toBeGreaterThan(0.6)
  })

  it('sums the grids’ base data up the tree', () => {
    for (const parent of [d.district, ...d.streets, ...d.communities]) {
      const grids = d.grids.filter((g) => g.code.startsWith(`${parent.code}-`))
      expect(parent.profile!.population, parent.code).toBe(grids.reduce((s, g) => s + g.profile!.population, 0))
      expect(parent.profile!.households, parent.code).toBe(grids.reduce((s, g) => s + g.profile!.households, 0))
    }
  })
})
