import type { Db } from '../database'
import type { BuildingPoints } from '@shared/api/types'
import type { Building, BuildingRiskLevel } from '@shared/domain/region'
import { codeRange, inRange } from './area'

/** `text` for a LIKE pattern with `ESCAPE '\'`: `\`, `%` and `_` stand for themselves. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export class BuildingRepository {
  constructor(private readonly db: Db) {}

  insertMany(buildings: readonly Building[]): void {
    const stmt = this.db.prepare(
      'INSERT INTO buildings (id, grid_code, name, lon, lat, risk_level, floors, households) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    this.db.transaction(() => {
      for (const b of buildings) stmt.run(b.id, b.gridCode, b.name, b.lon, b.lat, b.riskLevel, b.floors, b.households)
    })()
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM buildings').get() as { n: number }).n
  }

  all(): Building[] {
    return this.db
      .prepare<[], Building>(
        'SELECT id, grid_code AS gridCode, name, lon, lat, risk_level AS riskLevel, floors, households FROM buildings'
      )
      .all()
  }

  get(id: string): Building | null {
    return (
      this.db
        .prepare<[string], Building>(
          'SELECT id, grid_code AS gridCode, name, lon, lat, risk_level AS riskLevel, floors, households FROM buildings WHERE id = ?'
        )
        .get(id) ?? null
    )
  }

  /**
   * Buildings whose name (in the demo their address, e.g. 圳美新村24巷6号) contains `text`, those
   * where it comes earliest first, then the shorter names; at most `limit`. `%` and `_` in the text
   * are matched as themselves (a full scan: some ms for 57,000 buildings).
   */
  search(text: string, limit: number): Pick<Building, 'id' | 'name' | 'gridCode' | 'lon' | 'lat'>[] {
    return this.db
      .prepare<{ like: string; text: string; limit: number }, Pick<Building, 'id' | 'name' | 'gridCode' | 'lon' | 'lat'>>(
        `SELECT id, name, grid_code AS gridCode, lon, lat FROM buildings WHERE name LIKE @like ESCAPE '\\'
         ORDER BY instr(lower(name), lower(@text)), length(name), name, id LIMIT @limit`
      )
      .all({ like: `%${escapeLike(text)}%`, text, limit })
  }

  /** Every building as columns, for the map's point layer. */
  points(): BuildingPoints {
    const rows = this.db
      .prepare<[], { id: string; lon: number; lat: number; r: number }>(
        `SELECT id, lon, lat, CASE risk_level WHEN 'safe' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END AS r FROM buildings ORDER BY rowid`
      )
      .raw()
      .all() as unknown as [string, number, number, number][]
    const out: BuildingPoints = { crs: 'WGS84', ids: [], lon: [], lat: [], risk: [] }
    for (const [id, lon, lat, r] of rows) {
      out.ids.push(id)
      out.lon.push(lon)
      out.lat.push(lat)
      out.risk.push(r)
    }
    return out
  }

  /**
   * Buildings per risk level within a region (by code prefix), from building_counts (per grid and
   * risk level, kept up to date by triggers on buildings: migration 3).
   */
  riskCounts(areaCode: string): Record<BuildingRiskLevel, number> {
    const rows = this.db
      .prepare<{ lo: string; hi: string }, { risk_level: BuildingRiskLevel; n: number }>(
        `SELECT risk_level, sum(n) AS n FROM building_counts WHERE ${inRange('grid_code')} GROUP BY risk_level`
      )
      .all(codeRange(areaCode))
    const out: Record<BuildingRiskLevel, number> = { safe: 0, normal: 0, warning: 0 }
    for (const r of rows) out[r.risk_level] = r.n
    return out
  }

  /** Buildings of one risk level per grid (grids that have any), over the whole store. */
  perGrid(riskLevel: BuildingRiskLevel): { gridCode: string; n: number }[] {
    return this.db
      .prepare<[string], { gridCode: string; n: number }>(
        'SELECT grid_code AS gridCode, n FROM building_counts WHERE risk_level = ? AND n > 0 ORDER BY grid_code'
      )
      .all(riskLevel)
  }
}
