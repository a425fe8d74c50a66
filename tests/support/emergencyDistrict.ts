import type { Camera } from '@shared/domain/camera'
import type { Shelter, SupplyPoint } from '@shared/domain/emergencyResources'
import { ancestorCode } from '@shared/domain/gridCode'
import type { Staff } from '@shared/domain/people'
import type { Building } from '@shared/domain/region'
import { EARTH_RADIUS_M } from '@shared/domain/ringGeometry'
import type { RoutedAlert } from '../../src/main/alerts/types'
import type { Store } from '../../src/main/store/store'
import { loadMiniDistrict } from './miniDistrict'

/**
 * The mini district (tests/support/miniDistrict.ts) with people, cameras, staff and places at known
 * distances from P, the centre of grid G1 (113.925, 22.725), the centroid a grid-located incident
 * uses. G2 begins 2,564 m east of P, G3 7.7 km east: rings of 500 m / 1 km / 3 km reach G1 and G2.
 */
export const P: [number, number] = [113.925, 22.725]
export const G1 = '440311-001-01-001'
export const G2 = '440311-001-01-002'
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180

/** The point `north` and `east` metres from P (the haversine distance is the hypotenuse to well under a metre). */
export function near(north: number, east: number): { lon: number; lat: number } {
  return { lon: P[0] + east / (M_PER_DEG * Math.cos((P[1] * Math.PI) / 180)), lat: P[1] + north / M_PER_DEG }
}

const building = (id: string, gridCode: string, at: { lon: number; lat: number }, households: number): Building => ({
  id, gridCode, name: `楼${id}`, ...at, riskLevel: 'normal', floors: 6, households
})
const staff = (id: string, role: Staff['role'], dutyStatus: Staff['dutyStatus'], at: { lon: number; lat: number } | null): Staff => ({
  id, name: `员工${id}`, role, gridCode: G1, phone: `1380000${id.slice(1).padStart(4, '0')}`, dutyStatus, lon: at?.lon ?? null, lat: at?.lat ?? null
})
const camera = (id: string, at: { lon: number; lat: number }, online: boolean): Camera => ({ id, name: `摄像机${id}`, site: 'mainRoad', gridCode: G1, ...at, online })

/**
 *            distance  ring (500/1000/3000)   what
 *   B1        100 m N   0   28 residents, 1 elderly alone
 *   B5        300 m W   0   non-residential, no people row
 *   B2        800 m S   1   50 residents, 2 disabled, 1 under care
 *   B3      2,800 m E   2   (in G2) 100 residents, 2 elderly alone, 1 disabled
 *   B4      5,000 m E   –   (in G2) 500 residents
 *   C1 200 m E online (alerts A1 then A2), C2 1,500 m N offline, C3 3,500 m N
 *   V1 vanguard on duty 400 m, V2 vanguard off duty 100 m, W1 grid worker on duty 900 m,
 *   W2 part-timer on duty with no position, W3 chief on duty 6 km, D1 department staff on duty 50 m
 *   SH1 600 m (1,000 people), SH2 10 km (5,000), SP1 2,500 m
 */
export function loadEmergencyDistrict(store: Store, now: number): void {
  loadMiniDistrict(store, now)
  store.buildings.insertMany([
    building('B1', G1, near(100, 0), 10),
    building('B2', G1, near(-800, 0), 20),
    building('B3', G2, near(0, 2800), 40),
    building('B4', G2, near(0, 5000), 200),
    building('B5', G1, near(0, -300), 0)
  ])
  store.resources.insertPeople([
    { buildingId: 'B1', residents: 28, elderlyAlone: 1, disabled: 0, underCare: 0 },
    { buildingId: 'B2', residents: 50, elderlyAlone: 0, disabled: 2, underCare: 1 },
    { buildingId: 'B3', residents: 100, elderlyAlone: 2, disabled: 1, underCare: 0 },
    { buildingId: 'B4', residents: 500, elderlyAlone: 5, disabled: 9, underCare: 2 }
  ])
  store.cameras.insertMany([camera('C1', near(0, 200), true), camera('C2', near(1500, 0), false), camera('C3', near(3500, 0), true)])
  const c1 = near(0, 200)
  store.alerts.ingest([fireAlert('A1', 'C1', now - 2 * 3_600_000, c1), fireAlert('A2', 'C1', now - 3_600_000, c1)])
  store.staff.insertMany([
    staff('V1', 'vanguardTeam', 'onDuty', near(400, 0)),
    staff('V2', 'vanguardTeam', 'offDuty', near(100, 0)),
    staff('W1', 'gridWorker', 'onDuty', near(0, -900)),
    staff('W2', 'partTimeWorker', 'onDuty', null),
    staff('W3', 'gridChief', 'onDuty', near(6000, 0)),
    staff('D1', 'deptStaff', 'onDuty', near(50, 0))
  ])
  const shelters: Shelter[] = [
    { id: 'SH1', name: '一社区小学应急避难场所', kind: 'school', gridCode: G1, ...near(600, 0), capacity: 1000 },
    { id: 'SH2', name: '二社区公园应急避难场所', kind: 'park', gridCode: '440311-002-01-001', ...near(0, 10_000), capacity: 5000 }
  ]
  store.resources.insertShelters(shelters)
  const supplies = { tents: 10, foldingBeds: 20, quilts: 50, drinkingWater: 100, instantFood: 100, sandbags: 1000, pumps: 2, lifeJackets: 10, generators: 1 }
  const points: SupplyPoint[] = [{ id: 'SP1', name: '一社区应急物资储备点', gridCode: G2, ...near(0, 2500), supplies }]
  store.resources.insertSupplyPoints(points)
}

/** A new smoke-and-fire alert of a camera at a spot of G1, as the ingest stores it (the pipeline is tested elsewhere). */
export function fireAlert(id: string, cameraId: string, at: number, spot: { lon: number; lat: number }): RoutedAlert {
  return {
    id,
    cameraId,
    at,
    ...spot,
    format: 'native',
    type: 'fireSmoke',
    score: 0.9,
    position: null,
    snapshotUrl: null,
    zone: null,
    trackId: null,
    ended: false,
    gridCode: G1,
    communityCode: ancestorCode(G1, 'community'),
    streetCode: ancestorCode(G1, 'street')
  }
}
