/**
 * Versioned schema migrations. Each entry moves the schema from version i to i + 1 and runs in
 * one transaction; PRAGMA user_version records the version reached. Never edit a shipped one:
 * append a new migration instead.
 */
/** Shanghai day start of a time column (kept equal to eventStats' dayOf and @shared/time). */
const DAY = (column: string): string => `((${column} + 28800000) / 86400000) * 86400000 - 28800000`

/**
 * The statements that add (sign +1) or remove (sign -1) one event row (`row` is NEW or OLD) to or
 * from the daily per-grid counts of migration 3: its report day, its deadline day and, when
 * closed, its closing day.
 */
const dailyDelta = (row: 'NEW' | 'OLD', sign: 1 | -1): string => {
  const op = sign > 0 ? '+' : '-'
  return `
    INSERT INTO event_daily (day, grid_code, reported, reported_closed)
      VALUES (${DAY(`${row}.reported_at`)}, ${row}.grid_code, ${sign}, ${sign} * (${row}.closed_at IS NOT NULL))
      ON CONFLICT DO UPDATE SET reported = reported ${op} 1, reported_closed = reported_closed + excluded.reported_closed;
    INSERT INTO event_daily (day, grid_code, due, due_closed)
      VALUES (${DAY(`${row}.deadline_at`)}, ${row}.grid_code, ${sign}, ${sign} * (${row}.closed_at IS NOT NULL))
      ON CONFLICT DO UPDATE SET due = due ${op} 1, due_closed = due_closed + excluded.due_closed;
    INSERT INTO event_daily (day, grid_code, closed, on_time, rated, satisfied)
      SELECT ${DAY(`${row}.closed_at`)}, ${row}.grid_code, ${sign}, ${sign} * (${row}.closed_at <= ${row}.deadline_at),
             ${sign} * (${row}.satisfaction IS NOT NULL), ${sign} * coalesce(${row}.satisfaction >= 4, 0)
      WHERE ${row}.closed_at IS NOT NULL
      ON CONFLICT DO UPDATE SET closed = closed ${op} 1, on_time = on_time + excluded.on_time,
        rated = rated + excluded.rated, satisfied = satisfied + excluded.satisfied;`
}

/** Adds (+1) or removes (-1) one building row to or from building_counts. */
const buildingDelta = (row: 'NEW' | 'OLD', sign: 1 | -1): string => `
    INSERT INTO building_counts (grid_code, risk_level, n) VALUES (${row}.grid_code, ${row}.risk_level, ${sign})
      ON CONFLICT DO UPDATE SET n = n ${sign > 0 ? '+' : '-'} 1;`

/**
 * The statements that add (sign +1) or remove (sign -1) one event row to or from every worker
 * window of migration 4 whose start it is not before: its reporter's report, and its handler's
 * handling once closed (on time, rated, rated 4–5). Reporters and handlers that are not staff
 * (residents, the system) are not ranked.
 */
const workerDelta = (row: 'NEW' | 'OLD', sign: 1 | -1): string => `
    INSERT INTO worker_window (slot, staff_grid, staff_id, reports)
      SELECT w.slot, s.grid_code, s.id, ${sign} FROM worker_window_since w JOIN staff s ON s.id = ${row}.reporter_id
      WHERE ${row}.reported_at >= w.since
      ON CONFLICT DO UPDATE SET reports = reports + excluded.reports;
    INSERT INTO worker_window (slot, staff_grid, staff_id, handled, on_time, rated, satisfied)
      SELECT w.slot, s.grid_code, s.id, ${sign}, ${sign} * (${row}.closed_at <= ${row}.deadline_at),
             ${sign} * (${row}.satisfaction IS NOT NULL), ${sign} * coalesce(${row}.satisfaction >= 4, 0)
      FROM worker_window_since w JOIN staff s ON s.id = ${row}.handler_id
      WHERE ${row}.closed_at IS NOT NULL AND ${row}.closed_at >= w.since
      ON CONFLICT DO UPDATE SET handled = handled + excluded.handled, on_time = on_time + excluded.on_time,
        rated = rated + excluded.rated, satisfied = satisfied + excluded.satisfied;`

