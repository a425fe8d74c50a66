import { beforeAll, describe, expect, it } from 'vitest'
import { cameraSites } from '@shared/domain/camera'
import { staffRoles, type StaffRole } from '@shared/domain/people'
import { generateDemoDistrict, type DemoDistrict } from '../../../src/main/demo/generate'
import { demoOptions, share } from './fixture'

let d: DemoDistrict
beforeAll(() => {
  d = generateDemoDistrict(demoOptions)
})

const unique = (ids: readonly string[]): boolean => new Set(ids).size === ids.length

describe('demo district: buildings', () => {
  it('has ~30,000 buildings with unique ids, names and plausible sizes', () => {
    expect(d.buildings.length).toBeGreaterThan(29_000)
    expect(d.buildings.length).toBeLessThan(31_000)
    expect(unique(d.buildings.map((b) => b.id))).toBe(true)
    const odd = d.buildings.filter(
      (b) => !/\p{Script=Han}/u.test(b.name) || b.floors < 1 || b.floors > 40 || b.households < 0 || b.households > b.floors * 12
    )
    expect(odd).toEqual([])
    expect(share(d.buildings, (b) => b.floors >= 18)).toBeGreaterThan(0.02)
  })

  it('rates risk in the seed’s proportions: 82 % safe, 12.5 % normal, 5.5 % warning (±0.5 %)', () => {
    expect(share(d.buildings, (b) => b.riskLevel === 'safe')).toBeCloseTo(0.82, 2)
    expect(Math.abs(share(d.buildings, (b) => b.riskLevel === 'normal') - 0.125)).toBeLessThan(0.005)
    expect(Math.abs(share(d.buildings, (b) => b.riskLevel === 'warning') - 0.055)).toBeLessThan(0.005)
  })
})

describe('demo district: cameras', () => {
  it('has ~960 cameras at every kind of site, ~95 % online', () => {
    expect(d.cameras.length).toBeGreaterThan(900)
    expect(d.cameras.length).toBeLessThan(1000)
    expect(unique(d.cameras.map((c) => c.id))).toBe(true)
    expect(new Set(d.cameras.map((c) => c.site))).toEqual(new Set(cameraSites))
    expect(share(d.cameras, (c) => c.site === 'mainRoad')).toBeGreaterThan(0.2)
    expect(Math.abs(share(d.cameras, (c) => c.online) - 0.95)).toBeLessThan(0.01)
  })
})

describe('demo district: grid teams', () => {
  it('has ~3,600 staff, about 12–14 per grid', () => {
    expect(d.staff.length).toBeGreaterThan(3_300)
    expect(d.staff.length).toBeLessThan(3_900)
    expect(unique(d.staff.map((s) => s.id))).toBe(true)
  })

  it('gives every grid exactly one chief, one or two full-time workers and several part-timers', () => {
    const roles = new Map<string, Record<StaffRole, number>>()
    for (const s of d.staff) {
      const r = roles.get(s.gridCode) ?? (Object.fromEntries(staffRoles.map((k) => [k, 0])) as Record<StaffRole, number>)
      r[s.role]++
      roles.set(s.gridCode, r)
    }
    expect(roles.size).toBe(264)
    for (const [code, r] of roles) {
      expect(r.gridChief, code).toBe(1)
      expect(r.gridWorker, code).toBeGreaterThanOrEqual(1)
      expect(r.gridWorker, code).toBeLessThanOrEqual(2)
      expect(r.partTimeWorker, code).toBeGreaterThanOrEqual(3)
    }
    expect(share(d.staff, (s) => s.role === 'deptStaff')).toBeGreaterThan(0.1)
    expect(share(d.staff, (s) => s.role === 'vanguardTeam')).toBeGreaterThan(0.1)
  })

  it('names people in Chinese with unique mainland-style mobile numbers', () => {
    for (const s of d.staff) {
      expect(s.name).toMatch(/^\p{Script=Han}{2,3}$/u)
      expect(s.phone).toMatch(/^1[3-9]\d{9}$/)
    }
    expect(unique(d.staff.map((s) => s.phone))).toBe(true)
  })

  it('has most staff on duty in the daytime', () => {
    expect(share(d.staff, (s) => s.dutyStatus === 'onDuty')).toBeGreaterThan(0.55)
    expect(share(d.staff, (s) => s.dutyStatus === 'leave')).toBeLessThan(0.06)
  })
})
