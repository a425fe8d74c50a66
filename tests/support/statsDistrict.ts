import type { EventCategoryId } from '@shared/domain/categories'
import type { EventSource, EventTransition, GovEvent } from '@shared/domain/event'
import type { Staff } from '@shared/domain/people'
import type { Building } from '@shared/domain/region'
import { DAY_MS, fromShanghai, HOUR_MS, MINUTE_MS } from '@shared/time'
import { metaKeys } from '../../src/main/store/metaKeys'
import type { RegionRecord } from '../../src/main/store/repositories/regions'
import type { Store } from '../../src/main/store/store'

/**
 * A hand-made district for the wall's statistics, small enough to work every answer out by hand
 * (tests/unit/stats). "Today" is Sunday 22 November 2026 in Shanghai; the wall looks at 10:00.
 *
 *   440311 测试区
 *   ├─ 440311-001 甲街道 ─ 440311-001-01 一社区 ─ G1 440311-001-01-001 (1,000 residents)
 *   │                                          └ G2 440311-001-01-002 (2,000 residents)
 *   └─ 440311-002 乙街道 ─ 440311-002-01 二社区 ─ G3 440311-002-01-001 (500 residents)
 */
export const T0 = fromShanghai(2026, 11, 22)
export const NOW = T0 + 10 * HOUR_MS
export const Y0 = T0 - DAY_MS
export const G1 = '440311-001-01-001'
export const G2 = '440311-001-01-002'
export const G3 = '440311-002-01-001'

const square = (x: number, y: number, size: number): RegionRecord['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]
})

const region = (code: string, level: RegionRecord['level'], name: string, parentCode: string | null, population: number | null): RegionRecord => ({
  code, level, name, parentCode,
  centroid: [114, 22.7],
  areaM2: 250_000,
  geometry: square(113.9, 22.7, 0.01),
  profile: population === null ? null : { population, households: population / 2.5, partyMembers: 20, specialGroups: { elderlyAlone: 3, disabled: 2, underCare: 1 } }
})

const staff = (id: string, role: Staff['role'], gridCode: string, dutyStatus: Staff['dutyStatus']): Staff => ({
  id, name: `员工${id}`, role, gridCode, phone: `1380000${id.slice(1).padStart(4, '0')}`, dutyStatus, lon: null, lat: null
})

const building = (id: string, gridCode: string, riskLevel: Building['riskLevel']): Building => ({
  id, gridCode, name: `楼${id}`, lon: 113.905, lat: 22.705, riskLevel, floors: 6, households: 24
})

interface Spec {
  id: string
  grid: string
  at: number
  deadline: number
  closed: number | null
  sat: number | null
  reporter: string
  handler: string | null
  category?: EventCategoryId
  source?: EventSource
}

/**
 * The events, with the reason each one is there. Reporter and handler come only from the
 * transitions ('report', 'reportHandled'): insertMany fills the columns from them.
 */
export const statsEvents: readonly Spec[] = [
  // Today.
  { id: 'A1', grid: G1, at: T0 + MINUTE_MS, deadline: T0 + MINUTE_MS + DAY_MS, closed: null, sat: null, reporter: 'S2', handler: null },
  { id: 'A2', grid: G1, at: T0 - MINUTE_MS, deadline: T0 - MINUTE_MS + DAY_MS, closed: T0 + 2 * HOUR_MS, sat: 5, reporter: 'S2', handler: 'S2' },
  { id: 'A3', grid: G2, at: T0 + 9 * HOUR_MS, deadline: T0 + 9 * HOUR_MS + DAY_MS, closed: null, sat: null, reporter: 'system', handler: null, category: 'livelihood', source: 'hotline' },
  { id: 'A4', grid: G3, at: T0 + 8 * HOUR_MS, deadline: T0 + 8 * HOUR_MS + DAY_MS, closed: T0 + 9 * HOUR_MS, sat: 3, reporter: 'S5', handler: 'S5', category: 'environment', source: 'camera' },
  // Yesterday: B1 before 10:00 (in the comparison), B2 after it.
  { id: 'B1', grid: G1, at: Y0 + 5 * HOUR_MS, deadline: Y0 + 5 * HOUR_MS + DAY_MS, closed: Y0 + 6 * HOUR_MS, sat: 4, reporter: 'S3', handler: 'S2' },
  { id: 'B2', grid: G3, at: Y0 + 15 * HOUR_MS, deadline: Y0 + 15 * HOUR_MS + DAY_MS, closed: null, sat: null, reporter: 'S5', handler: null, source: 'resident' },
  // Older.
  { id: 'C1', grid: G2, at: T0 - 10 * DAY_MS, deadline: T0 - 9 * DAY_MS, closed: T0 - 8 * DAY_MS, sat: 4, reporter: 'S4', handler: 'S4' },
  { id: 'C2', grid: G1, at: T0 - 20 * DAY_MS, deadline: T0 - 5 * DAY_MS, closed: null, sat: null, reporter: 'S2', handler: null, category: 'dispute' },
  { id: 'C3', grid: G3, at: T0 - 15 * DAY_MS, deadline: T0 - 12 * DAY_MS, closed: T0 - 3 * DAY_MS, sat: null, reporter: 'S5', handler: 'S5' },
  { id: 'C4', grid: G2, at: T0 - 40 * DAY_MS, deadline: T0 - 38 * DAY_MS, closed: null, sat: null, reporter: 'S4', handler: null },
  { id: 'C5', grid: G1, at: T0 - 33 * DAY_MS, deadline: T0 - 32 * DAY_MS, closed: T0 - 31 * DAY_MS - 12 * HOUR_MS, sat: 5, reporter: 'S1', handler: 'S1' },
  { id: 'C6', grid: G1, at: T0 - 9 * DAY_MS, deadline: T0 - 8 * DAY_MS, closed: T0 - 6 * DAY_MS, sat: null, reporter: 'S3', handler: 'S4' }
]

