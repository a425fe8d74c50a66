import type { Db } from '../database'
import type { BuildingPeople, Shelter, Supplies, SupplyPoint } from '@shared/domain/emergencyResources'

/**
 * What emergency command draws on (migration 10): shelters (应急避难场所), supply points
 * (物资储备点) and the people living in each building. Part of the district: cleared with it.
 */
export class EmergencyResourceRepository {
  constructor(private readonly db: Db) {}

  insertPeople(people: readonly BuildingPeople[]): void {
    const stmt = this.db.prepare('INSERT INTO building_people (building_id, residents, elderly_alone, disabled, under_care) VALUES (?, ?, ?, ?, ?)')
    this.db.transaction(() => {
      for (const p of people) stmt.run(p.buildingId, p.residents, p.elderlyAlone, p.disabled, p.underCare)
    })()
  }

  insertShelters(shelters: readonly Shelter[]): void {
    const stmt = this.db.prepare('INSERT INTO shelters (id, name, kind, grid_code, lon, lat, capacity) VALUES (?, ?, ?, ?, ?, ?, ?)')
    this.db.transaction(() => {
      for (const s of shelters) stmt.run(s.id, s.name, s.kind, s.gridCode, s.lon, s.lat, s.capacity)
    })()
  }

  insertSupplyPoints(points: readonly SupplyPoint[]): void {
    const stmt = this.db.prepare('INSERT INTO supply_points (id, name, grid_code, lon, lat, supplies) VALUES (?, ?, ?, ?, ?, ?)')
    this.db.transaction(() => {
      for (const p of points) stmt.run(p.id, p.name, p.gridCode, p.lon, p.lat, JSON.stringify(p.supplies))
    })()
  }

  people(): BuildingPeople[] {
    return this.db
      .prepare<[], BuildingPeople>(
        `SELECT building_id AS buildingId, residents, elderly_alone AS elderlyAlone, disabled, under_care AS underCare
         FROM building_people ORDER BY building_id`
      )
      .all()
  }

  shelters(): Shelter[] {
    return this.db.prepare<[], Shelter>('SELECT id, name, kind, grid_code AS gridCode, lon, lat, capacity FROM shelters ORDER BY id').all()
  }

  supplyPoints(): SupplyPoint[] {
    return this.db
      .prepare<[], Omit<SupplyPoint, 'supplies'> & { supplies: string }>('SELECT id, name, grid_code AS gridCode, lon, lat, supplies FROM supply_points ORDER BY id')
      .all()
      .map((p) => ({ ...p, supplies: JSON.parse(p.supplies) as Supplies }))
  }
}
