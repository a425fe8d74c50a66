import { createHash } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DAY_MS } from '@shared/time'
import { generateDemoDistrict, planDemoDistrict, type DemoDistrict } from '../../../src/main/demo/generate'
import { demoOptions } from './fixture'

const hashOf = (value: unknown): string => {
  const h = createHash('sha256')
  for (const [key, part] of Object.entries(value as Record<string, unknown>)) h.update(key).update(JSON.stringify(part))
  return h.digest('hex')
}

let first: DemoDistrict
let hash: string
beforeAll(() => {
  first = generateDemoDistrict(demoOptions)
  hash = hashOf(first)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('demo district: determinism', () => {
  it('gives identical output for the same inputs', () => {
    expect(hashOf(generateDemoDistrict(demoOptions))).toBe(hash)
  })

  it('gives a different district for a different seed', () => {
    const other = generateDemoDistrict({ ...demoOptions, seed: demoOptions.seed + 1 })
    expect(hashOf(other)).not.toBe(hash)
    expect(other.grids[0]!.geometry).not.toEqual(first.grids[0]!.geometry)
    expect(other.events[0]).not.toEqual(first.events[0])
    expect(other.grids.length).toBe(first.grids.length)
  })

  it('keeps the territory and the roster when only "now" moves; events follow now', () => {
    const later = generateDemoDistrict({ ...demoOptions, now: demoOptions.now + 3 * DAY_MS })
    expect(hashOf({ g: later.grids, b: later.buildings, c: later.cameras })).toBe(hashOf({ g: first.grids, b: first.buildings, c: first.cameras }))
    expect(later.staff.map((s) => [s.id, s.name, s.role, s.phone])).toEqual(first.staff.map((s) => [s.id, s.name, s.role, s.phone]))
    expect(Math.max(...later.events.map((e) => e.reportedAt))).toBeGreaterThan(demoOptions.now)
  })

  it('does not depend on how the events are chunked', () => {
    const { events: planner } = planDemoDistrict(demoOptions)
    const daily = [...planner.chunks(1)].flatMap((c) => c.events)
    expect(hashOf({ e: daily })).toBe(hashOf({ e: first.events }))
  })

  it('scales buildings, cameras, staff and events but not the grids', () => {
    const small = generateDemoDistrict({ ...demoOptions, scale: 0.1 })
    expect(hashOf({ g: small.grids })).toBe(hashOf({ g: first.grids }))
    expect(small.events.length).toBe(Math.round(first.events.length / 10))
    expect(small.buildings.length).toBe(Math.round(first.buildings.length / 10))
    expect(small.cameras.length).toBe(Math.round(first.cameras.length / 10))
    // Every grid keeps its chief and a full-time worker whatever the scale.
    expect(small.staff.length).toBeGreaterThanOrEqual(2 * 264)
    expect(small.staff.length).toBeLessThan(first.staff.length / 2)
  })

  it('draws the district around the requested centre', () => {
    const moved = generateDemoDistrict({ ...demoOptions, scale: 0.05, center: [114.05, 22.55] })
    expect(Math.abs(moved.district.centroid[0] - 114.05)).toBeLessThan(0.05)
    expect(Math.abs(moved.district.centroid[1] - 22.55)).toBeLessThan(0.05)
    expect(moved.district.areaM2).toBeCloseTo(first.district.areaM2, -6)
  })

  it('never calls Math.random', () => {
    const random = vi.spyOn(Math, 'random')
    generateDemoDistrict({ ...demoOptions, scale: 0.05 })
    expect(random).not.toHaveBeenCalled()
  })

  it('refuses options it cannot honour', () => {
    expect(() => generateDemoDistrict({ ...demoOptions, scale: 0 })).toThrow(/scale/)
    expect(() => generateDemoDistrict({ ...demoOptions, seed: 1.5 })).toThrow(/seed/)
    expect(() => generateDemoDistrict({ ...demoOptions, now: Number.NaN })).toThrow(/now/)
  })
})
