import type { Db } from '../database'
import type { Incident, IncidentLevel, IncidentLogEntry, IncidentLogKind, IncidentType } from '@shared/domain/incident'
import { formatShanghaiDate } from '@shared/time'

interface Row {
  id: string
  type: IncidentType
  level: IncidentLevel
  lon: number
  lat: number
  grid_code: string | null
  building_id: string | null
  label: string
  reason: string
  drill: number
  rings_m: string
  started_at: number
  started_by: string
  ended_at: number | null
  ended_by: string | null
  summary: string | null
}

const toIncident = (r: Row): Incident => ({
  id: r.id,
  type: r.type,
  level: r.level,
  lon: r.lon,
  lat: r.lat,
  gridCode: r.grid_code,
  buildingId: r.building_id,
  label: r.label,
  reason: r.reason,
  drill: r.drill === 1,
  ringsM: JSON.parse(r.rings_m) as number[],
  startedAt: r.started_at,
  startedBy: r.started_by,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
  summary: r.summary
})

/** Incidents of emergency mode (migration 10): at most one runs (ended_at IS NULL), kept after they end. */
export class IncidentRepository {
  constructor(private readonly db: Db) {}

  /** `INC-yyyymmdd-nn`: the next number of the Shanghai day of `at`. */
  nextId(at: number): string {
    const prefix = `INC-${formatShanghaiDate(at).replaceAll('-', '')}-`
    const row = this.db
      .prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM incidents WHERE id >= ? AND id < ? || '~'")
      .get(prefix, prefix)!
    return `${prefix}${String(row.n + 1).padStart(2, '0')}`
  }

  insert(i: Omit<Incident, 'endedAt' | 'endedBy' | 'summary'>): Incident {
    this.db
      .prepare(
        `INSERT INTO incidents (id, type, level, lon, lat, grid_code, building_id, label, reason, drill, rings_m, started_at, started_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(i.id, i.type, i.level, i.lon, i.lat, i.gridCode, i.buildingId, i.label, i.reason, i.drill ? 1 : 0, JSON.stringify(i.ringsM), i.startedAt, i.startedBy)
    return { ...i, endedAt: null, endedBy: null, summary: null }
  }

  /** The running incident, or null. */
  current(): Incident | null {
    const row = this.db.prepare<[], Row>('SELECT * FROM incidents WHERE ended_at IS NULL LIMIT 1').get()
    return row ? toIncident(row) : null
  }

  get(id: string): Incident | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM incidents WHERE id = ?').get(id)
    return row ? toIncident(row) : null
  }

  end(id: string, at: number, by: string, summary: string): Incident {
    this.db.prepare('UPDATE incidents SET ended_at = ?, ended_by = ?, summary = ? WHERE id = ? AND ended_at IS NULL').run(at, by, summary, id)
    return this.get(id)!
  }

  /** Writes an incident as another wall has it (gcc/mode): inserted, or every field replaced. True if it was new. */
  upsert(i: Incident): boolean {
    const existed = this.get(i.id) !== null
    this.db
      .prepare(
        `INSERT INTO incidents (id, type, level, lon, lat, grid_code, building_id, label, reason, drill, rings_m, started_at, started_by, ended_at, ended_by, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET type = excluded.type, level = excluded.level, lon = excluded.lon, lat = excluded.lat,
           grid_code = excluded.grid_code, building_id = excluded.building_id, label = excluded.label, reason = excluded.reason,
           drill = excluded.drill, rings_m = excluded.rings_m, started_at = excluded.started_at, started_by = excluded.started_by,
           ended_at = excluded.ended_at, ended_by = excluded.ended_by, summary = excluded.summary`
      )
      .run(i.id, i.type, i.level, i.lon, i.lat, i.gridCode, i.buildingId, i.label, i.reason, i.drill ? 1 : 0, JSON.stringify(i.ringsM), i.startedAt, i.startedBy, i.endedAt, i.endedBy, i.summary)
    return !existed
  }

  appendLog(entry: Omit<IncidentLogEntry, 'id'>): IncidentLogEntry {
    const info = this.db
      .prepare('INSERT INTO incident_log (incident_id, at, kind, operator, text) VALUES (?, ?, ?, ?, ?)')
      .run(entry.incidentId, entry.at, entry.kind, entry.operator, entry.text)
    return { id: Number(info.lastInsertRowid), ...entry }
  }

  /** The incident's log, newest first. */
  log(incidentId: string, limit: number): IncidentLogEntry[] {
    return this.db
      .prepare<[string, number], IncidentLogEntry & { kind: IncidentLogKind }>(
        `SELECT id, incident_id AS incidentId, at, kind, operator, text FROM incident_log
         WHERE incident_id = ? ORDER BY id DESC LIMIT ?`
      )
      .all(incidentId, limit)
  }
}
