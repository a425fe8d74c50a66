import type { Db } from '../database'
import { alertTypeNames, type AlertType } from '@shared/domain/alert'
import type { Incident, IncidentLevel, IncidentLogEntry, IncidentLogKind, IncidentType } from '@shared/domain/incident'
import { boxAround, haversineM, ringOf } from '@shared/domain/ringGeometry'
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

  appendLog(entry: Omit<IncidentLogEntry, 'id' | 'alert'>): IncidentLogEntry {
    const info = this.db
      .prepare('INSERT INTO incident_log (incident_id, at, kind, operator, text) VALUES (?, ?, ?, ?, ?)')
      .run(entry.incidentId, entry.at, entry.kind, entry.operator, entry.text)
    return { id: `log:${info.lastInsertRowid}`, ...entry }
  }

  /** Writes an entry in the running incident's log; nothing when none runs. */
  logToRunning(entry: Omit<IncidentLogEntry, 'id' | 'alert' | 'incidentId'>): IncidentLogEntry | null {
    const running = this.current()
    return running ? this.appendLog({ incidentId: running.id, ...entry }) : null
  }

  /** The entries written in the incident's log, newest first. */
  log(incidentId: string, limit: number): IncidentLogEntry[] {
    return this.db
      .prepare<[string, number], { id: number; at: number; kind: IncidentLogKind; operator: string | null; text: string }>(
        'SELECT id, at, kind, operator, text FROM incident_log WHERE incident_id = ? ORDER BY id DESC LIMIT ?'
      )
      .all(incidentId, limit)
      .map((r) => ({ id: `log:${r.id}`, incidentId, at: r.at, kind: r.kind, operator: r.operator, text: r.text }))
  }

  /**
   * The whole log as the wall shows it, newest first, at most `limit` entries: what was written
   * in it, and every camera alert inside its outer ring between its start and its end (read from
   * the alerts, not copied: ingest pays nothing for it). `total` counts both.
   */
  timeline(incident: Incident, limit: number): { entries: IncidentLogEntry[]; total: number } {
    const written = this.log(incident.id, limit)
    const writtenTotal = this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM incident_log WHERE incident_id = ?').get(incident.id)!.n
    const alerts = this.alertsInRings(incident)
    const entries = [...written, ...alerts.slice(0, limit)].sort((a, b) => b.at - a.at).slice(0, limit)
    return { entries, total: writtenTotal + alerts.length }
  }

  /** The alerts inside the incident's outer ring while it ran, newest first (a box from the index, then the exact distance). */
  private alertsInRings(incident: Incident): IncidentLogEntry[] {
    const outer = incident.ringsM.at(-1) ?? 0
    const box = boxAround(incident.lon, incident.lat, outer)
    const rows = this.db
      .prepare<[number, number, number, number, number, number], { id: string; type: AlertType; at: number; lon: number; lat: number; camera: string }>(
        `SELECT a.id, a.type, a.at, a.lon, a.lat, c.name AS camera FROM alerts a JOIN cameras c ON c.id = a.camera_id
         WHERE a.at >= ? AND a.at <= ? AND a.lon BETWEEN ? AND ? AND a.lat BETWEEN ? AND ?
         ORDER BY a.at DESC`
      )
      .all(incident.startedAt, incident.endedAt ?? Number.MAX_SAFE_INTEGER, box.minLon, box.maxLon, box.minLat, box.maxLat)
    const out: IncidentLogEntry[] = []
    for (const r of rows) {
      const distanceM = haversineM(incident.lon, incident.lat, r.lon, r.lat)
      const ring = ringOf(distanceM, incident.ringsM)
      if (ring === null) continue
      out.push({
        id: `alert:${r.id}`,
        incidentId: incident.id,
        at: r.at,
        kind: 'alert',
        operator: null,
        text: `${alertTypeNames[r.type]?.zh ?? r.type} · ${r.camera} · ${Math.round(distanceM)} m`,
        alert: { id: r.id, type: r.type, cameraName: r.camera, ring, distanceM }
      })
    }
    return out
  }
}
