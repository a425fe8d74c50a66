import { beforeAll, describe, expect, it } from 'vitest'
import { generateDemoDistrict, type DemoDistrict } from '../../../src/main/demo/generate'
import { demoOptions, edgeDistance, misplaced, RegionIndex } from './fixture'

let d: DemoDistrict
let grids: RegionIndex
beforeAll(() => {
  d = generateDemoDistrict(demoOptions)
  grids = new RegionIndex(d.grids)
})

describe('demo district: everything lies in exactly the grid it names', () => {
  it('buildings', () => {
    expect(misplaced(grids, d.buildings)).toEqual([])
  })

  it('cameras', () => {
    expect(misplaced(grids, d.cameras)).toEqual([])
  })

  it('staff on duty (their last known position); the others have none', () => {
    const onDuty = d.staff.filter((s) => s.dutyStatus === 'onDuty')
    expect(onDuty.every((s) => s.lon !== null && s.lat !== null)).toBe(true)
    expect(d.staff.filter((s) => s.dutyStatus !== 'onDuty').every((s) => s.lon === null && s.lat === null)).toBe(true)
    expect(misplaced(grids, onDuty.map((s) => ({ ...s, lon: s.lon!, lat: s.lat! })))).toEqual([])
  })

  it('events', () => {
    expect(misplaced(grids, d.events)).toEqual([])
  })

  it('keeps points clear of grid edges, so no rounding can move them across', () => {
    const byCode = new Map(d.grids.map((g) => [g.code, g.geometry]))
    for (const items of [d.buildings, d.cameras, d.events]) {
      const nearest = items.reduce((m, x) => Math.min(m, edgeDistance(x.lon, x.lat, byCode.get(x.gridCode)!)), Infinity)
      expect(nearest).toBeGreaterThan(5)
    }
  })

  it('names only grids that exist, and puts something in every grid', () => {
    const codes = new Set(d.grids.map((g) => g.code))
    for (const items of [d.buildings, d.cameras, d.staff, d.events]) expect(items.every((x) => codes.has(x.gridCode))).toBe(true)
    const withBuildings = new Set(d.buildings.map((b) => b.gridCode))
    const withStaff = new Set(d.staff.map((s) => s.gridCode))
    expect(withStaff.size).toBe(264)
    expect(withBuildings.size).toBeGreaterThan(250)
  })

  it('puts more buildings in denser grids', () => {
    const perKm2 = new Map<string, number>()
    for (const b of d.buildings) perKm2.set(b.gridCode, (perKm2.get(b.gridCode) ?? 0) + 1)
    const density = d.grids.map((g) => (perKm2.get(g.code) ?? 0) / (g.areaM2 / 1e6)).sort((a, b) => a - b)
    // The densest tenth of the grids is far denser than the sparsest tenth.
    expect(density[Math.floor(density.length * 0.9)]!).toBeGreaterThan(5 * density[Math.floor(density.length * 0.1)]!)
  })
})
