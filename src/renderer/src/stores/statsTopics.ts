import type { DataTopic } from '@shared/api/types'

/** What the wall's statistics are and which pushed topics stale them: pure, without the API. */

/** The wall's statistics cover the last 30 days (trend, breakdowns, events by area, hot spots). */
export const STATS_WINDOW_DAYS = 30
export const HOTSPOT_LIMIT = 10
export const RANKING_LIMIT = 30

/** Every statistic the wall's panels show, by name. */
export const statNames = ['kpis', 'summary', 'eventsByArea', 'trend', 'hourly', 'categories', 'sources', 'ranking', 'hotspots'] as const
export type StatName = (typeof statNames)[number]

/**
 * Which pushed topics make a statistic stale. 'district' (a new district was loaded) stales all;
 * 'events' every event-derived figure; the building, camera and staff figures of the summary
 * change only with the district, but its events-today count follows events too.
 */
export const statTopics: Record<StatName, readonly DataTopic[]> = {
  kpis: ['district', 'events'],
  summary: ['district', 'events'],
  eventsByArea: ['district', 'events'],
  trend: ['district', 'events'],
  hourly: ['district', 'events'],
  categories: ['district', 'events'],
  sources: ['district', 'events'],
  ranking: ['district', 'events'],
  hotspots: ['district', 'events']
}

/** The statistics a set of pushed topics makes stale (pure: unit-tested). */
export function staleStats(topics: readonly DataTopic[]): StatName[] {
  return statNames.filter((name) => statTopics[name].some((t) => topics.includes(t)))
}

