import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, schemaVersion } from '../../../src/main/store/database'
import { latestSchemaVersion, migrations } from '../../../src/main/store/migrations'
import { Store } from '../../../src/main/store/store'
import { NOW, statsEventRows } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

/** From now on, the query plan (EXPLAIN QUERY PLAN details) of every statement the store prepares whose SQL matches `pattern`. */
function recordPlans(store: Store, pattern: RegExp, params: (sql: string) => unknown[]): string[] {
  const plans: string[] = []
  const original = store.db.prepare.bind(store.db)
  store.db.prepare = ((sql: string) => {
    if (pattern.test(sql)) {
      const plan = original(`EXPLAIN QUERY PLAN ${sql}`).all(...params(sql)) as { detail: string }[]
      plans.push(...plan.map((p) => p.detail))
    }
    return original(sql)
  }) as typeof store.db.prepare
  return plans
}

describe('migration 2: reporter and handler of each event, and the statistics indices', () => {
  let dir: string
  let remove: () => void
  beforeEach(() => ({ dir, remove } = tempDir()))
  afterEach(() => remove())

  /** A file as version 1 of the app left it: schema 1, with a district and its event timelines. */
  function schemaOneFile(path: string): void {
    const db = new Database(path)
    db.exec(migrations[0]!)
    db.pragma('user_version = 1')
    db.pragma(`application_id = ${APPLICATION_ID}`)
    const region = db.prepare(`INSERT INTO regions (code, level, name, parent_code, centroid_lon, centroid_lat, area_m2, geometry, population)
      VALUES (?, ?, ?, ?, 114, 22.7, 1, '{"type":"Polygon","coordinates":[]}', ?)`)
    region.run('440311', 'district', '测试区', null, null)
    region.run('440311-001', 'street', '甲街道', '440311', null)
    region.run('440311-002', 'street', '乙街道', '440311', null)
    region.run('440311-001-01', 'community', '一社区', '440311-001', null)
    region.run('440311-002-01', 'community', '二社区', '440311-002', null)
    region.run('440311-001-01-001', 'grid', 'G1', '440311-001-01', 1000)
    region.run('440311-001-01-002', 'grid', 'G2', '440311-001-01', 2000)
    region.run('440311-002-01-001', 'grid', 'G3', '440311-002-01', 500)
    const staff = db.prepare(`INSERT INTO staff (id, name, role, grid_code, phone, duty_status) VALUES (?, ?, 'gridWorker', ?, '1', 'onDuty')`)
    for (const [id, grid] of [['S1', '440311-001-01-001'], ['S2', '440311-001-01-001'], ['S3', '440311-001-01-001'], ['S4', '440311-001-01-002'], ['S5', '440311-002-01-001']]) {
      staff.run(id, id, grid)
    }
    const ev = db.prepare(`INSERT INTO events (id, category, source, level, status, grid_code, community_code, street_code, title, lon, lat,
      reported_at, deadline_at, closed_at, satisfaction) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 114, 22.7, ?, ?, ?, ?)`)
    const tr = db.prepare('INSERT INTO event_transitions (event_id, action, status, at, actor) VALUES (?, ?, ?, ?, ?)')
    const { events, transitions } = statsEventRows()
    for (const e of events) {
      ev.run(e.id, e.category, e.source, e.status, e.gridCode, e.gridCode.slice(0, 13), e.gridCode.slice(0, 10), e.title,
        e.reportedAt, e.deadlineAt, e.closedAt, e.satisfaction)
    }
    for (const t of transitions) tr.run(t.eventId, t.action, t.status, t.at, t.actor)
    // A case returned once: its handler is whoever reported it handled last.
    tr.run('C1', 'reportHandled', 'handled', NOW - 8 * 86_400_000 - 1000, 'S1')
    tr.run('C1', 'reportHandled', 'handled', NOW - 8 * 86_400_000, 'S4')
    db.close()
  }

  it('adds reporter_id and handler_id to a schema-1 file with data, filled from the timelines', async () => {
    const path = join(dir, 'gcc.sqlite3')
    schemaOneFile(path)
    const store = Store.open(path)
    try {
      expect(schemaVersion(store.db)).toBe(latestSchemaVersion)
      const rows = store.db.prepare('SELECT id, reporter_id AS r, handler_id AS h FROM events ORDER BY id').all()
      expect(rows).toHaveLength(12)
      expect(rows).toContainEqual({ id: 'A1', r: 'S2', h: null })
      expect(rows).toContainEqual({ id: 'A3', r: 'system', h: null })
      expect(rows).toContainEqual({ id: 'B1', r: 'S3', h: 'S2' })
      expect(rows).toContainEqual({ id: 'C1', r: 'S4', h: 'S4' })
      const indices = (store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").all() as { name: string }[]).map((i) => i.name)
      expect(indices).toEqual(expect.arrayContaining(['events_reported_cover', 'events_closed_cover', 'events_deadline_cover', 'events_open_cover']))
      // The ranking works on the migrated file as on a new one.
      const ranking = await wallApi(store, NOW)('stats.workerRanking', { areaCode: '440311', period: 'month', limit: 10 })
      expect(ranking.rows.map((r) => [r.staffId, r.reports, r.handled])).toEqual([
        ['S2', 3, 2],
        ['S3', 2, 0],
        ['S5', 3, 2],
        ['S4', 1, 2]
      ])
    } finally {
      store.close()
    }
  })

  it('answers every statistic from an index, without scanning the events table', () => {
    const store = Store.open(join(dir, 'gcc.sqlite3'))
    try {
      const plans = recordPlans(store, /FROM events/, () => [
        { lo: 'a', hi: 'b', since: 0, until: 1, asOf: 1, limit: 1, from: 0, to: 1, slot: 1, sign: 1, category: '*', previousSince: 0, s0: 'resident', s1: 'hotline' }
      ])
      const s = store.eventStats
      s.reported('440311', 0, 1)
      s.closed('440311', 0, 1)
      s.resolution('440311', 0, 1, 1)
      s.closedQuality('440311', 0, 1)
      s.overdueAt('440311', 1)
      s.reportedPerDay('440311', 0, 1)
      s.closedPerDay('440311', 0, 1)
      s.reportedPerHour('440311', 0, 1)
      s.reportedBy('440311', 'category', 0, 1)
      s.hotspots('440311', 0, 1, 5)
      s.reportedPerGrid(0, 1)
      s.openPerGrid(1)
      s.openWithin('440311', 1)
      store.workers.activity('440311', 0, 1)
      store.workers.activity('440311', 0, 1) // again: the window exists, only read
      store.analysis.cells('440311', null, 0, 1)
      store.analysis.weekHours('440311', 'dispute', 0, 1)
      store.analysis.cells('440311', 'dispute', 0, 1) // again: the window exists, only read
      store.analysis.reportedTwoWindows('440311', ['resident', 'hotline'], 0, 1, 2)
      const onEvents = plans.filter((p) => /\bevents\b/.test(p))
      expect(onEvents.length).toBeGreaterThan(10)
      expect(onEvents.filter((p) => !/USING (COVERING )?INDEX events_\w+_cover/.test(p))).toEqual([])
    } finally {
      store.close()
    }
  })
})

describe('migrations 13 and 14: alert indices the ingest no longer pays for (docs/ALERTS.md "Throughput")', () => {
  let dir: string
  let remove: () => void
  beforeEach(() => ({ dir, remove } = tempDir()))
  afterEach(() => remove())

  const indices = (store: Store): string[] =>
    (store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'alerts'").all() as { name: string }[]).map((i) => i.name)

  it('drops it from a schema-12 file and keeps the other alert indices', () => {
    const path = join(dir, 'gcc.sqlite3')
    const db = new Database(path)
    for (const m of migrations.slice(0, 12)) db.exec(m)
    db.pragma('user_version = 12')
    db.pragma(`application_id = ${APPLICATION_ID}`)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'alerts_open'").get()).toEqual({ n: 1 })
    db.close()
    const store = Store.open(path)
    try {
      expect(schemaVersion(store.db)).toBe(latestSchemaVersion)
      expect(indices(store)).not.toContain('alerts_open')
      expect(indices(store)).toEqual(
        expect.arrayContaining(['alerts_at', 'alerts_grid_at', 'alerts_camera_track', 'alerts_event', 'sqlite_autoindex_alerts_1'])
      )
    } finally {
      store.close()
    }
  })

  it("replaces alerts_camera_at in a schema-13 file by each camera's latest alert, the one seen last", () => {
    const path = join(dir, 'gcc.sqlite3')
    const db = new Database(path)
    for (const m of migrations.slice(0, 13)) db.exec(m)
    db.pragma('user_version = 13')
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('foreign_keys = OFF') // alerts without their cameras and grid: only the alerts matter here
    const alert = db.prepare(
      "INSERT INTO alerts (id, camera_id, type, score, at, last_seen_at, lon, lat, grid_code, status) VALUES (?, ?, 'fireSmoke', 0.9, ?, ?, 114, 22.7, 'G', 'new')"
    )
    // A1 was first seen earliest but seen last (a repeat moved its at back); B1 and B2 tie, B2 wins.
    alert.run('A1', 'C1', 1000, 9000)
    alert.run('A2', 'C1', 5000, 5000)
    alert.run('B1', 'C2', 3000, 3000)
    alert.run('B2', 'C2', 3000, 3000)
    db.close()
    const store = Store.open(path)
    try {
      expect(indices(store)).not.toContain('alerts_camera_at')
      expect(store.db.prepare('SELECT camera_id, alert_id, seen_at FROM camera_latest_alert ORDER BY camera_id').raw().all()).toEqual([
        ['C1', 'A1', 9000],
        ['C2', 'B2', 3000]
      ])
    } finally {
      store.close()
    }
  })

  it('every query on alerts the app runs still reads an index, none scans the table', () => {
    const store = Store.open(join(dir, 'gcc.sqlite3'))
    try {
      // Named parameters (@lo…) or positional ones (?), each given a value.
      const plans = recordPlans(store, /(FROM|JOIN) alerts/, (sql) =>
        sql.includes('@') ? [{ lo: 'a', hi: 'b', since: 0, limit: 1 }] : Array<null>((sql.match(/\?/g) ?? []).length).fill(null)
      )
      store.alerts.counts('440311', 0)
      store.alerts.latest(10, '440311')
      store.alerts.latest(10)
      store.alerts.views(['a', 'b'])
      store.alerts.view('a')
      store.alerts.viewByEvent('e')
      store.alerts.ingest([]) // prepares the track lookup
      // A camera's latest alert, for the ring analysis (the empty store has no camera to list).
      ;(store.rings as unknown as { latestAlert(cameraId: string): unknown }).latestAlert('c')
      const onAlerts = plans.filter((p) => /\b(alerts|a)\b/.test(p) && !/json_each/.test(p))
      expect(onAlerts.length).toBeGreaterThanOrEqual(9)
      expect(onAlerts.filter((p) => !/^SEARCH (alerts|a) USING (COVERING )?INDEX (alerts_|sqlite_autoindex_alerts_1)/.test(p))).toEqual([])
      expect(onAlerts.filter((p) => /alerts_camera_track|alerts_grid_at/.test(p)).length).toBeGreaterThanOrEqual(3)
      // The latest alert of a camera: one seek in camera_latest_alert, one in the primary key.
      expect(plans).toContain('SEARCH l USING PRIMARY KEY (camera_id=?)')
    } finally {
      store.close()
    }
  })
})
