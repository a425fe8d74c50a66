import type { Db } from '../database'
import type { GridProfile, Region, RegionLevel } from '@shared/domain/region'
import type { RegionGeometry } from '@shared/api/types'
import { codeRange, inRange } from './area'

export interface RegionRecord extends Region {
  geometry: RegionGeometry
}

interface Row {
  code: string
  level: RegionLevel
  name: string
  parent_code: string | null
  centroid_lon: number
  centroid_lat: number
  area_m2: number
  geometry: string
  population: number | null
  households: number | null
  party_members: number | null
  elderly_alone: number | null
  disabled: number | null
  under_care: number | null
}

const toRegion = (r: Row): Region => ({
  code: r.code,
  level: r.level,
  name: r.name,
  parentCode: r.parent_code,
  centroid: [r.centroid_lon, r.centroid_lat],
  areaM2: r.area_m2,
  profile:
    r.population === null
      ? null
      : ({
          population: r.population,
          households: r.households ?? 0,
          partyMembers: r.party_members ?? 0,
          specialGroups: { elderlyAlone: r.elderly_alone ?? 0, disabled: r.disabled ?? 0, underCare: r.under_care ?? 0 }
        } satisfies GridProfile)
})

/** The region tree with its polygons and, for grids, their base data. */
export class RegionRepository {
  constructor(private readonly db: Db) {}

  insertMany(regions: readonly RegionRecord[]): void {
    const stmt = this.db.prepare(`INSERT INTO regions
      (code, level, name, parent_code, centroid_lon, centroid_lat, area_m2, geometry,
       population, households, party_members, elderly_alone, disabled, under_care)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    this.db.transaction(() => {
      for (const r of regions) {
        const p = r.profile
        stmt.run(r.code, r.level, r.name, r.parentCode, r.centroid[0], r.centroid[1], r.areaM2, JSON.stringify(r.geometry),
          p?.population ?? null, p?.households ?? null, p?.partyMembers ?? null,
          p?.specialGroups.elderlyAlone ?? null, p?.specialGroups.disabled ?? null, p?.specialGroups.underCare ?? null)
      }
    })()
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM regions').get() as { n: number }).n
  }

  get(code: string): Region | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM regions WHERE code = ?').get(code)
    return row ? toRegion(row) : null
  }

  byLevel(level: RegionLevel): Region[] {
    return this.db.prepare<[string], Row>('SELECT * FROM regions WHERE level = ? ORDER BY code').all(level).map(toRegion)
  }

  /** Grids (or sub-grids) within an area, by code prefix. */
  countWithin(areaCode: string, level: RegionLevel): number {
    return this.db
      .prepare<{ level: string; lo: string; hi: string }, { n: number }>(
        `SELECT count(*) AS n FROM regions WHERE ${inRange('code')} AND level = @level`
      )
      .get({ level, ...codeRange(areaCode) })!.n
  }

  children(code: string): Region[] {
    return this.db.prepare<[string], Row>('SELECT * FROM regions WHERE parent_code = ? ORDER BY code').all(code).map(toRegion)
  }

  /** Regions of the given levels with their polygons, for the map. */
  withGeometry(levels: readonly RegionLevel[]): RegionRecord[] {
    const rows = this.db
      .prepare<string[], Row>(`SELECT * FROM regions WHERE level IN (${levels.map(() => '?').join(',')}) ORDER BY code`)
      .all(...levels)
    return rows.map((r) => ({ ...toRegion(r), geometry: JSON.parse(r.geometry) as RegionGeometry }))
  }
}