export function statsEventRows(): { events: GovEvent[]; transitions: EventTransition[] } {
  const events: GovEvent[] = []
  const transitions: EventTransition[] = []
  for (const s of statsEvents) {
    events.push({
      id: s.id, category: s.category ?? 'cityManagement', source: s.source ?? 'patrol', level: 1,
      status: s.closed === null ? (s.handler ? 'handled' : 'reported') : s.sat === null ? 'closed' : 'rated',
      gridCode: s.grid, title: s.id, lon: 113.905, lat: 22.705,
      reportedAt: s.at, deadlineAt: s.deadline, closedAt: s.closed, satisfaction: s.sat
    })
    transitions.push({ eventId: s.id, action: 'report', status: 'reported', at: s.at, actor: s.reporter })
    if (s.handler) transitions.push({ eventId: s.id, action: 'reportHandled', status: 'handled', at: s.at + MINUTE_MS, actor: s.handler })
  }
  return { events, transitions }
}

export function loadStatsDistrict(store: Store): void {
  store.regions.insertMany([
    region('440311', 'district', '测试区', null, null),
    region('440311-001', 'street', '甲街道', '440311', null),
    region('440311-002', 'street', '乙街道', '440311', null),
    region('440311-001-01', 'community', '一社区', '440311-001', null),
    region('440311-002-01', 'community', '二社区', '440311-002', null),
    region(G1, 'grid', '一社区第1网格', '440311-001-01', 1000),
    region(G2, 'grid', '一社区第2网格', '440311-001-01', 2000),
    region(G3, 'grid', '二社区第1网格', '440311-002-01', 500)
  ])
  store.staff.insertMany([
    staff('S3', 'partTimeWorker', G1, 'offDuty'),
    staff('S2', 'gridWorker', G1, 'onDuty'),
    staff('S1', 'gridChief', G1, 'onDuty'),
    staff('S4', 'gridWorker', G2, 'onDuty'),
    staff('S5', 'gridWorker', G3, 'leave')
  ])
  store.cameras.insertMany([
    { id: 'C-1', name: '一号', site: 'mainRoad', gridCode: G1, lon: 113.905, lat: 22.705, online: true },
    { id: 'C-2', name: '二号', site: 'park', gridCode: G1, lon: 113.905, lat: 22.705, online: false },
    { id: 'C-3', name: '三号', site: 'school', gridCode: G3, lon: 113.905, lat: 22.705, online: true }
  ])
  store.buildings.insertMany([
    building('B-1', G1, 'safe'),
    building('B-2', G1, 'warning'),
    building('B-3', G2, 'normal'),
    building('B-4', G3, 'warning'),
    building('B-5', G3, 'warning')
  ])
  const { events, transitions } = statsEventRows()
  store.events.insertMany(events, transitions)
  store.meta.set(metaKeys.districtCode, '440311')
  store.meta.set(metaKeys.districtName, '测试区')
}
