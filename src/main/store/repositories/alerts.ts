import type { Statement } from 'better-sqlite3'
import type { Db } from '../database'
import type { AlertCounts, AlertView, QuarantineEntry } from '@shared/api/alertTypes'
import { alertTypes, type AlertAction, type AlertType, type DismissReason } from '@shared/domain/alert'
import type { RejectReason } from '@shared/alerts/rejections'
import type { Rejection, RoutedAlert } from '../../alerts/types'
import { codeRange, inRange } from './area'

/** Refused messages kept for inspection per reason (so a flood of one kind cannot push out the others); older ones are dropped. */
export const QUARANTINE_PER_REASON = 200
/** Sightings of one camera's track this close together are one alert, whatever their message ids. */
export const TRACK_GAP_MS = 10 * 60_000

const viewColumns = `a.id, a.camera_id AS cameraId, a.type, a.score, a.at, a.lon, a.lat, a.grid_code AS gridCode, a.status,
  a.event_id AS eventId, a.snapshot_url AS snapshotUrl, a.zone, a.track_id AS trackId,
  coalesce(c.name, a.camera_id) AS cameraName, coalesce(g.name, a.grid_code) AS gridName,
  a.community_code AS communityCode, a.street_code AS streetCode, a.format, a.messages, a.last_seen_at AS lastSeenAt,
  a.ended, a.handled_by AS handledBy, a.handled_at AS handledAt, a.dismiss_reason AS dismissReason, a.dismiss_note AS dismissNote`
const viewJoins = 'LEFT JOIN cameras c ON c.id = a.camera_id LEFT JOIN regions g ON g.code = a.grid_code'
const viewFrom = `alerts a ${viewJoins}`
/** sqlite_autoindex_alerts_1: the index SQLite made for `id TEXT PRIMARY KEY`. */
const viewFromById = `alerts a INDEXED BY sqlite_autoindex_alerts_1 ${viewJoins}`

type ViewRow = Omit<AlertView, 'ended'> & { ended: number }
const toView = (r: ViewRow): AlertView => ({ ...r, ended: r.ended === 1 })

/** Camera AI alerts, routed to the grid that contains them, and the messages refused on the way. */
export class AlertRepository {
  constructor(private readonly db: Db) {}

  /** The ingest path's statements, prepared once per connection (the pipeline runs them for every batch). */
  private ingestStatements: { upsert: Statement<[Record<string, unknown>]>; sameTrack: Statement<[string, string, number], { id: string }> } | null = null

  private prepareIngest(): NonNullable<AlertRepository['ingestStatements']> {
    return (this.ingestStatements ??= {
      upsert: this.db.prepare(
        `INSERT INTO alerts (id, camera_id, type, score, at, lon, lat, grid_code, community_code, street_code, status,
                             event_id, snapshot_url, zone, track_id, format, messages, last_seen_at, ended)
         VALUES (@id, @cameraId, @type, @score, @at, @lon, @lat, @gridCode, @communityCode, @streetCode, 'new',
                 NULL, @snapshotUrl, @zone, @trackId, @format, 1, @at, @ended)
         ON CONFLICT(id) DO UPDATE SET
           score = max(score, excluded.score),
           at = min(at, excluded.at),
           last_seen_at = max(last_seen_at, excluded.last_seen_at),
           snapshot_url = coalesce(excluded.snapshot_url, snapshot_url),
           zone = coalesce(excluded.zone, zone),
           ended = max(ended, excluded.ended),
           messages = messages + 1`
      ),
      sameTrack: this.db.prepare<[string, string, number], { id: string }>(
        `SELECT id FROM alerts INDEXED BY alerts_camera_track
         WHERE camera_id = ? AND track_id = ? AND last_seen_at >= ? ORDER BY last_seen_at DESC LIMIT 1`
      )
    })
  }

  /**
   * Stores a batch of sightings in one transaction: a new id inserts an alert; a known id (a
   * redelivered message, a repeat for one tracked object) or the same camera and track seen
   * within TRACK_GAP_MS updates that alert — highest score, latest sighting, snapshot and zone
   * once known, ended once ended — and never changes its handling. Returns the ids of the alerts
   * stored, in batch order without repeats.
   */
  ingest(batch: readonly RoutedAlert[]): string[] {
    const { upsert, sameTrack } = this.prepareIngest()
    const seen = new Set<string>()
    this.db.transaction(() => {
      for (const a of batch) {
        const id = (a.trackId !== null ? sameTrack.get(a.cameraId, a.trackId, a.at - TRACK_GAP_MS)?.id : undefined) ?? a.id
        upsert.run({
          id,
          cameraId: a.cameraId,
          type: a.type,
          score: a.score,
          at: a.at,
          lon: a.lon,
          lat: a.lat,
          gridCode: a.gridCode,
          communityCode: a.communityCode,
          streetCode: a.streetCode,
          snapshotUrl: a.snapshotUrl,
          zone: a.zone,
          trackId: a.trackId,
          format: a.format,
          ended: a.ended ? 1 : 0
        })
        seen.add(id)
      }
    })()
    return [...seen]
  }

