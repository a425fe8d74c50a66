import type { DataTopic } from '@shared/api/types'

/** What the wall's statistics are and which pushed topics stale them: pure, without the API. */

/** The wall's statistics cover the last 30 days (trend, breakdowns, events by area, hot spots). */
export const STATS_WINDOW_DAYS = 30
export const HOTSPOT_LIMIT = 10
export const RANKING_LIMIT = 30
/** Rows of the supervision panel (most overdue first; the counts are exact whatever the limit). */
export const SUPERVISION_LIMIT = 20
/** Rows of the dispute early-warning panel (most serious first; the counts per level are exact whatever the limit). */
export const DISPUTES_LIMIT = 20

/** Periods offered for the analysis of hot-spot areas and hours (heat layer, hour × weekday), in days; 30 at first. */
export const ANALYSIS_PERIODS = [7, 30, 90] as const
export type AnalysisPeriod = (typeof ANALYSIS_PERIODS)[number]
export const DEFAULT_ANALYSIS_PERIOD: AnalysisPeriod = 30

/** Every statistic the wall's panels show, by name. */
export const statNames = ['kpis', 'summary', 'eventsByArea', 'trend', 'hourly', 'categories', 'sources', 'ranking', 'hotspots', 'supervision', 'disputes', 'heat', 'hourWeekday', 'hotDemands'] as const
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
  hotspots: ['district', 'events'],
  // Overdue times also grow with no new event: re-read on the heartbeat once older than STATS_MAX_AGE_MS.
  supervision: ['district', 'events'],
  // Facts are recorded with their events; ages grow with no new event (re-read on the heartbeat).
  disputes: ['district', 'events'],
  // The heat layer's cells are read only while the layer is on (the stats store skips them otherwise).
  heat: ['district', 'events'],
  hourWeekday: ['district', 'events'],
  hotDemands: ['district', 'events']
}

/** The statistics a set of pushed topics makes stale (pure: unit-tested). */
export function staleStats(topics: readonly DataTopic[]): StatName[] {
  return statNames.filter((name) => statTopics[name].some((t) => topics.includes(t)))
}

