import type { Db } from '../database'
import type { EventTransition, GovEvent } from '@shared/domain/event'
import { ancestorCode, parseRegionCode } from '@shared/domain/gridCode'
import type { RegionLevel } from '@shared/domain/region'
import { codeRange, inRange } from './area'
import { splitWindow } from './eventStats'

/** Level of an area's children, by the area's level. */
const childLevelOf: Partial<Record<RegionLevel, RegionLevel>> = {
  district: 'street',
  street: 'community',
  community: 'grid'
}
/** Column that holds the code of an area itself, by its level. */
const ownColumn: Partial<Record<RegionLevel, string>> = {
  street: 'street_code',
  community: 'community_code',
  grid: 'grid_code'
}

export interface ChildEventCount {
  code: string
  reported: number
  resolved: number
}

/**
 * Reporter (actor of 'report') and handler (actor of the last 'reportHandled') of each event
 * in a batch of transitions, for events that do not carry them.
 */
function actorsFromTransitions(transitions: readonly EventTransition[]): Map<string, { reporter: string | null; handler: string | null }> {
  const out = new Map<string, { reporter: string | null; handler: string | null; handledAt: number }>()
  for (const t of transitions) {
    if (t.action !== 'report' && t.action !== 'reportHandled') continue
    let a = out.get(t.eventId)
    if (!a) out.set(t.eventId, (a = { reporter: null, handler: null, handledAt: -Infinity }))
    if (t.action === 'report') a.reporter ??= t.actor
    else if (t.at >= a.handledAt) {
      a.handler = t.actor
      a.handledAt = t.at
    }
  }
  return out
}

/** Governance events and their timelines. */
export class EventRepository {
  constructor(private readonly db: Db) {}

  /** Inserts events and their transitions in one transaction. */
  insertMany(events: readonly GovEvent[], transitions: readonly EventTransition[] = []): void {
    const ev = this.db.prepare(`INSERT INTO events
      (id, category, source, level, status, grid_code, community_code, street_code, title, lon, lat,
       reported_at, deadline_at, closed_at, satisfaction, reporter_id, handler_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const tr = this.db.prepare('INSERT INTO event_transitions (event_id, action, status, at, actor) VALUES (?, ?, ?, ?, ?)')
    const actors = actorsFromTransitions(transitions)
    this.db.transaction(() => {
      for (const e of events) {
        const a = actors.get(e.id)
        ev.run(e.id, e.category, e.source, e.level, e.status, e.gridCode, ancestorCode(e.gridCode, 'community'),
          ancestorCode(e.gridCode, 'street'), e.title, e.lon, e.lat, e.reportedAt, e.deadlineAt, e.closedAt, e.satisfaction,
          e.reporterId ?? a?.reporter ?? null, e.handlerId ?? a?.handler ?? null)
      }
      for (const t of transitions) tr.run(t.eventId, t.action, t.status, t.at, t.actor)
    })()
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
  }

  /** Time of the newest event report: how fresh the wall's data is. */
  latestReportedAt(): number | null {
    return (this.db.prepare('SELECT max(reported_at) AS t FROM events').get() as { t: number | null }).t
  }

  /**
   * Events reported in [since, until) in each child of an area (streets of the district,
   * communities of a street, grids of a community, or the grid itself), with how many are resolved.
   * Whole Shanghai days come from event_daily (migration 3), the partial days at the ends from the
   * events; counts per grid are then summed into the children (a child's code prefixes its grids').
   */
  countsByChild(areaCode: string, since: number, until: number): ChildEventCount[] {
    const level = parseRegionCode(areaCode).level
    // A grid has no children: it answers with itself.
    const childLevel = childLevelOf[level] ?? (ownColumn[level] ? level : null)
    if (!childLevel) return []
    const area = codeRange(areaCode)
    const { days, pieces } = splitWindow(since, until)
    const rows: { gridCode: string; reported: number; resolved: number }[] = []
    if (days) {
      rows.push(...this.db
        .prepare<typeof area & typeof days, { gridCode: string; reported: number; resolved: number }>(
          `SELECT grid_code AS gridCode, sum(reported) AS reported, sum(reported_closed) AS resolved FROM event_daily
           WHERE day >= @since AND day < @until AND ${inRange('grid_code')} GROUP BY grid_code`
        )
        .all({ ...area, ...days }))
    }
    for (const w of pieces) {
      rows.push(...this.db
        .prepare<typeof area & typeof w, { gridCode: string; reported: number; resolved: number }>(
          `SELECT grid_code AS gridCode, count(*) AS reported, count(closed_at) AS resolved FROM events INDEXED BY events_reported
           WHERE reported_at >= @since AND reported_at < @until AND ${inRange('grid_code')} GROUP BY grid_code`
        )
        .all({ ...area, ...w }))
    }
    const byChild = new Map<string, ChildEventCount>()
    for (const r of rows) {
      if (r.reported === 0 && r.resolved === 0) continue
      const code = ancestorCode(r.gridCode, childLevel)
      let c = byChild.get(code)
      if (!c) byChild.set(code, (c = { code, reported: 0, resolved: 0 }))
      c.reported += r.reported
      c.resolved += r.resolved
    }
    return [...byChild.values()].filter((c) => c.reported > 0).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  }

  /** Events reported in [since, until) within an area. */
  countWithin(areaCode: string, since: number, until: number): number {
    const own = ownColumn[parseRegionCode(areaCode).level]
    const where = own ? `${own} = @area AND` : ''
    return this.db
      .prepare<{ area: string; since: number; until: number }, { n: number }>(
        `SELECT count(*) AS n FROM events WHERE ${where} reported_at >= @since AND reported_at < @until`
      )
      .get({ area: areaCode, since, until })!.n
  }

  transitionsOf(eventId: string): EventTransition[] {
    return this.db
      .prepare<[string], EventTransition>(
        'SELECT event_id AS eventId, action, status, at, actor FROM event_transitions WHERE event_id = ? ORDER BY at, id'
      )
      .all(eventId)
  }
}
