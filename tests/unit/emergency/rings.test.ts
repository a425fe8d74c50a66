import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../../src/main/store/store'
import { G1, G2, loadEmergencyDistrict, P } from '../../support/emergencyDistrict'
import { ringOracle } from '../../support/ringOracle'
import { tempStore } from '../../support/tempStore'

const NOW = Date.UTC(2026, 10, 22, 6, 0)
const ringsM = [500, 1000, 3000]

describe('ring analysis on a hand-made district', () => {
  let store: Store
  let remove: () => void
  beforeEach(() => {
    ;({ store, remove } = tempStore())
    loadEmergencyDistrict(store, NOW)
  })
  afterEach(() => remove())

  const analyse = (limit = 100): ReturnType<Store['rings']['analyse']> => store.rings.analyse({ lon: P[0], lat: P[1], ringsM, limit })

  it('counts grids, buildings, people and special groups per cumulative ring, as worked out by hand', () => {
    const { rings } = analyse()
    expect(rings.map((r) => r.radiusM)).toEqual(ringsM)
    expect(rings.map((r) => r.grids)).toEqual([1, 1, 2])
    expect(rings.map((r) => r.buildings)).toEqual([2, 3, 4])
    expect(rings.map((r) => r.residents)).toEqual([28, 78, 178])
    expect(rings.map((r) => r.elderlyAlone)).toEqual([1, 1, 3])
    expect(rings.map((r) => r.disabled)).toEqual([0, 2, 3])
    expect(rings.map((r) => r.underCare)).toEqual([0, 1, 1])
  })

  it('counts cameras, on-duty vanguard and grid workers with a position, shelters and supply points', () => {
    const { rings } = analyse()
    expect(rings.map((r) => r.cameras)).toEqual([1, 1, 2])
    expect(rings.map((r) => r.camerasOnline)).toEqual([1, 1, 1])
    expect(rings.map((r) => r.vanguard)).toEqual([1, 1, 1])
    expect(rings.map((r) => r.workers)).toEqual([0, 1, 1])
    expect(rings.map((r) => r.shelters)).toEqual([0, 1, 1])
    expect(rings.map((r) => r.shelterCapacity)).toEqual([0, 1000, 1000])
    expect(rings.map((r) => r.supplyPoints)).toEqual([0, 0, 1])
  })

  it('equals the direct query', () => {
    const got = analyse(1000)
    const want = ringOracle(store, P[0], P[1], ringsM)
    expect(got.rings).toEqual(want.rings)
    expect(got.grids.map((g) => g.code).sort()).toEqual(want.gridCodes)
    expect(got.buildings.map((b) => b.id).sort()).toEqual(want.buildingIds)
  })

  it('lists grids with their counts per ring, buildings and cameras nearest first with distance and ring', () => {
    const a = analyse()
    expect(a.grids.map((g) => [g.code, g.ring, g.distanceM])).toEqual([
      [G1, 0, 0],
      [G2, 2, 2564]
    ])
    expect(a.grids[0]!.perRing.map((p) => p.residents)).toEqual([28, 78, 78])
    expect(a.grids[1]!.perRing).toEqual([
      { buildings: 0, residents: 0, elderlyAlone: 0, disabled: 0, underCare: 0 },
      { buildings: 0, residents: 0, elderlyAlone: 0, disabled: 0, underCare: 0 },
      { buildings: 1, residents: 100, elderlyAlone: 2, disabled: 1, underCare: 0 }
    ])
    expect(a.buildings.map((b) => [b.id, b.distanceM, b.ring])).toEqual([
      ['B1', 100, 0],
      ['B5', 300, 0],
      ['B2', 800, 1],
      ['B3', 2800, 2]
    ])
    expect(a.cameras.map((c) => [c.id, c.distanceM, c.ring, c.latestAlert?.id ?? null])).toEqual([
      ['C1', 200, 0, 'A2'],
      ['C2', 1500, 2, null]
    ])
    expect(a.cameras[0]!.latestAlert).toMatchObject({ type: 'fireSmoke', status: 'new', at: NOW - 3_600_000 })
  })

  it('lists the nearest resources whether inside the rings or not', () => {
    const { resources } = analyse()
    expect(resources.vanguard.map((s) => [s.id, s.distanceM, s.ring])).toEqual([['V1', 400, 0]])
    expect(resources.workers.map((s) => [s.id, s.distanceM, s.ring, s.role])).toEqual([
      ['W1', 900, 1, 'gridWorker'],
      ['W3', 6000, null, 'gridChief']
    ])
    expect(resources.workers[0]!.phone).toMatch(/^1380000/)
    expect(resources.shelters.map((s) => [s.id, s.distanceM, s.ring, s.capacity])).toEqual([
      ['SH1', 600, 1, 1000],
      ['SH2', 10_000, null, 5000]
    ])
    expect(resources.supplyPoints.map((s) => [s.id, s.distanceM, s.ring])).toEqual([['SP1', 2500, 2]])
    expect(resources.supplyPoints[0]!.supplies.sandbags).toBe(1000)
  })

  it('cuts every list at the limit but keeps the totals exact', () => {
    const a = analyse(1)
    expect(a.buildings.map((b) => b.id)).toEqual(['B1'])
    expect(a.cameras).toHaveLength(1)
    expect(a.resources.workers).toHaveLength(1)
    expect(a.rings[2]!.buildings).toBe(4)
    expect(a.limit).toBe(1)
  })

  it('follows other radii, and counts nothing far from everything', () => {
    const one = store.rings.analyse({ lon: P[0], lat: P[1], ringsM: [150], limit: 10 })
    expect(one.rings).toHaveLength(1)
    expect(one.rings[0]).toMatchObject({ buildings: 1, residents: 28, grids: 1, vanguard: 0 })
    const far = store.rings.analyse({ lon: 110, lat: 20, ringsM: [1000, 5000], limit: 10 })
    expect(far.rings.map((r) => r.buildings + r.grids + r.cameras + r.shelters)).toEqual([0, 0])
    expect(far.resources.shelters).toHaveLength(2)
  })
})
