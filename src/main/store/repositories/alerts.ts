import type { Db } from '../database'
import type { Alert, AlertType } from '@shared/domain/alert'

const columns = `id, camera_id AS cameraId, type, score, at, lon, lat, grid_code AS gridCode, status,
  event_id AS eventId, snapshot_url AS snapshotUrl, zone, track_id AS trackId`

/** Camera AI alerts, routed to the grid that contains them. */
export class AlertRepository {
  constructor(private readonly db: Db) {}

  /** Inserts an alert, or updates the one with the same id (a repeated message for one track). */
  upsert(a: Alert): void {
    this.db
      .prepare(
        `INSERT INTO alerts (id, camera_id, type, score, at, lon, lat, grid_code, status, event_id, snapshot_url, zone, track_id)
         VALUES (@id, @cameraId, @type, @score, @at, @lon, @lat, @gridCode, @status, @eventId, @snapshotUrl, @zone, @trackId)
         ON CONFLICT(id) DO UPDATE SET score = max(score, excluded.score), snapshot_url = coalesce(excluded.snapshot_url, snapshot_url)`
      )
      .run(a)
  }

  get(id: string): Alert | null {
    return this.db.prepare<[string], Alert>(`SELECT ${columns} FROM alerts WHERE id = ?`).get(id) ?? null
  }

  /** Newest first. */
  latest(limit: number): Alert[] {
    return this.db.prepare<[number], Alert>(`SELECT ${columns} FROM alerts ORDER BY at DESC LIMIT ?`).all(limit)
  }

  /** Alerts per type since a time (e.g. the start of today). */
  countsByType(since: number): Partial<Record<AlertType, number>> {
    const rows = this.db
      .prepare<[number], { type: AlertType; n: number }>('SELECT type, count(*) AS n FROM alerts WHERE at >= ? GROUP BY type')
      .all(since)
    return Object.fromEntries(rows.map((r) => [r.type, r.n]))
  }
}
