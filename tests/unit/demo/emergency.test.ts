import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { polygonDistanceM, type PolygonGeometry } from '@shared/domain/ringGeometry'
import { generateDemoDistrict, type DemoDistrict } from '../../../src/main/demo/generate'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import type { Store } from '../../../src/main/store/store'
import { ringOracle } from '../../support/ringOracle'
import { tempStore } from '../../support/tempStore'
import { demoOptions, misplaced, RegionIndex } from './fixture'

let d: DemoDistrict
let store: Store
let remove: () => void
beforeAll(() => {
  d = generateDemoDistrict({ ...demoOptions, scale: 1 })
  ;({ store, remove } = tempStore('gcc-emergency-'))
  loadDemoDistrict(store, demoOptions)
})
afterAll(() => remove())

describe('demo district: people, shelters and supply points', () => {
  it('houses each grid’s registered residents and special groups in its residential buildings, exactly', () => {
    expect(d.people.map((p) => p.buildingId)).toEqual(d.buildings.map((b) => b.id))
    const groups = ['elderlyAlone', 'disabled', 'underCare'] as const
    const inGrid = new Map<string, { residents: number; elderlyAlone: number; disabled: number; underCare: number }>()
    d.buildings.forEach((b, i) => {
      const p = d.people[i]!
      if (b.households === 0) expect(p, b.id).toMatchObject({ residents: 0, elderlyAlone: 0, disabled: 0, underCare: 0 })
      expect(p.elderlyAlone + p.disabled + p.underCare, b.id).toBeLessThanOrEqual(p.residents)
      const t = inGrid.get(b.gridCode) ?? { residents: 0, elderlyAlone: 0, disabled: 0, underCare: 0 }
      t.residents += p.residents
      for (const g of groups) t[g] += p[g]
      inGrid.set(b.gridCode, t)
    })
    let housed = 0
    for (const g of d.grids) {
      const t = inGrid.get(g.code)
      if (!t || t.residents === 0) continue
      housed++
      expect(t, g.code).toEqual({ residents: g.profile!.population, ...g.profile!.specialGroups })
    }
    // Nearly every grid has homes.
    expect(housed).toBeGreaterThan(d.grids.length * 0.9)
  })

  it('spreads the special groups over many buildings', () => {
    for (const group of ['elderlyAlone', 'disabled', 'underCare'] as const) {
      expect(d.people.filter((p) => p[group] > 0).length, group).toBeGreaterThan(100)
    }
  })

  it('puts a few shelters and supply points in every street, inside their grids', () => {
    const index = new RegionIndex(d.grids)
    expect(misplaced(index, [...d.shelters, ...d.supplyPoints])).toEqual([])
    for (const street of d.streets) {
      const here = (x: { gridCode: string }): boolean => x.gridCode.startsWith(`${street.code}-`)
      const shelters = d.shelters.filter(here)
      expect(shelters.length, street.code).toBeGreaterThanOrEqual(3)
      expect(shelters.length, street.code).toBeLessThanOrEqual(6)
      expect(shelters.some((s) => s.kind === 'park'), street.code).toBe(true)
      const points = d.supplyPoints.filter(here)
      expect(points.length, street.code).toBeGreaterThanOrEqual(2)
      expect(points.length, street.code).toBeLessThanOrEqual(3)
    }
    for (const s of d.shelters) expect(s.capacity, s.id).toBeGreaterThanOrEqual(200)
    expect(new Set(d.shelters.map((s) => s.kind)).size).toBe(4)
    expect(new Set([...d.shelters, ...d.supplyPoints].map((x) => x.id)).size).toBe(d.shelters.length + d.supplyPoints.length)
  })

  it('stores exactly what it generates', () => {
    expect(store.resources.people()).toEqual([...d.people].sort((a, b) => (a.buildingId < b.buildingId ? -1 : 1)))
    expect(store.resources.shelters()).toEqual(d.shelters)
    expect(store.resources.supplyPoints()).toEqual(d.supplyPoints)
  })

  it('clears the district tables with the district', () => {
    const { store: other, remove: removeOther } = tempStore('gcc-emergency-clear-')
    try {
      loadDemoDistrict(other, { ...demoOptions, scale: 0.05 })
      other.clearDistrict()
      for (const table of ['building_people', 'shelters', 'supply_points']) {
        expect((other.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0)
      }
    } finally {
      removeOther()
    }
  })
})

describe('ring analysis on the demo district', () => {
  const centres = (): [number, number][] => [d.grids[0]!.centroid, d.grids[130]!.centroid, d.district.centroid, [d.buildings[777]!.lon, d.buildings[777]!.lat]]

  it('counts what a direct query over all rows counts, for every ring', () => {
    for (const [lon, lat] of centres()) {
      const ringsM = [500, 1000, 3000]
      const got = store.rings.analyse({ lon, lat, ringsM, limit: 1_000_000 })
      const want = ringOracle(store, lon, lat, ringsM)
      expect(got.rings, `${lon},${lat}`).toEqual(want.rings)
      expect(got.grids.map((g) => g.code).sort()).toEqual(want.gridCodes)
      expect(got.buildings.map((b) => b.id).sort()).toEqual(want.buildingIds)
      expect(got.rings[2]!.buildings).toBeGreaterThan(0)
    }
  })

  it('counts a grid by any part of it, which the grid polygons confirm', () => {
    const [lon, lat] = d.grids[130]!.centroid
    const got = store.rings.analyse({ lon, lat, ringsM: [500, 1000, 3000], limit: 10 })
    const inside = got.grids.filter((g) => g.distanceM === 0).map((g) => g.code)
    expect(inside).toEqual([d.grids[130]!.code])
    expect(booleanPointInPolygon([lon, lat], d.grids[130]!.geometry)).toBe(true)
    for (const g of got.grids) {
      const geometry = d.grids.find((x) => x.code === g.code)!.geometry as PolygonGeometry
      expect(polygonDistanceM(lon, lat, geometry), g.code).toBeLessThanOrEqual(3000)
    }
  })

  it('answers quickly on 30,000 buildings', () => {
    const [lon, lat] = d.district.centroid
    store.rings.analyse({ lon, lat, ringsM: [500, 1000, 3000], limit: 100 })
    const started = performance.now()
    const runs = 5
    for (let i = 0; i < runs; i++) store.rings.analyse({ lon, lat, ringsM: [500, 1000, 3000], limit: 100 })
    const ms = (performance.now() - started) / runs
    console.log(`[rings] demo district, 3 km: ${ms.toFixed(1)} ms per analysis`)
    expect(ms).toBeLessThan(250)
  })
})
