import type { DutyStatus, Staff, StaffRole } from '@shared/domain/people'
import { shanghaiHour } from '@shared/time'
import type { Point } from './geometry'
import { personName, phoneNumber } from './names'
import type { LocalProjection } from './projection'
import type { Random } from './random'
import type { PlannedGrid } from './regions'

/**
 * People per grid at scale 1, as [min, max] drawn uniformly. Seed 001 sank 3,596 staff into 264
 * sub-grids (~13.6 each); seed 004 has one chief per grid and several part-timers per full-timer.
 */
const perGrid: Record<Exclude<StaffRole, 'gridChief'>, [number, number]> = {
  gridWorker: [1, 2],
  partTimeWorker: [5, 7],
  deptStaff: [2, 3],
  vanguardTeam: [1, 4]
}

/** Chance of being on duty by day (08:00–20:00) and at night; 3 % are on leave. */
const onDutyChance: Record<StaffRole, { day: number; night: number }> = {
  gridChief: { day: 0.9, night: 0.15 },
  gridWorker: { day: 0.92, night: 0.25 },
  partTimeWorker: { day: 0.65, night: 0.08 },
  deptStaff: { day: 0.7, night: 0.2 },
  vanguardTeam: { day: 0.45, night: 0.05 }
}
const LEAVE_SHARE = 0.03

export interface GridTeam {
  chief: string
  /** Full-time workers: they accept what residents and devices report. */
  fullTime: string[]
  /** Full-time and part-time workers: they patrol, report and handle. */
  workers: string[]
  /** Sunk-down department staff: they handle level 3 cases. */
  dept: string[]
}

export interface StaffRoster {
  staff: Staff[]
  /** Staff ids per grid (same order as the grids): the actors of each grid's events. */
  teams: GridTeam[]
}

function drawDutyStatus(rng: Random, role: StaffRole, daytime: boolean): DutyStatus {
  if (rng.chance(LEAVE_SHARE)) return 'leave'
  const p = onDutyChance[role]
  return rng.chance(daytime ? p.day : p.night) ? 'onDuty' : 'offDuty'
}

/**
 * ~3,600 staff × scale. Every grid has exactly one chief and at least one full-time worker; the
 * other roles scale. Staff on duty carry a last known position inside their grid, near buildings.
 */
export function generateStaff(
  rng: Random,
  grids: readonly PlannedGrid[],
  sitesByGrid: readonly Point[][],
  scale: number,
  now: number,
  projection: LocalProjection
): StaffRoster {
  const hour = shanghaiHour(now)
  const daytime = hour >= 8 && hour < 20
  const phones = new Set<string>()
  const staff: Staff[] = []
  const teams: GridTeam[] = []
  grids.forEach((grid, gi) => {
    // Who is in the team does not depend on the time of day; who is on duty, and where, does.
    const people = rng.fork(grid.record.code)
    const shift = rng.fork(`${grid.record.code}:duty`)
    const sites = sitesByGrid[gi] ?? []
    const team: GridTeam = { chief: '', fullTime: [], workers: [], dept: [] }
    const add = (role: StaffRole): string => {
      const duty = drawDutyStatus(shift, role, daytime)
      let position: [number, number] | [null, null] = [null, null]
      if (duty === 'onDuty') {
        const site = sites.length > 0 ? shift.pick(sites) : null
        position = projection.toLonLat((site && grid.sampler.near(shift, site, 80)) ?? grid.sampler.sample(shift))
      }
      const id = `S${String(staff.length + 1).padStart(6, '0')}`
      staff.push({
        id,
        name: personName(people),
        role,
        gridCode: grid.record.code,
        phone: phoneNumber(people, phones),
        dutyStatus: duty,
        lon: position[0],
        lat: position[1]
      })
      return id
    }
    const counts = (Object.entries(perGrid) as [StaffRole, [number, number]][]).map(
      ([role, [min, max]]) => [role, Math.max(role === 'gridWorker' ? 1 : 0, people.stochasticRound(people.int(min, max) * scale))] as const
    )
    team.chief = add('gridChief')
    for (const [role, n] of counts) {
      for (let k = 0; k < n; k++) {
        const id = add(role)
        if (role === 'gridWorker') team.fullTime.push(id)
        if (role === 'gridWorker' || role === 'partTimeWorker') team.workers.push(id)
        else if (role === 'deptStaff') team.dept.push(id)
      }
    }
    teams.push(team)
  })
  return { staff, teams }
}
