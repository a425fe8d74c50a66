import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import type { RingTotals } from '@shared/api/incidentTypes'
import { EARTH_RADIUS_M, polygonDistanceM, type PolygonGeometry } from '@shared/domain/ringGeometry'
import type { Store } from '../../src/main/store/store'

/** Haversine metres from (@lon, @lat) to the row's lon/lat, in SQL. */
const DIST = `2 * ${EARTH_RADIUS_M} * asin(min(1, sqrt(pow(sin(radians(lat - @lat) / 2), 2) + cos(radians(@lat)) * cos(radians(lat)) * pow(sin(radians(lon - @lon) / 2), 2))))`

/**
 * The ring counts by a direct query on every row (no index, no box, no JS aggregation): what the
 * issue's "the ring counts equal a direct query" checks the ring analysis against. Grids: any part
 * within the radius (turf's point-in-polygon, or the nearest edge), or holding a counted building.
 */
export function ringOracle(store: Store, lon: number, lat: number, ringsM: readonly number[]): { rings: RingTotals[]; gridCodes: string[]; buildingIds: string[] } {
  const db = store.db
  const one = <T>(sql: string, r: number): T => db.prepare(sql).get({ lon, lat, r }) as T
  const grids = db.prepare("SELECT code, geometry FROM regions WHERE level = 'grid'").all() as { code: string; geometry: string }[]
  const gridsWithin = (r: number): string[] => {
    const byShape = grids
      .filter((g) => {
        const geometry = JSON.parse(g.geometry) as PolygonGeometry
        return booleanPointInPolygon([lon, lat], geometry) || polygonDistanceM(lon, lat, geometry) <= r
      })
      .map((g) => g.code)
    const byBuilding = (db.prepare(`SELECT DISTINCT grid_code AS code FROM buildings WHERE ${DIST} <= @r`).all({ lon, lat, r }) as { code: string }[]).map((g) => g.code)
    return [...new Set([...byShape, ...byBuilding])].sort()
  }
  const rings = ringsM.map((r): RingTotals => {
    const people = one<{ buildings: number; residents: number; elderlyAlone: number; disabled: number; underCare: number }>(
      `SELECT count(*) AS buildings, coalesce(sum(p.residents), 0) AS residents, coalesce(sum(p.elderly_alone), 0) AS elderlyAlone,
              coalesce(sum(p.disabled), 0) AS disabled, coalesce(sum(p.under_care), 0) AS underCare
       FROM (SELECT id, lon, lat FROM buildings) b LEFT JOIN building_people p ON p.building_id = b.id WHERE ${DIST} <= @r`,
      r
    )
    const cameras = one<{ n: number; online: number }>(`SELECT count(*) AS n, coalesce(sum(online), 0) AS online FROM cameras WHERE ${DIST} <= @r`, r)
    const staff = (roles: string): number =>
      one<{ n: number }>(`SELECT count(*) AS n FROM staff WHERE duty_status = 'onDuty' AND lon IS NOT NULL AND role IN (${roles}) AND ${DIST} <= @r`, r).n
    const shelters = one<{ n: number; capacity: number }>(`SELECT count(*) AS n, coalesce(sum(capacity), 0) AS capacity FROM shelters WHERE ${DIST} <= @r`, r)
    return {
      radiusM: r,
      grids: gridsWithin(r).length,
      ...people,
      cameras: cameras.n,
      camerasOnline: cameras.online,
      vanguard: staff("'vanguardTeam'"),
      workers: staff("'gridChief', 'gridWorker', 'partTimeWorker'"),
      shelters: shelters.n,
      shelterCapacity: shelters.capacity,
      supplyPoints: one<{ n: number }>(`SELECT count(*) AS n FROM supply_points WHERE ${DIST} <= @r`, r).n
    }
  })
  const outer = ringsM[ringsM.length - 1]!
  const buildingIds = (db.prepare(`SELECT id FROM buildings WHERE ${DIST} <= @r ORDER BY id`).all({ lon, lat, r: outer }) as { id: string }[]).map((b) => b.id)
  return { rings, gridCodes: gridsWithin(outer), buildingIds }
}
