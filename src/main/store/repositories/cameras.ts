import type { Db } from '../database'
import type { Camera } from '@shared/domain/camera'
import { codeRange, inRange } from './area'

export class CameraRepository {
  constructor(private readonly db: Db) {}

  insertMany(cameras: readonly Camera[]): void {
    const stmt = this.db.prepare('INSERT INTO cameras (id, name, site, grid_code, lon, lat, online) VALUES (?, ?, ?, ?, ?, ?, ?)')
    this.db.transaction(() => {
      for (const c of cameras) stmt.run(c.id, c.name, c.site, c.gridCode, c.lon, c.lat, c.online ? 1 : 0)
    })()
  }

  all(): Camera[] {
    return this.db
      .prepare<[], Omit<Camera, 'online'> & { online: number }>(
        'SELECT id, name, site, grid_code AS gridCode, lon, lat, online FROM cameras ORDER BY id'
      )
      .all()
      .map((c) => ({ ...c, online: c.online === 1 }))
  }

  /** Cameras online and in all, within an area (by code prefix). */
  onlineCounts(areaCode: string): { online: number; total: number } {
    return this.db
      .prepare<{ lo: string; hi: string }, { online: number; total: number }>(
        `SELECT coalesce(sum(online), 0) AS online, count(*) AS total FROM cameras WHERE ${inRange('grid_code')}`
      )
      .get(codeRange(areaCode))!
  }
}
