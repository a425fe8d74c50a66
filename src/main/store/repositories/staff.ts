import type { Db } from '../database'
import type { StaffPosition } from '@shared/api/types'
import type { Staff } from '@shared/domain/people'

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
      .prepare<[string, string], { n: number }>(
        `SELECT count(*) AS n FROM staff WHERE duty_status = 'onDuty' AND (grid_code = ? OR grid_code LIKE ? || '-%')`
      )
      .get(areaCode, areaCode)!.n
  }
}
