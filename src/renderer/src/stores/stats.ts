import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { EventCategoryId } from '@shared/domain/categories'
import type { EventSource } from '@shared/domain/event'
import type {
  Breakdown,
  DailyTrend,
  DistrictSummary,
  EventsByArea,
  HourlyProfile,
  Hotspots,
  RankingPeriod,
  WallKpis,
  WorkerRanking
} from '@shared/api/types'
import type { EventSupervision } from '@shared/api/eventTypes'
import type { HeatCells, HotDemands, HourWeekday } from '@shared/api/analysisTypes'
import type { DisputeWarnings } from '@shared/api/disputeTypes'
import { api } from '@renderer/api'
import { createQuery } from './query'
import { DEFAULT_ANALYSIS_PERIOD, DISPUTES_LIMIT, HOTSPOT_LIMIT, RANKING_LIMIT, STATS_WINDOW_DAYS, SUPERVISION_LIMIT, statNames, type StatName, type AnalysisPeriod } from './statsTopics'

export { ANALYSIS_PERIODS, DEFAULT_ANALYSIS_PERIOD, DISPUTES_LIMIT, HOTSPOT_LIMIT, RANKING_LIMIT, STATS_WINDOW_DAYS, SUPERVISION_LIMIT, staleStats, statNames, statTopics, type StatName, type AnalysisPeriod } from './statsTopics'

/**
 * Statistics for the wall's panels, each held raw (shallowRef + markRaw in createQuery).
 * The area code is passed in: this store reads no other store.
 */
