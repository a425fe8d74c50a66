import type { Breakdown, KpiValue, WallKpis } from '@shared/api/types'
import { eventCategoryIds, type EventCategoryId } from '@shared/domain/categories'
import { eventSources, type EventSource } from '@shared/domain/event'
import { DAY_MS, formatShanghaiDate, shanghaiDayStart } from '@shared/time'
import { ApiError } from '@shared/api/errors'
import { areaRef, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'
import { rankWorkers } from './ranking'

/** Window of the headline rates, and how far back their comparison lies. */
export const RATE_WINDOW_DAYS = 30
export const COMPARE_DAYS = 7
/** Days behind the hourly profile's average. */
export const HOURLY_BASELINE_DAYS = 28
export const rankingDays = { week: 7, month: 30 } as const

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

/** "The last N days" at `now`: N Shanghai calendar days, today (so far) included, ending just after now. */
export function lastDaysWindow(now: number, days: number): { since: number; until: number } {
  return { since: shanghaiDayStart(now) - (days - 1) * DAY_MS, until: now + 1 }
}

/** Every key, zeros included, most first; ties keep the catalogue's order. */
function breakdownRows<K extends string>(keys: readonly K[], counts: Map<K, number>): { key: K; count: number }[] {
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 })).sort((a, b) => b.count - a.count)
}

/**
 * The normal-mode wall's statistics for one area (definitions in docs/STATISTICS.md). "The last
 * N days" are N Shanghai calendar days, today included; time windows end at now.
 */
export function statsHandlers(
  d: HandlerDeps
): HandlerGroup<
  | 'stats.summary'
  | 'stats.eventsByArea'
  | 'stats.kpis'
  | 'stats.trend'
  | 'stats.hourly'
  | 'stats.categories'
  | 'stats.sources'
  | 'stats.workerRanking'
  | 'stats.hotspots'