  /** Counts refused messages by reason and keeps the latest QUARANTINE_PER_REASON of each reason. */
  reject(rejections: readonly Rejection[]): void {
    if (rejections.length === 0) return
    const count = this.db.prepare('INSERT INTO alert_rejections (reason, n) VALUES (?, 1) ON CONFLICT DO UPDATE SET n = n + 1')
    const keep = this.db.prepare('INSERT INTO alert_quarantine (at, reason, detail, topic, excerpt, bytes) VALUES (?, ?, ?, ?, ?, ?)')
    const trim = this.db.prepare(
      `DELETE FROM alert_quarantine WHERE reason = @reason AND id <= (
         SELECT id FROM alert_quarantine WHERE reason = @reason ORDER BY id DESC LIMIT 1 OFFSET @keep)`
    )
    this.db.transaction(() => {
      for (const r of rejections) {
        count.run(r.reason)
        keep.run(r.at, r.reason, r.detail.slice(0, 500), r.topic.slice(0, 300), r.excerpt.slice(0, 300), r.bytes)
      }
      for (const reason of new Set(rejections.map((r) => r.reason))) trim.run({ reason, keep: QUARANTINE_PER_REASON })
    })()
  }

  rejectionCounts(): Partial<Record<RejectReason, number>> {
    const rows = this.db.prepare<[], { reason: RejectReason; n: number }>('SELECT reason, n FROM alert_rejections').all()
    return Object.fromEntries(rows.map((r) => [r.reason, r.n]))
  }

  /** Newest refused messages first. */
  quarantine(limit: number): QuarantineEntry[] {
    return this.db
      .prepare<[number], QuarantineEntry>('SELECT id, at, reason, detail, topic, excerpt, bytes FROM alert_quarantine ORDER BY id DESC LIMIT ?')
      .all(limit)
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM alerts').get()!.n
  }

  view(id: string): AlertView | null {
    const row = this.db.prepare<[string], ViewRow>(`SELECT ${viewColumns} FROM ${viewFrom} WHERE a.id = ?`).get(id)
    return row ? toView(row) : null
  }

  /** The newest alert linked to an event (its dispatch filed the event), by alerts_event (migration 6). */
  viewByEvent(eventId: string): AlertView | null {
    const row = this.db
      .prepare<[string], ViewRow>(
        `SELECT ${viewColumns} FROM alerts a INDEXED BY alerts_event ${viewJoins} WHERE a.event_id = ? ORDER BY a.at DESC LIMIT 1`
      )
      .get(eventId)
    return row ? toView(row) : null
  }

  /**
   * By id, newest first. The primary key is named: with statistics from when the table was small
   * (the demo load runs ANALYZE), SQLite otherwise walks all of alerts_at to skip the sort, which
   * costs a batch of the pipeline time in proportion to the whole table.
   */
  views(ids: readonly string[]): AlertView[] {
    if (ids.length === 0) return []
    return this.db
      .prepare<string[], ViewRow>(
        `SELECT ${viewColumns} FROM ${viewFromById} WHERE a.id IN (${ids.map(() => '?').join(',')}) ORDER BY a.at DESC`
      )
      .all(...ids)
      .map(toView)
  }

  /** Newest first, within an area (by grid) when given. */
  latest(limit: number, areaCode?: string): AlertView[] {
    const area = areaCode ? codeRange(areaCode) : { lo: '', hi: '\uffff' }
    return this.db
      .prepare<{ lo: string; hi: string; limit: number }, ViewRow>(
        `SELECT ${viewColumns} FROM ${viewFrom} WHERE ${inRange('a.grid_code')} ORDER BY a.at DESC LIMIT @limit`
      )
      .all({ ...area, limit })
      .map(toView)
  }

  /** Alerts of the area seen since `since`, by type (every type present), and how many are still open. */
  counts(areaCode: string, since: number): AlertCounts {
    const p = { ...codeRange(areaCode), since }
    const rows = this.db
      .prepare<typeof p, { type: AlertType; n: number }>(
        `SELECT type, count(*) AS n FROM alerts INDEXED BY alerts_grid_at WHERE ${inRange('grid_code')} AND at >= @since GROUP BY type`
      )
      .all(p)
    const byType = Object.fromEntries(alertTypes.map((t) => [t, 0])) as Record<AlertType, number>
    for (const r of rows) if (r.type in byType) byType[r.type] = r.n
    const open = this.db
      .prepare<typeof p, { n: number }>(`SELECT count(*) AS n FROM alerts WHERE status IN ('new','acknowledged') AND ${inRange('grid_code')}`)
      .get(p)!.n
    return { byType, open }
  }

  /** Records a handling step; the caller has checked that the step is allowed from the current status. */
  applyAction(
    id: string,
    action: AlertAction,
    by: string,
    at: number,
    extra: { eventId?: string; dismissReason?: DismissReason; note?: string | null } = {}
  ): void {
    const status = action === 'acknowledge' ? 'acknowledged' : action === 'dispatch' ? 'dispatched' : 'dismissed'
    this.db
      .prepare(
        `UPDATE alerts SET status = @status, handled_by = @by, handled_at = @at,
           event_id = coalesce(@eventId, event_id), dismiss_reason = coalesce(@dismissReason, dismiss_reason),
           dismiss_note = coalesce(@note, dismiss_note)
         WHERE id = @id`
      )
      .run({ id, status, by, at, eventId: extra.eventId ?? null, dismissReason: extra.dismissReason ?? null, note: extra.note ?? null })
  }
}