/** A change to the staff (who exists, or which grid they belong to) drops the worker windows: the next read makes them afresh. */
const dropWorkerWindows = `
    DELETE FROM worker_window;
    DELETE FROM worker_window_since;`

/** Adds (+1) or removes (-1) one event row to or from event_facets (migration 6). */
const facetDelta = (row: 'NEW' | 'OLD', sign: 1 | -1): string => `
    INSERT INTO event_facets (grid_code, status, level, category, source, n)
      VALUES (${row}.grid_code, ${row}.status, ${row}.level, ${row}.category, ${row}.source, ${sign})
      ON CONFLICT DO UPDATE SET n = n ${sign > 0 ? '+' : '-'} 1;`

/**
 * Adds (sign +1) or removes (sign -1) one event row to or from every analysis window of migration 9
 * whose start it is not before: its place cell and its hour of the week, under its category and
 * under '*' (all categories).
 */
const analysisDelta = (row: 'NEW' | 'OLD', sign: 1 | -1): string =>
  (['cell', 'week_hour'] as const)
    .map(
      (key) => `
    INSERT INTO analysis_${key === 'cell' ? 'cells' : 'hours'} (slot, category, ${key}, grid_code, n)
      SELECT w.slot, c.category, ${row}.${key}, ${row}.grid_code, ${sign}
      FROM analysis_window_since w, (SELECT ${row}.category AS category UNION ALL SELECT '*') c
      WHERE ${row}.reported_at >= w.since
      ON CONFLICT DO UPDATE SET n = n + excluded.n;`
    )
    .join('')