export const useStatsStore = defineStore('stats', () => {
  const queries = {
    kpis: createQuery<WallKpis>(),
    summary: createQuery<DistrictSummary>(),
    eventsByArea: createQuery<EventsByArea>(),
    trend: createQuery<DailyTrend>(),
    hourly: createQuery<HourlyProfile>(),
    categories: createQuery<Breakdown<EventCategoryId>>(),
    sources: createQuery<Breakdown<EventSource>>(),
    ranking: createQuery<WorkerRanking>(),
    hotspots: createQuery<Hotspots>(),
    supervision: createQuery<EventSupervision>(),
    disputes: createQuery<DisputeWarnings>(),
    heat: createQuery<HeatCells>(),
    hourWeekday: createQuery<HourWeekday>(),
    hotDemands: createQuery<HotDemands>()
  }
  /** 周排名 / 月排行, chosen on the ranking panel. */
  const rankingPeriod = ref<RankingPeriod>('week')
  /** Hot-spot areas and hours: the period and category (null: all) chosen on the map's heat controls or the matrix panel. */
  const analysisPeriod = ref<AnalysisPeriod>(DEFAULT_ANALYSIS_PERIOD)
  const analysisCategory = ref<EventCategoryId | null>(null)
  /** The heat layer is on: its cells are read only then. */
  const heatOn = ref(false)
  /** The area the held figures are for (so a late answer for another area is not shown as this one's). */
  const areaCode = ref<string | null>(null)

  const days = STATS_WINDOW_DAYS
  const analysisInput = (): { days: number; category?: EventCategoryId } => ({
    days: analysisPeriod.value,
    ...(analysisCategory.value ? { category: analysisCategory.value } : {})
  })
  const loaders: Record<StatName, (code: string) => Promise<unknown>> = {
    kpis: (code) => queries.kpis.run(() => api.stats.kpis({ areaCode: code })),
    summary: (code) => queries.summary.run(() => api.stats.summary({ areaCode: code })),
    eventsByArea: (code) => queries.eventsByArea.run(() => api.stats.eventsByArea({ areaCode: code, days })),
    trend: (code) => queries.trend.run(() => api.stats.trend({ areaCode: code, days })),
    hourly: (code) => queries.hourly.run(() => api.stats.hourly({ areaCode: code })),
    categories: (code) => queries.categories.run(() => api.stats.categories({ areaCode: code, days })),
    sources: (code) => queries.sources.run(() => api.stats.sources({ areaCode: code, days })),
    ranking: (code) =>
      queries.ranking.run(() => api.stats.workerRanking({ areaCode: code, period: rankingPeriod.value, limit: RANKING_LIMIT })),
    hotspots: (code) => queries.hotspots.run(() => api.stats.hotspots({ areaCode: code, days, limit: HOTSPOT_LIMIT })),
    supervision: (code) => queries.supervision.run(() => api.events.supervision({ areaCode: code, limit: SUPERVISION_LIMIT })),
    disputes: (code) => queries.disputes.run(() => api.events.disputes({ areaCode: code, limit: DISPUTES_LIMIT })),
    heat: (code) => (heatOn.value ? queries.heat.run(() => api.stats.heat({ areaCode: code, ...analysisInput() })) : Promise.resolve(null)),
    hourWeekday: (code) => queries.hourWeekday.run(() => api.stats.hourWeekday({ areaCode: code, ...analysisInput() })),
    hotDemands: (code) => queries.hotDemands.run(() => api.stats.hotDemands({ areaCode: code }))
  }

  /** Loads the named statistics (all by default) for `code`; a new area clears what was held for the old one. */
  async function load(code: string, names: readonly StatName[] = statNames): Promise<void> {
    if (areaCode.value !== code) {
      areaCode.value = code
      for (const q of Object.values(queries)) {
        q.data.value = null
        q.error.value = null
      }
    }
    await Promise.all(names.map((n) => loaders[n](code)))
  }

  /** Names of the statistics whose last load failed (retried on the next heartbeat). */
  function failed(): StatName[] {
    return statNames.filter((n) => queries[n].error.value !== null)
  }

  /** Names of the statistics last loaded more than `ms` ago: their windows end at "now", which moves. */
  function olderThan(ms: number): StatName[] {
    const cutoff = performance.now() - ms
    return statNames.filter((n) => queries[n].data.value !== null && queries[n].loadedAt() < cutoff)
  }

  async function setRankingPeriod(period: RankingPeriod): Promise<void> {
    if (rankingPeriod.value === period) return
    rankingPeriod.value = period
    queries.ranking.data.value = null
    if (areaCode.value) await loaders.ranking(areaCode.value)
  }

  /** A new period or category for the heat layer and the hour × weekday matrix: both re-read. */
  async function setAnalysis(period: AnalysisPeriod, category: EventCategoryId | null): Promise<void> {
    if (analysisPeriod.value === period && analysisCategory.value === category) return
    analysisPeriod.value = period
    analysisCategory.value = category
    queries.heat.data.value = null
    queries.hourWeekday.data.value = null
    if (areaCode.value) await Promise.all([loaders.heat(areaCode.value), loaders.hourWeekday(areaCode.value)])
  }

  /** The heat layer switched on (its cells are read) or off (they are dropped). */
  async function setHeatOn(on: boolean): Promise<void> {
    if (heatOn.value === on) return
    heatOn.value = on
    queries.heat.data.value = null
    queries.heat.error.value = null
    if (on && areaCode.value) await loaders.heat(areaCode.value)
  }

  const expose = <K extends StatName>(k: K) => ({
    data: queries[k].data,
    loading: queries[k].loading,
    error: queries[k].error
  })

  return {
    areaCode,
    rankingPeriod,
    kpis: queries.kpis.data,
    kpisLoading: queries.kpis.loading,
    kpisError: queries.kpis.error,
    summary: queries.summary.data,
    summaryLoading: queries.summary.loading,
    summaryError: queries.summary.error,
    eventsByArea: queries.eventsByArea.data,
    eventsByAreaLoading: queries.eventsByArea.loading,
    eventsByAreaError: queries.eventsByArea.error,
    trend: queries.trend.data,
    trendLoading: queries.trend.loading,
    trendError: queries.trend.error,
    hourly: queries.hourly.data,
    hourlyLoading: queries.hourly.loading,
    hourlyError: queries.hourly.error,
    categories: queries.categories.data,
    categoriesLoading: queries.categories.loading,
    categoriesError: queries.categories.error,
    sources: queries.sources.data,
    sourcesLoading: queries.sources.loading,
    sourcesError: queries.sources.error,
    ranking: queries.ranking.data,
    rankingLoading: queries.ranking.loading,
    rankingError: queries.ranking.error,
    hotspots: queries.hotspots.data,
    hotspotsLoading: queries.hotspots.loading,
    hotspotsError: queries.hotspots.error,
    supervision: queries.supervision.data,
    supervisionLoading: queries.supervision.loading,
    supervisionError: queries.supervision.error,
    disputes: queries.disputes.data,
    disputesLoading: queries.disputes.loading,
    disputesError: queries.disputes.error,
    heat: queries.heat.data,
    heatLoading: queries.heat.loading,
    heatError: queries.heat.error,
    hourWeekday: queries.hourWeekday.data,
    hourWeekdayLoading: queries.hourWeekday.loading,
    hourWeekdayError: queries.hourWeekday.error,
    hotDemands: queries.hotDemands.data,
    hotDemandsLoading: queries.hotDemands.loading,
    hotDemandsError: queries.hotDemands.error,
    analysisPeriod,
    analysisCategory,
    heatOn,
    expose,
    load,
    failed,
    olderThan,
    setRankingPeriod,
    setAnalysis,
    setHeatOn
  }
})
