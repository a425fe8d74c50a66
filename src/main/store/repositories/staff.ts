import type { Db } from '../database'
import type { StaffPosition } from '@shared/api/types'
import type { Staff } from '@shared/domain/people'
import { codeRange, inRange } from './area'

export class StaffRepository {
  constructor(private readonly db: Db) {}

  insertMany(staff: readonly Staff[]): void {
    const stmt = this.db.prepare(
      'INSERT INTO staff (id, name, role, grid_code, phone, duty_status, lon, lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    this.db.transaction(() => {
      for (const s of staff) stmt.run(s.id, s.name, s.role, s.gridCode, s.phone, s.dutyStatus, s.lon, s.lat)
    })()
  }

  all(): Staff[] {
    return this.db
      .prepare<[], Staff>(
        'SELECT id, name, role, grid_code AS gridCode, phone, duty_status AS dutyStatus, lon, lat FROM staff ORDER BY id'
      )
      .all()
  }

  /** Last known positions of staff on duty. */
  positions(): StaffPosition[] {
    return this.db
      .prepare<[], StaffPosition>(
        `SELECT id, name, role, grid_code AS gridCode, lon, lat FROM staff
         WHERE duty_status = 'onDuty' AND lon IS NOT NULL AND lat IS NOT NULL ORDER BY id`
      )
      .all()
  }

  /** Staff on duty within an area (by code prefix). */
  onDutyCount(areaCode: string): number {
    return this.db
      .prepare<{ lo: string; hi: string }, { n: number }>(
        `SELECT count(*) AS n FROM staff WHERE ${inRange('grid_code')} AND duty_status = 'onDuty'`
      )
      .get(codeRange(areaCode))!.n
  }

  /** The team of one grid: the chief first, then by role as listed in staffRoles, then by id. */
  ofGrid(gridCode: string): Staff[] {
    return this.db
      .prepare<[string], Staff>(
        `SELECT id, name, role, grid_code AS gridCode, phone, duty_status AS dutyStatus, lon, lat FROM staff
         WHERE grid_code = ?
         ORDER BY CASE role WHEN 'gridChief' THEN 0 WHEN 'gridWorker' THEN 1 WHEN 'partTimeWorker' THEN 2
                            WHEN 'deptStaff' THEN 3 ELSE 4 END, id`
      )
      .all(gridCode)
  }
}
