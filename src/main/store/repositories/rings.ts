import type { Db } from '../database'
import type {
  NearbyShelter,
  NearbyStaff,
  NearbySupplyPoint,
  RingAnalysis,
  RingBuilding,
  RingCamera,
  RingGrid,
  RingTotals
} from '@shared/api/incidentTypes'
import type { AlertStatus } from '@shared/domain/alert'
import type { CameraSite } from '@shared/domain/camera'
import type { PeopleCounts, ShelterKind, Supplies } from '@shared/domain/emergencyResources'
import type { StaffRole } from '@shared/domain/people'
import { boxAround, haversineM, polygonBox, polygonDistanceM, ringOf, type PolygonGeometry } from '@shared/domain/ringGeometry'

export interface RingQuery {
  lon: number
  lat: number
  /** Ascending radii, metres. */
  ringsM: readonly number[]
  /** Longest list returned (buildings, cameras, each kind of resource). */
  limit: number
}

export type RingResult = Omit<RingAnalysis, 'incidentId' | 'drill'>

/** Staff roles that count as grid workers on duty (the chief and part-time workers included). */
export const workerRoles: readonly StaffRole[] = ['gridChief', 'gridWorker', 'partTimeWorker']

type Box = ReturnType<typeof boxAround>

const noPeople = (): PeopleCounts & { buildings: number } => ({ buildings: 0, residents: 0, elderlyAlone: 0, disabled: 0, underCare: 0 })

function addPeople(to: PeopleCounts & { buildings: number }, p: PeopleCounts): void {
  to.buildings++
  to.residents += p.residents
  to.elderlyAlone += p.elderlyAlone
  to.disabled += p.disabled
  to.underCare += p.underCare
}

/** Places with their distance and ring, nearest first (ties by id). */
function place<T extends { id: string; lon: number; lat: number }>(q: RingQuery, rows: readonly T[]): (T & { distanceM: number; ring: number | null })[] {
  return rows
    .map((r) => ({ r, d: haversineM(q.lon, q.lat, r.lon, r.lat) }))
    .sort((a, b) => a.d - b.d || (a.r.id < b.r.id ? -1 : 1))
    .map(({ r, d }) => ({ ...r, distanceM: Math.round(d), ring: ringOf(d, q.ringsM) }))
}

/**
 * The ring analysis of an incident (docs/EMERGENCY.md, "Ring rules"): rings are cumulative (ring k
 * holds everything within ringsM[k]); a building, camera, staff member or place is in a ring by its
 * point; a grid by any part of it (or by a building of it that is). Distances are haversine metres
 * on WGS-84. Buildings are read through their position index (a latitude band), the rest is small.
 */
export class RingRepository {
  constructor(private readonly db: Db) {}

  analyse(q: RingQuery): RingResult {
    const outer = q.ringsM[q.ringsM.length - 1]!
    const box = boxAround(q.lon, q.lat, outer)
    const buildings = this.buildings(q, box)
    const cameras = this.cameras(q, box)
    const staff = place(q, this.staffOnDuty())
    const vanguard = staff.filter((s) => s.role === 'vanguardTeam')
    const workers = staff.filter((s) => workerRoles.includes(s.role))
    const shelters = place(q, this.shelters())
    const supplyPoints = place(q, this.supplyPoints())
    const grids = this.grids(q, box, buildings)

    const rings: RingTotals[] = q.ringsM.map((radiusM, k) => {
      const people = noPeople()
      for (const b of buildings) if (b.ring <= k) addPeople(people, b)
      const inRing = <T extends { ring: number | null }>(xs: readonly T[]): T[] => xs.filter((x) => x.ring !== null && x.ring <= k)
      const camerasIn = inRing(cameras)
      const sheltersIn = inRing(shelters)
      return {
        radiusM,
        grids: inRing(grids).length,
        ...people,
        cameras: camerasIn.length,
        camerasOnline: camerasIn.filter((c) => c.online).length,
        vanguard: inRing(vanguard).length,
        workers: inRing(workers).length,
        shelters: sheltersIn.length,
        shelterCapacity: sheltersIn.reduce((s, x) => s + x.capacity, 0),
        supplyPoints: inRing(supplyPoints).length
      }
    })
    const listed = cameras.slice(0, q.limit).map((c) => ({ ...c, latestAlert: this.latestAlert(c.id) }))
    return {
      centre: { crs: 'WGS84', lon: q.lon, lat: q.lat },
      ringsM: [...q.ringsM],
      rings,
      grids,
      buildings: buildings.slice(0, q.limit),
      cameras: listed,
      resources: {
        vanguard: vanguard.slice(0, q.limit),
        workers: workers.slice(0, q.limit),
        shelters: shelters.slice(0, q.limit),
        supplyPoints: supplyPoints.slice(0, q.limit)
      },
      limit: q.limit
    }
  }

