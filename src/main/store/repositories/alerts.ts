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
/** id, camera, type, score, at, lon, lat, grid, community, street, snapshot, zone, track, format, last seen (= at), ended. */
type UpsertParams = [string, string, string, number, number, number, number, string, string, string, string | null, string | null, string | null, string, number, number]
const toView = (r: ViewRow): AlertView => ({ ...r, ended: r.ended === 1 })

interface IngestStatements {
  upsert: Statement<UpsertParams>
  sameTrack: Statement<[string, string, number], [string, number]>
  lastRowid: Statement<[], number>
  latestOfCamera: Statement<[string, string, number]>
  cameraNames: Statement<[string], [string, string]>
  gridNames: Statement<[string], [string, string]>
}

/** SQLite's order of two texts (their UTF-8 bytes), which JavaScript's differs from past U+FFFF. */
const byteOrder = (x: string, y: string): number => Buffer.compare(Buffer.from(x), Buffer.from(y))

/** Camera AI alerts, routed to the grid that contains them, and the messages refused on the way. */
export class AlertRepository {
  constructor(private readonly db: Db) {}

  /** The ingest path's statements, prepared once per connection (the pipeline runs them for every batch). */
  private ingestStatements: IngestStatements | null = null

  private prepareIngest(): IngestStatements {
    const names = (sql: string): Statement<[string], [string, string]> => this.db.prepare<[string], [string, string]>(sql).raw()
    return (this.ingestStatements ??= {
      // Positional parameters: binding fifteen named ones from an object costs more than the insert.
      upsert: this.db.prepare<UpsertParams>(
        `INSERT INTO alerts (id, camera_id, type, score, at, lon, lat, grid_code, community_code, street_code, status,
                             event_id, snapshot_url, zone, track_id, format, messages, last_seen_at, ended)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', NULL, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT(id) DO UPDATE SET
           score = max(score, excluded.score),
           at = min(at, excluded.at),
           last_seen_at = max(last_seen_at, excluded.last_seen_at),
           snapshot_url = coalesce(excluded.snapshot_url, snapshot_url),
           zone = coalesce(excluded.zone, zone),
           ended = max(ended, excluded.ended),
           messages = messages + 1`
      ),
      // Every alert of the camera's track seen since the bound (almost always none or one); the
      // latest is picked by the caller. An ORDER BY … LIMIT 1 here costs several times the seek
      // (a sorter per execution), even on a miss.
      sameTrack: this.db
        .prepare<[string, string, number], [string, number]>(
          `SELECT id, last_seen_at FROM alerts INDEXED BY alerts_camera_track
           WHERE camera_id = ? AND track_id = ? AND last_seen_at >= ?`
        )
        .raw(),
      lastRowid: this.db.prepare<[], number>('SELECT last_insert_rowid()').pluck(),
      // A camera's latest alert (for the rings), once per camera per batch rather than an index entry per alert.
      latestOfCamera: this.db.prepare<[string, string, number]>(
        `INSERT INTO camera_latest_alert (camera_id, alert_id, seen_at) VALUES (?, ?, ?)
         ON CONFLICT DO UPDATE SET alert_id = excluded.alert_id, seen_at = excluded.seen_at
         WHERE (excluded.seen_at, excluded.alert_id) > (seen_at, alert_id)`
      ),
      // The batch's camera and grid names, ids given as one JSON array.
      cameraNames: names('SELECT id, name FROM cameras WHERE id IN (SELECT value FROM json_each(?))'),
      gridNames: names('SELECT code, name FROM regions WHERE code IN (SELECT value FROM json_each(?))')
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
    return this.db.transaction(() => [...this.store(batch).keys()])()
  }

  /**
   * As ingest, and returns the alerts stored as views(ids) would after the commit, newest first.
   * An alert this batch inserted (and did not touch again) is its sighting as stored, so its view
   * is made here rather than read back; only alerts that existed or were updated are read.
   */
  ingestViews(batch: readonly RoutedAlert[]): AlertView[] {
    return this.db.transaction(() => {
      const stored = this.store(batch)
      const read: string[] = []
      const inserted: RoutedAlert[] = []
      for (const [id, fresh] of stored) {
        if (fresh === null) read.push(id)
        else inserted.push(fresh)
      }
      const views = this.views(read)
      if (inserted.length > 0) views.push(...this.insertedViews(inserted))
      return views.sort((x, y) => y.at - x.at)
    })()
  }

  /**
   * Runs the upserts (the caller holds the transaction). Returns every alert stored, in batch
   * order: the sighting that inserted it when this batch inserted it and nothing in the batch
   * updated it afterwards, else null. An upsert that updates leaves last_insert_rowid as it was;
   * one that inserts moves it (an insert that happens to get the previous value's number is taken
   * for an update: it is read back, which is only slower).
   */
  private store(batch: readonly RoutedAlert[]): Map<string, RoutedAlert | null> {
    const { upsert, sameTrack, lastRowid, latestOfCamera } = this.prepareIngest()
    const stored = new Map<string, RoutedAlert | null>()
    // Per camera, the sighting seen last and the alert it went to: that alert's last_seen_at is
    // now at least this, and any greater value it has was offered by an earlier batch.
    const latest = new Map<string, { at: number; id: string }>()
    let rowid: number | bigint | undefined = lastRowid.get()
    for (const a of batch) {
      let id = a.id
      if (a.trackId !== null) {
        // The one seen last; on a tie the first found (the index's order).
        let latest = -Infinity
        for (const [other, lastSeenAt] of sameTrack.all(a.cameraId, a.trackId, a.at - TRACK_GAP_MS)) {
          if (lastSeenAt > latest) {
            latest = lastSeenAt
            id = other
          }
        }
      }
      const { lastInsertRowid } = upsert.run(
        id,
        a.cameraId,
        a.type,
        a.score,
        a.at,
        a.lon,
        a.lat,
        a.gridCode,
        a.communityCode,
        a.streetCode,
        a.snapshotUrl,
        a.zone,
        a.trackId,
        a.format,
        a.at,
        a.ended ? 1 : 0
      )
      const inserted = lastInsertRowid !== rowid && id === a.id && !stored.has(id)
      rowid = lastInsertRowid
      stored.set(id, inserted ? a : null)
      const seen = latest.get(a.cameraId)
      if (seen === undefined) latest.set(a.cameraId, { at: a.at, id })
      else if (a.at > seen.at || (a.at === seen.at && byteOrder(id, seen.id) > 0)) {
        seen.at = a.at
        seen.id = id
      }
    }
    for (const [cameraId, { at, id }] of latest) latestOfCamera.run(cameraId, id, at)
    return stored
  }

  /** The views of alerts just inserted from these sightings, as viewColumns reads them. */
  private insertedViews(inserted: readonly RoutedAlert[]): AlertView[] {
    const { cameraNames, gridNames } = this.prepareIngest()
    const cameras = new Map(cameraNames.all(JSON.stringify([...new Set(inserted.map((a) => a.cameraId))])))
    const grids = new Map(gridNames.all(JSON.stringify([...new Set(inserted.map((a) => a.gridCode))])))
    return inserted.map((a) => ({
      id: a.id,
      cameraId: a.cameraId,
      type: a.type,
      score: a.score,
      at: a.at,
      lon: a.lon,
      lat: a.lat,
      gridCode: a.gridCode,
      status: 'new',
      eventId: null,
      snapshotUrl: a.snapshotUrl,
      zone: a.zone,
      trackId: a.trackId,
      cameraName: cameras.get(a.cameraId) ?? a.cameraId,
      gridName: grids.get(a.gridCode) ?? a.gridCode,
      communityCode: a.communityCode,
      streetCode: a.streetCode,
      format: a.format,
      messages: 1,
      lastSeenAt: a.at,
      ended: a.ended,
      handledBy: null,
      handledAt: null,
      dismissReason: null,
      dismissNote: null
    }))
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