> {
  const { store } = d
  const stats = store.eventStats
  /** Now, the end of every window (exclusive, so an event at `now` counts), and today's start. */
  const clock = (at?: number): { now: number; until: number; today: number } => {
    const present = d.now()
    if (at !== undefined && at > present) throw new ApiError('BAD_INPUT', `时刻不能在将来 / at ${at} lies in the future`)
    const now = at ?? present
    return { now, until: now + 1, today: shanghaiDayStart(now) }
  }
  const lastDays = (days: number): { since: number; until: number } => lastDaysWindow(d.now(), days)

  return {
    'stats.summary': ({ areaCode }) => {
      const area = requireRegion(store, areaCode)
      const { today, until } = clock()
      return {
        area: areaRef(area),
        grids: store.regions.countWithin(areaCode, 'grid'),
        buildings: store.buildings.riskCounts(areaCode),
        cameras: store.cameras.onlineCounts(areaCode),
        staffOnDuty: store.staff.onDutyCount(areaCode),
        events: store.events.countWithin(areaCode, today, until)
      }
    },

    'stats.eventsByArea': ({ areaCode, days }) => {
      const area = requireRegion(store, areaCode)
      const { since, until } = lastDays(days)
      const children = store.regions.children(areaCode)
      // A grid (no children) is shown as its own single bar.
      const names = new Map((children.length > 0 ? children : [area]).map((c) => [c.code, c.name]))
      const counts = new Map(store.events.countsByChild(areaCode, since, until).map((r) => [r.code, r]))
      return {
        area: areaRef(area),
        since,
        until,
        rows: [...names].map(([code, name]) => ({
          code,
          name,
          reported: counts.get(code)?.reported ?? 0,
          resolved: counts.get(code)?.resolved ?? 0
        }))
      }
    },

    'stats.kpis': ({ areaCode, at }): WallKpis => {
      const area = requireRegion(store, areaCode)
      const { now, until, today } = clock(at)
      const window = RATE_WINDOW_DAYS * DAY_MS
      const back = COMPARE_DAYS * DAY_MS
      const yesterday = (f: (since: number, until: number) => number): KpiValue => ({
        value: f(today, until),
        previous: f(today - DAY_MS, until - DAY_MS),
        basis: 'yesterday'
      })
      const lastWeek = (f: (end: number) => number | null): KpiValue => ({ value: f(until), previous: f(until - back), basis: 'lastWeek' })
      // Each rate is computed for the window ending now and for the one ending a week ago.
      const quality = new Map([until, until - back].map((end) => [end, stats.closedQuality(areaCode, end - window, end)]))
      return {
        area: areaRef(area),
        asOf: now,
        reportedToday: yesterday((s, u) => stats.reported(areaCode, s, u)),
        closedToday: yesterday((s, u) => stats.closed(areaCode, s, u)),
        resolutionRate: lastWeek((end) => {
          const r = stats.resolution(areaCode, end - window, end, end)
          return ratio(r.resolved, r.due)
        }),
        onTimeRate: lastWeek((end) => ratio(quality.get(end)!.onTime, quality.get(end)!.closed)),
        satisfaction: lastWeek((end) => ratio(quality.get(end)!.satisfied, quality.get(end)!.rated)),
        overdue: { value: stats.overdueAt(areaCode, now), previous: stats.overdueAt(areaCode, now - back), basis: 'lastWeek' },
        camerasOnline: store.cameras.onlineCounts(areaCode),
        staffOnDuty: { value: store.staff.onDutyCount(areaCode), previous: null, basis: 'none' }
      }
    },

    'stats.trend': ({ areaCode, days }) => {
      const area = requireRegion(store, areaCode)
      const { since, until } = lastDays(days)
      const reported = stats.reportedPerDay(areaCode, since, until)
      const closed = stats.closedPerDay(areaCode, since, until)
      return {
        area: areaRef(area),
        days: Array.from({ length: days }, (_, i) => {
          const day = since + i * DAY_MS
          return { date: formatShanghaiDate(day), reported: reported.get(day) ?? 0, closed: closed.get(day) ?? 0 }
        })
      }
    },

    'stats.hourly': ({ areaCode }) => {
      const area = requireRegion(store, areaCode)
      const { until, today } = clock()
      const baseline = stats.reportedPerHour(areaCode, today - HOURLY_BASELINE_DAYS * DAY_MS, today)
      return {
        area: areaRef(area),
        today: stats.reportedPerHour(areaCode, today, until),
        average: baseline.map((n) => n / HOURLY_BASELINE_DAYS)
      }
    },

    'stats.categories': ({ areaCode, days }): Breakdown<EventCategoryId> => {
      const area = requireRegion(store, areaCode)
      const { since, until } = lastDays(days)
      return { area: areaRef(area), since, rows: breakdownRows(eventCategoryIds, stats.reportedBy(areaCode, 'category', since, until)) }
    },

    'stats.sources': ({ areaCode, days }): Breakdown<EventSource> => {
      const area = requireRegion(store, areaCode)
      const { since, until } = lastDays(days)
      return { area: areaRef(area), since, rows: breakdownRows(eventSources, stats.reportedBy(areaCode, 'source', since, until)) }
    },

    'stats.workerRanking': ({ areaCode, period, limit }) => {
      const area = requireRegion(store, areaCode)
      const { since, until } = lastDays(rankingDays[period])
      return { area: areaRef(area), period, since, rows: rankWorkers(store.workers.activity(areaCode, since, until), limit, (ids) => store.workers.describe(ids)) }
    },

    'stats.hotspots': ({ areaCode, days, limit }) => {
      const area = requireRegion(store, areaCode)
      const { since, until } = lastDays(days)
      return {
        area: areaRef(area),
        since,
        rows: stats.hotspots(areaCode, since, until, limit).map((r) => ({
          ...r,
          per1000: Math.round(((r.events * 1000) / r.population) * 100) / 100
        }))
      }
    }
  }
}
