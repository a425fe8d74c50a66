import { describe, expect, it } from 'vitest'
import { defaultRingsM, incidentBrief, incidentLevelColors, incidentLevels, incidentTypes, MAX_RING_RADIUS_M, MAX_RINGS, type Incident } from '@shared/domain/incident'
import { enterEmergencySchema, leaveEmergencySchema, ringRadiiSchema } from '@shared/domain/incidentInput'
import { boxAround, haversineM, polygonDistanceM, ringOf, type PolygonGeometry } from '@shared/domain/ringGeometry'

const enter = { type: 'fire', level: 'IV', location: { gridCode: '440311-001-01-001' }, reason: '厂房起火', drill: false }

describe('incident types, levels and default rings', () => {
  it('gives every type 1–3 ascending default rings within 20 km', () => {
    expect(Object.keys(defaultRingsM).sort()).toEqual([...incidentTypes].sort())
    for (const type of incidentTypes) expect(ringRadiiSchema.safeParse([...defaultRingsM[type]]).success, type).toBe(true)
    expect(defaultRingsM.fire).toEqual([500, 1000, 3000])
    expect(defaultRingsM.hazardousChemicals[2]!).toBeGreaterThan(defaultRingsM.fire[2]!)
  })

  it('has the four levels of 突发事件, I the most serious and red', () => {
    expect(incidentLevels).toEqual(['I', 'II', 'III', 'IV'])
    expect(incidentLevels.map((l) => incidentLevelColors[l])).toEqual(['red', 'orange', 'yellow', 'blue'])
  })

  it('briefs an incident for the status', () => {
    const incident = { id: 'INC-20261122-01', type: 'fire', level: 'II', label: '某网格', drill: true, startedAt: 1, lon: 0, lat: 0, reason: 'r' } as Incident
    expect(incidentBrief(incident)).toEqual({ id: 'INC-20261122-01', type: 'fire', level: 'II', label: '某网格', drill: true, startedAt: 1 })
  })
})

describe('the enter and leave inputs', () => {
  it('accepts a grid, a building or a WGS-84 point with an optional address', () => {
    for (const location of [{ gridCode: '440311-001-01-001' }, { buildingId: 'B0000001' }, { lon: 113.94, lat: 22.76 }, { lon: 113.94, lat: 22.76, label: '光明大道 1 号' }]) {
      expect(enterEmergencySchema.safeParse({ ...enter, location }).success, JSON.stringify(location)).toBe(true)
    }
  })

  it('refuses what it cannot honour', () => {
    const bad = [
      { ...enter, location: { gridCode: '440311-001-01' } },
      { ...enter, location: { gridCode: '440311-001-01-001', lon: 1, lat: 1 } },
      { ...enter, location: { lon: 181, lat: 0 } },
      { ...enter, reason: 'x' },
      { ...enter, reason: 'x'.repeat(501) },
      { ...enter, drill: 'yes' },
      { ...enter, ringsM: [500, 500] },
      { ...enter, ringsM: [10, 500] },
      { ...enter, ringsM: [500, 1000, 3000, 4000].slice(0, MAX_RINGS + 1) },
      { ...enter, ringsM: [MAX_RING_RADIUS_M + 1] },
      { ...enter, ringsM: [500.5] },
      { ...enter, extra: true }
    ]
    for (const input of bad) expect(enterEmergencySchema.safeParse(input).success, JSON.stringify(input)).toBe(false)
    expect(leaveEmergencySchema.safeParse({ summary: '好' }).success).toBe(false)
    expect(leaveEmergencySchema.safeParse({ summary: 'x'.repeat(1001) }).success).toBe(false)
    expect(leaveEmergencySchema.parse({ summary: '  处置完毕  ' })).toEqual({ summary: '处置完毕' })
  })
})

describe('ring geometry', () => {
  it('measures haversine metres', () => {
    expect(haversineM(113.9, 22, 113.9, 23)).toBeCloseTo(111_195, 0)
    expect(haversineM(113.9, 22.7, 113.9, 22.7)).toBe(0)
    // One degree of longitude at 22.7° N is cos(22.7°) of one at the equator.
    expect(haversineM(113, 22.7, 114, 22.7) / haversineM(0, 0, 1, 0)).toBeCloseTo(Math.cos((22.7 * Math.PI) / 180), 4)
  })

  it('boxes every point within the radius', () => {
    const box = boxAround(113.94, 22.76, 3000)
    for (let a = 0; a < 360; a += 15) {
      const rad = (a * Math.PI) / 180
      const lat = 22.76 + (3000 * Math.cos(rad)) / 111_195
      const lon = 113.94 + (3000 * Math.sin(rad)) / (111_195 * Math.cos((22.76 * Math.PI) / 180))
      expect(lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon, String(a)).toBe(true)
    }
  })

  it('puts a distance in the innermost ring that holds it (boundary included)', () => {
    expect([0, 500, 501, 1000, 2999, 3000, 3001].map((d) => ringOf(d, [500, 1000, 3000]))).toEqual([0, 0, 1, 1, 2, 2, null])
  })

  it('measures to a polygon: 0 inside, to the nearest edge outside, holes are outside', () => {
    const square: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [[113.9, 22.7], [114.0, 22.7], [114.0, 22.8], [113.9, 22.8], [113.9, 22.7]],
        [[113.94, 22.74], [113.96, 22.74], [113.96, 22.76], [113.94, 22.76], [113.94, 22.74]]
      ]
    }
    expect(polygonDistanceM(113.91, 22.71, square)).toBe(0)
    expect(polygonDistanceM(113.95, 22.75, square)).toBeCloseTo(haversineM(113.95, 22.75, 113.96, 22.75), 0)
    expect(polygonDistanceM(113.95, 22.69, square)).toBeCloseTo(haversineM(113.95, 22.69, 113.95, 22.7), 0)
    const multi: PolygonGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates, [[[114.1, 22.7], [114.2, 22.7], [114.2, 22.8], [114.1, 22.7]]]] }
    expect(polygonDistanceM(114.15, 22.71, multi)).toBe(0)
  })
})