export const migrations: readonly string[] = [
  /* 1: the foundation */ `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

  CREATE TABLE regions (
    code TEXT PRIMARY KEY,
    level TEXT NOT NULL CHECK (level IN ('district','street','community','grid','subgrid')),
    name TEXT NOT NULL,
    parent_code TEXT REFERENCES regions(code),
    centroid_lon REAL NOT NULL,
    centroid_lat REAL NOT NULL,
    area_m2 REAL NOT NULL,
    geometry TEXT NOT NULL,
    population INTEGER,
    households INTEGER,
    party_members INTEGER,
    elderly_alone INTEGER,
    disabled INTEGER,
    under_care INTEGER
  ) STRICT;
  CREATE INDEX regions_parent ON regions(parent_code);
  CREATE INDEX regions_level ON regions(level);

  CREATE TABLE buildings (
    id TEXT PRIMARY KEY,
    grid_code TEXT NOT NULL REFERENCES regions(code),
    name TEXT NOT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    risk_level TEXT NOT NULL CHECK (risk_level IN ('safe','normal','warning')),
    floors INTEGER NOT NULL,
    households INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX buildings_grid ON buildings(grid_code, risk_level);

  CREATE TABLE cameras (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    site TEXT NOT NULL,
    grid_code TEXT NOT NULL REFERENCES regions(code),
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    online INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX cameras_grid ON cameras(grid_code);

  CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('gridChief','gridWorker','partTimeWorker','deptStaff','vanguardTeam')),
    grid_code TEXT NOT NULL REFERENCES regions(code),
    phone TEXT NOT NULL,
    duty_status TEXT NOT NULL CHECK (duty_status IN ('onDuty','offDuty','leave')),
    lon REAL,
    lat REAL
  ) STRICT;
  CREATE INDEX staff_grid ON staff(grid_code, role);

  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('patrol','resident','hotline','camera','sensor')),
    level INTEGER NOT NULL CHECK (level IN (1,2,3)),
    status TEXT NOT NULL,
    grid_code TEXT NOT NULL REFERENCES regions(code),
    community_code TEXT NOT NULL,
    street_code TEXT NOT NULL,
    title TEXT NOT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    reported_at INTEGER NOT NULL,
    deadline_at INTEGER NOT NULL,
    closed_at INTEGER,
    satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5)
  ) STRICT;
  CREATE INDEX events_reported ON events(reported_at);
  CREATE INDEX events_street_reported ON events(street_code, reported_at);
  CREATE INDEX events_community_reported ON events(community_code, reported_at);
  CREATE INDEX events_grid_reported ON events(grid_code, reported_at);
  CREATE INDEX events_open_deadline ON events(deadline_at) WHERE closed_at IS NULL;

  CREATE TABLE event_transitions (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL
  ) STRICT;
  CREATE INDEX event_transitions_event ON event_transitions(event_id, at);

  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    camera_id TEXT NOT NULL REFERENCES cameras(id),
    type TEXT NOT NULL,
    score REAL NOT NULL,
    at INTEGER NOT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    grid_code TEXT NOT NULL REFERENCES regions(code),
    status TEXT NOT NULL CHECK (status IN ('new','acknowledged','dispatched','dismissed')),
    event_id TEXT REFERENCES events(id),
    snapshot_url TEXT,
    zone TEXT,
    track_id TEXT
  ) STRICT;
  CREATE INDEX alerts_at ON alerts(at);
  CREATE INDEX alerts_grid_at ON alerts(grid_code, at);

  CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('viewer','dutyOfficer','dispatcher','admin')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    operator_id INTEGER,
    username TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok','refused','failed'))
  ) STRICT;
  CREATE INDEX audit_log_at ON audit_log(at);

  CREATE TABLE mode_changes (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('normal','emergency')),
    operator TEXT NOT NULL,
    reason TEXT NOT NULL,
    incident TEXT
  ) STRICT;
  `,
  /* 2: who reported and who handled each event (worker ranking), and covering indices for the
     wall's statistics (docs/STATISTICS.md). Each window index starts with the time column the
     statistic windows on and carries grid_code, so an area (a code-prefix range of grid_code) is
     filtered inside the index at any level without reading the table. */ `
  ALTER TABLE events ADD COLUMN reporter_id TEXT;
  ALTER TABLE events ADD COLUMN handler_id TEXT;
  UPDATE events SET
    reporter_id = (SELECT t.actor FROM event_transitions t
                   WHERE t.event_id = events.id AND t.action = 'report' ORDER BY t.at, t.id LIMIT 1),
    handler_id = (SELECT t.actor FROM event_transitions t
                  WHERE t.event_id = events.id AND t.action = 'reportHandled' ORDER BY t.at DESC, t.id DESC LIMIT 1);

  CREATE INDEX events_reported_cover ON events(reported_at, grid_code, category, source, reporter_id);
  CREATE INDEX events_closed_cover ON events(closed_at, grid_code, deadline_at, satisfaction, handler_id)
    WHERE closed_at IS NOT NULL;
  CREATE INDEX events_deadline_cover ON events(deadline_at, grid_code, closed_at);
  CREATE INDEX events_open_cover ON events(grid_code, deadline_at) WHERE closed_at IS NULL;
  CREATE INDEX staff_grid_duty ON staff(grid_code, duty_status);
  CREATE INDEX cameras_grid_online ON cameras(grid_code, online);
  `,
  /* 3: counts for the wall kept up to date by triggers, so every write (insert, update, delete,
     from any code path) keeps them right (docs/STATISTICS.md, "How the queries stay fast"):
     - event_daily: per Shanghai day and grid, events reported that day (and how many of those
       are closed), events due that day (and how many of those are closed), events closed that day
       (on time, rated, rated 4–5). Statistics read whole days here and only the partial days at
       the ends of a window from the events indices.
     - building_counts: buildings per grid and risk level.
     And indices per staff member for the worker ranking (reports, handled) by time. */ `
  CREATE TABLE event_daily (
    day INTEGER NOT NULL,
    grid_code TEXT NOT NULL,
    reported INTEGER NOT NULL DEFAULT 0,
    reported_closed INTEGER NOT NULL DEFAULT 0,
    due INTEGER NOT NULL DEFAULT 0,
    due_closed INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    on_time INTEGER NOT NULL DEFAULT 0,
    rated INTEGER NOT NULL DEFAULT 0,
    satisfied INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, grid_code)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO event_daily (day, grid_code, reported, reported_closed)
    SELECT ${DAY('reported_at')} AS d, grid_code, count(*), count(closed_at) FROM events GROUP BY d, grid_code;
  INSERT INTO event_daily (day, grid_code, due, due_closed)
    SELECT ${DAY('deadline_at')} AS d, grid_code, count(*), count(closed_at) FROM events WHERE true GROUP BY d, grid_code
    ON CONFLICT DO UPDATE SET due = excluded.due, due_closed = excluded.due_closed;
  INSERT INTO event_daily (day, grid_code, closed, on_time, rated, satisfied)
    SELECT ${DAY('closed_at')} AS d, grid_code, count(*), sum(closed_at <= deadline_at), count(satisfaction), coalesce(sum(satisfaction >= 4), 0)
    FROM events WHERE closed_at IS NOT NULL GROUP BY d, grid_code
    ON CONFLICT DO UPDATE SET closed = excluded.closed, on_time = excluded.on_time, rated = excluded.rated, satisfied = excluded.satisfied;

  CREATE TRIGGER event_daily_insert AFTER INSERT ON events BEGIN ${dailyDelta('NEW', 1)}
  END;
  CREATE TRIGGER event_daily_delete AFTER DELETE ON events BEGIN ${dailyDelta('OLD', -1)}
  END;
  CREATE TRIGGER event_daily_update AFTER UPDATE OF grid_code, reported_at, deadline_at, closed_at, satisfaction ON events BEGIN
    ${dailyDelta('OLD', -1)}
    ${dailyDelta('NEW', 1)}
  END;

  CREATE TABLE building_counts (
    grid_code TEXT NOT NULL,
    risk_level TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (grid_code, risk_level)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO building_counts (grid_code, risk_level, n) SELECT grid_code, risk_level, count(*) FROM buildings GROUP BY grid_code, risk_level;
  CREATE TRIGGER building_counts_insert AFTER INSERT ON buildings BEGIN ${buildingDelta('NEW', 1)}
  END;
  CREATE TRIGGER building_counts_delete AFTER DELETE ON buildings BEGIN ${buildingDelta('OLD', -1)}
  END;
  CREATE TRIGGER building_counts_update AFTER UPDATE OF grid_code, risk_level ON buildings BEGIN
    ${buildingDelta('OLD', -1)}
    ${buildingDelta('NEW', 1)}
  END;

  CREATE INDEX events_reporter_cover ON events(reporter_id, reported_at, grid_code) WHERE reporter_id IS NOT NULL;
  CREATE INDEX events_handler_cover ON events(handler_id, closed_at, grid_code, deadline_at, satisfaction)
    WHERE closed_at IS NOT NULL AND handler_id IS NOT NULL;
  `,
  /* 4: the worker ranking's windows (docs/STATISTICS.md, "How the queries stay fast"). A window
     holds, per staff member (keyed by their grid, so an area is a range), the counts of all their
     events from the window's start on, with no end: events after "now" are subtracted when read,
     and there are normally none. Triggers on events keep every window right on every write; when
     the day moves on, a window is shifted by applying only the events between its old and new
     start (WorkerActivityRepository). A change to the staff table drops the windows, to be made
     afresh on the next read. Replaces migration 3's per-staff indices. */ `
  DROP INDEX events_reporter_cover;
  DROP INDEX events_handler_cover;
  CREATE TABLE worker_window_since (
    slot INTEGER PRIMARY KEY,
    since INTEGER NOT NULL UNIQUE
  ) STRICT;
  CREATE TABLE worker_window (
    slot INTEGER NOT NULL,
    staff_grid TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    reports INTEGER NOT NULL DEFAULT 0,
    handled INTEGER NOT NULL DEFAULT 0,
    on_time INTEGER NOT NULL DEFAULT 0,
    rated INTEGER NOT NULL DEFAULT 0,
    satisfied INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (slot, staff_grid, staff_id)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER worker_window_insert AFTER INSERT ON events BEGIN ${workerDelta('NEW', 1)}
  END;
  CREATE TRIGGER worker_window_delete AFTER DELETE ON events BEGIN ${workerDelta('OLD', -1)}
  END;
  CREATE TRIGGER worker_window_update
    AFTER UPDATE OF reported_at, deadline_at, closed_at, satisfaction, reporter_id, handler_id ON events BEGIN
    ${workerDelta('OLD', -1)}
    ${workerDelta('NEW', 1)}
  END;
  CREATE TRIGGER worker_window_staff_insert AFTER INSERT ON staff BEGIN ${dropWorkerWindows}
  END;
  CREATE TRIGGER worker_window_staff_delete AFTER DELETE ON staff BEGIN ${dropWorkerWindows}
  END;
  CREATE TRIGGER worker_window_staff_update AFTER UPDATE OF id, grid_code ON staff BEGIN ${dropWorkerWindows}
  END;
  `,
  /* 5: camera-AI alerts end to end (issue 4, docs/ALERTS.md): where each alert was routed, its
     format and repeats, who handled it and how; refused messages (counted by reason, the latest
     kept in a bounded quarantine); and the outbox of messages for the broker (dispatches and
     acknowledgements), published exactly once per id when the broker is reachable. */ `
  ALTER TABLE alerts ADD COLUMN community_code TEXT NOT NULL DEFAULT '';
  ALTER TABLE alerts ADD COLUMN street_code TEXT NOT NULL DEFAULT '';
  ALTER TABLE alerts ADD COLUMN format TEXT NOT NULL DEFAULT 'native' CHECK (format IN ('native','frigate'));
  ALTER TABLE alerts ADD COLUMN messages INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE alerts ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE alerts ADD COLUMN ended INTEGER NOT NULL DEFAULT 0 CHECK (ended IN (0,1));
  ALTER TABLE alerts ADD COLUMN handled_by TEXT;
  ALTER TABLE alerts ADD COLUMN handled_at INTEGER;
  ALTER TABLE alerts ADD COLUMN dismiss_reason TEXT;
  ALTER TABLE alerts ADD COLUMN dismiss_note TEXT;
  UPDATE alerts SET last_seen_at = at,
    community_code = (SELECT parent_code FROM regions WHERE code = alerts.grid_code),
    street_code = (SELECT c.parent_code FROM regions g JOIN regions c ON c.code = g.parent_code WHERE g.code = alerts.grid_code);
  CREATE INDEX alerts_open ON alerts(at) WHERE status IN ('new','acknowledged');
  CREATE INDEX alerts_camera_track ON alerts(camera_id, track_id) WHERE track_id IS NOT NULL;

  CREATE TABLE alert_rejections (
    reason TEXT PRIMARY KEY,
    n INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE alert_quarantine (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    topic TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    bytes INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX alert_quarantine_reason ON alert_quarantine(reason, id);

  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    topic TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at INTEGER
  ) STRICT;
  CREATE INDEX outbox_pending ON outbox(created_at) WHERE sent_at IS NULL;
  `,
  /* 6: the events list and detail (docs/EVENTS.md): event_facets counts events per grid, status,
     level, category and source, kept by triggers like event_daily, so the list's total for any
     filter is a sum over a few thousand rows instead of a count over the events; and the camera
     alert of an event is found by its event_id. */ `
  CREATE TABLE event_facets (
    grid_code TEXT NOT NULL,
    status TEXT NOT NULL,
    level INTEGER NOT NULL,
    category TEXT NOT NULL,
    source TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (grid_code, status, level, category, source)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO event_facets (grid_code, status, level, category, source, n)
    SELECT grid_code, status, level, category, source, count(*) FROM events GROUP BY grid_code, status, level, category, source;
  CREATE TRIGGER event_facets_insert AFTER INSERT ON events BEGIN ${facetDelta('NEW', 1)}
  END;
  CREATE TRIGGER event_facets_delete AFTER DELETE ON events BEGIN ${facetDelta('OLD', -1)}
  END;
  CREATE TRIGGER event_facets_update AFTER UPDATE OF grid_code, status, level, category, source ON events BEGIN
    ${facetDelta('OLD', -1)}
    ${facetDelta('NEW', 1)}
  END;
  CREATE INDEX alerts_event ON alerts(event_id) WHERE event_id IS NOT NULL;
  `,
  /* 7: event state changes from the governance platform over MQTT (docs/EVENTS.md): the id of every
     message applied, so that a redelivered or resent message is applied once. */ `
  CREATE TABLE event_messages (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  `,
  /* 8: dispute early warning (docs/EVENTS.md, "Dispute early warning"): the facts of a dispute (people
     involved, urgency, money at stake), one row per event of category 'dispute'. The warning level
     is not stored: it follows from the facts by the rule in @shared/domain/dispute, applied when
     read. Disputes recorded before this migration have no facts and stay ungraded (待研判) until
     assessed: no facts are made up here. The open disputes of an area are a range of the partial
     index events_open_disputes (a few thousand rows at a million events). */ `
  CREATE TABLE dispute_facts (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    people INTEGER NOT NULL CHECK (people >= 2),
    urgency TEXT NOT NULL CHECK (urgency IN ('normal','urgent','critical')),
    amount_yuan INTEGER CHECK (amount_yuan >= 0)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX events_open_disputes ON events(grid_code, reported_at, id) WHERE closed_at IS NULL AND category = 'dispute';
  `,
  /* 9: analysis (docs/STATISTICS.md, "Analysis"): hot-spot areas and hours. Two virtual columns of
     events, computed from the row and never stored: `cell`, the place cell of 1/800° × 1/800°
     (≈ 139 m north–south, 128 m east–west at 22.8° N) as (lon + 180) · 800 · 10⁶ + (lat + 90) · 800
     (integer parts), and `week_hour`, the hour of the Shanghai week of the report (0 = Monday
     00:00–01:00 … 167 = Sunday 23:00–24:00; 1970-01-01 was a Thursday). And windows like
     migration 4's: per window (a start, no end), the events per category ('*': all) and cell or
     hour of the week, by grid (so an area is a range), kept by triggers and shifted as the day
     moves on (EventAnalysisRepository). */ `
  ALTER TABLE events ADD COLUMN cell INTEGER
    GENERATED ALWAYS AS (CAST((lon + 180) * 800 AS INTEGER) * 1000000 + CAST((lat + 90) * 800 AS INTEGER)) VIRTUAL;
  ALTER TABLE events ADD COLUMN week_hour INTEGER
    GENERATED ALWAYS AS ((((reported_at + 28800000) / 86400000 + 3) % 7) * 24 + ((reported_at + 28800000) % 86400000) / 3600000) VIRTUAL;
  CREATE TABLE analysis_window_since (
    slot INTEGER PRIMARY KEY,
    since INTEGER NOT NULL UNIQUE
  ) STRICT;
  CREATE TABLE analysis_cells (
    slot INTEGER NOT NULL,
    category TEXT NOT NULL,
    cell INTEGER NOT NULL,
    grid_code TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (slot, category, cell, grid_code)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE analysis_hours (
    slot INTEGER NOT NULL,
    category TEXT NOT NULL,
    week_hour INTEGER NOT NULL,
    grid_code TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (slot, category, week_hour, grid_code)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER analysis_window_insert AFTER INSERT ON events BEGIN ${analysisDelta('NEW', 1)}
  END;
  CREATE TRIGGER analysis_window_delete AFTER DELETE ON events BEGIN ${analysisDelta('OLD', -1)}
  END;
  CREATE TRIGGER analysis_window_update AFTER UPDATE OF grid_code, category, reported_at, lon, lat ON events BEGIN
    ${analysisDelta('OLD', -1)}
    ${analysisDelta('NEW', 1)}
  END;
  `,
  /* 10: emergency mode (issue 6, docs/EMERGENCY.md): incidents (at most one running: ended_at IS
     NULL) and their log; the people living in each building (residents, elderly living alone,
     disabled, people under care) for the ring counts; shelters (应急避难场所) and supply points
     (物资储备点); and indices for the ring queries: buildings by position (a latitude band, then
     longitude inside the index) and a camera's newest alert. mode_changes.incident holds the
     incident id from here on. */ `
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('I','II','III','IV')),
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    grid_code TEXT,
    building_id TEXT,
    label TEXT NOT NULL,
    reason TEXT NOT NULL,
    drill INTEGER NOT NULL CHECK (drill IN (0,1)),
    rings_m TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    started_by TEXT NOT NULL,
    ended_at INTEGER,
    ended_by TEXT,
    summary TEXT
  ) STRICT;
  CREATE UNIQUE INDEX incidents_one_running ON incidents((ended_at IS NULL)) WHERE ended_at IS NULL;
  CREATE INDEX incidents_started ON incidents(started_at);
  CREATE TABLE incident_log (
    id INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    operator TEXT,
    text TEXT NOT NULL
  ) STRICT;
  CREATE INDEX incident_log_incident ON incident_log(incident_id, id);

  CREATE TABLE building_people (
    building_id TEXT PRIMARY KEY REFERENCES buildings(id) ON DELETE CASCADE,
    residents INTEGER NOT NULL CHECK (residents >= 0),
    elderly_alone INTEGER NOT NULL CHECK (elderly_alone >= 0),
    disabled INTEGER NOT NULL CHECK (disabled >= 0),
    under_care INTEGER NOT NULL CHECK (under_care >= 0)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE shelters (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('school','park','communityCentre','sportsCentre')),
    grid_code TEXT NOT NULL REFERENCES regions(code),
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0)
  ) STRICT;
  CREATE TABLE supply_points (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    grid_code TEXT NOT NULL REFERENCES regions(code),
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    supplies TEXT NOT NULL
  ) STRICT;
  CREATE INDEX buildings_position ON buildings(lat, lon);
  CREATE INDEX alerts_camera_at ON alerts(camera_id, at);
  `,
  /* 11: all walls follow the mode (docs/EMERGENCY.md "All walls follow"): an outbox message may be
     published retained (gcc/mode: a wall that connects later gets the current mode), and the mode
     messages from other walls that were applied or passed over, by id, so each is handled once. */
  `
  ALTER TABLE outbox ADD COLUMN retain INTEGER NOT NULL DEFAULT 0 CHECK (retain IN (0,1));
  CREATE TABLE mode_messages (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    incident_id TEXT,
    at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    applied INTEGER NOT NULL CHECK (applied IN (0,1))
  ) STRICT;
  `,
  /* 12: dispatch of tasks during an incident (docs/EMERGENCY.md "Dispatch"): the task, its status
     moved forward by the assignee's replies (gcc/task-replies/{taskId}), and the reply ids seen. */
  `
  CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incidents(id),
    assignee_kind TEXT NOT NULL CHECK (assignee_kind IN ('staff','team')),
    assignee_id TEXT NOT NULL,
    assignee_name TEXT NOT NULL,
    instruction TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('sent','received','onScene','done')),
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    replied_at INTEGER,
    reply_note TEXT
  ) STRICT;
  CREATE INDEX tasks_incident ON tasks(incident_id, created_at);
  CREATE TABLE task_replies (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL REFERENCES tasks(id),
    status TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    received_at INTEGER NOT NULL
  ) STRICT;
  `,
  /* 13: alert ingest throughput (docs/ALERTS.md "Throughput"): alerts_open (migration 5) answers no
     query (the open count of an area is read through alerts_grid_at) and every new alert paid a
     write into it. */
  `
  DROP INDEX alerts_open;
  `,
  /* 14: alert ingest throughput (docs/ALERTS.md "Throughput"): the rings' latest alert of a camera
     is read from camera_latest_alert, kept by the ingest once per camera per batch (AlertRepository,
     the only writer of alerts), instead of alerts_camera_at, an index entry per alert at a random
     place. The latest alert is the one seen last (last_seen_at only grows; an alert's at can move
     earlier), on a tie the greater id. A trigger per alert row cost more than the index. */
  `
  CREATE TABLE camera_latest_alert (
    camera_id TEXT PRIMARY KEY,
    alert_id TEXT NOT NULL,
    seen_at INTEGER NOT NULL
  ) STRICT, WITHOUT ROWID;
  INSERT INTO camera_latest_alert (camera_id, alert_id, seen_at)
    SELECT camera_id, id, last_seen_at FROM (
      SELECT camera_id, id, last_seen_at,
             row_number() OVER (PARTITION BY camera_id ORDER BY last_seen_at DESC, id DESC) AS n
      FROM alerts)
    WHERE n = 1;
  DROP INDEX alerts_camera_at;
  `
]

export const latestSchemaVersion = migrations.length