  /** Buildings within the outer ring with their people, nearest first. */
  private buildings(q: RingQuery, box: Box): RingBuilding[] {
    const rows = this.db
      .prepare<Box, Omit<RingBuilding, 'distanceM' | 'ring'>>(
        `SELECT b.id, b.name, b.grid_code AS gridCode, b.lon, b.lat, b.risk_level AS riskLevel,
                coalesce(p.residents, 0) AS residents, coalesce(p.elderly_alone, 0) AS elderlyAlone,
                coalesce(p.disabled, 0) AS disabled, coalesce(p.under_care, 0) AS underCare
         FROM buildings b INDEXED BY buildings_position LEFT JOIN building_people p ON p.building_id = b.id
         WHERE b.lat BETWEEN @minLat AND @maxLat AND b.lon BETWEEN @minLon AND @maxLon`
      )
      .all(box)
    return within(place(q, rows))
  }

  private cameras(q: RingQuery, box: Box): Omit<RingCamera, 'latestAlert'>[] {
    const rows = this.db
      .prepare<Box, Omit<RingCamera, 'distanceM' | 'ring' | 'latestAlert' | 'online'> & { online: number }>(
        `SELECT id, name, site, grid_code AS gridCode, lon, lat, online FROM cameras
         WHERE lat BETWEEN @minLat AND @maxLat AND lon BETWEEN @minLon AND @maxLon`
      )
      .all(box)
    return within(place(q, rows.map((c) => ({ ...c, site: c.site as CameraSite, online: c.online === 1 }))))
  }

  private latestAlert(cameraId: string): RingCamera['latestAlert'] {
    return (
      this.db
        .prepare<[string], { id: string; type: string; at: number; status: AlertStatus }>(
          `SELECT a.id, a.type, a.at, a.status FROM camera_latest_alert l JOIN alerts a ON a.id = l.alert_id
           WHERE l.camera_id = ?`
        )
        .get(cameraId) ?? null
    )
  }

  private staffOnDuty(): Omit<NearbyStaff, 'distanceM' | 'ring'>[] {
    return this.db
      .prepare<[], Omit<NearbyStaff, 'distanceM' | 'ring'>>(
        `SELECT id, name, role, grid_code AS gridCode, phone, lon, lat FROM staff
         WHERE duty_status = 'onDuty' AND lon IS NOT NULL AND lat IS NOT NULL AND role IN ('vanguardTeam', ${workerRoles.map((r) => `'${r}'`).join(', ')})`
      )
      .all()
  }

  private shelters(): Omit<NearbyShelter, 'distanceM' | 'ring'>[] {
    return this.db
      .prepare<[], Omit<NearbyShelter, 'distanceM' | 'ring' | 'kind'> & { kind: ShelterKind }>(
        'SELECT id, name, kind, grid_code AS gridCode, lon, lat, capacity FROM shelters'
      )
      .all()
  }

  private supplyPoints(): Omit<NearbySupplyPoint, 'distanceM' | 'ring'>[] {
    return this.db
      .prepare<[], Omit<NearbySupplyPoint, 'distanceM' | 'ring' | 'supplies'> & { supplies: string }>(
        'SELECT id, name, grid_code AS gridCode, lon, lat, supplies FROM supply_points'
      )
      .all()
      .map((p) => ({ ...p, supplies: JSON.parse(p.supplies) as Supplies }))
  }

  /**
   * Grids any part of which lies within the outer ring, by the nearest point of their polygon, and
   * the grids of the buildings counted (so the grid list always holds every counted building).
   */
  private grids(q: RingQuery, box: Box, buildings: readonly RingBuilding[]): RingGrid[] {
    const rows = this.db
      .prepare<[], { code: string; name: string; geometry: string }>("SELECT code, name, geometry FROM regions WHERE level = 'grid'")
      .all()
    const byCode = new Map<string, RingGrid>()
    for (const r of rows) {
      const geometry = JSON.parse(r.geometry) as PolygonGeometry
      if (!overlapsBox(geometry, box)) continue
      const distanceM = polygonDistanceM(q.lon, q.lat, geometry)
      const ring = ringOf(distanceM, q.ringsM)
      if (ring === null) continue
      byCode.set(r.code, { code: r.code, name: r.name, distanceM: Math.round(distanceM), ring, perRing: q.ringsM.map(noPeople) })
    }
    for (const b of buildings) {
      let grid = byCode.get(b.gridCode)
      if (!grid) {
        const row = rows.find((r) => r.code === b.gridCode)
        grid = { code: b.gridCode, name: row?.name ?? b.gridCode, distanceM: b.distanceM, ring: b.ring, perRing: q.ringsM.map(noPeople) }
        byCode.set(b.gridCode, grid)
      }
      grid.ring = Math.min(grid.ring, b.ring)
      for (let k = b.ring; k < q.ringsM.length; k++) addPeople(grid.perRing[k]!, b)
    }
    return [...byCode.values()].sort((a, b) => a.distanceM - b.distanceM || (a.code < b.code ? -1 : 1))
  }
}

/** Items within the outer ring only (ring not null). */
function within<T extends { ring: number | null }>(items: readonly T[]): (T & { ring: number })[] {
  return items.filter((i): i is T & { ring: number } => i.ring !== null)
}

function overlapsBox(geometry: PolygonGeometry, box: Box): boolean {
  const g = polygonBox(geometry)
  return g.minLon <= box.maxLon && g.maxLon >= box.minLon && g.minLat <= box.maxLat && g.maxLat >= box.minLat
}
