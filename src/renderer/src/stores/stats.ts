import { defineStore } from 'pinia'
import type { DistrictSummary, EventsByArea } from '@shared/api/types'
import { api } from '@renderer/api'
import { createQuery } from './query'

/** Statistics for the wall's panels. The area code is passed in: this store reads no other store. */
export const useStatsStore = defineStore('stats', () => {
  const eventsQuery = createQuery<EventsByArea>()
  const summaryQuery = createQuery<DistrictSummary>()

  async function loadEventsByArea(areaCode: string, days: number): Promise<void> {
    await eventsQuery.run(() => api.stats.eventsByArea({ areaCode, days }))
  }

  async function loadSummary(areaCode: string): Promise<void> {
    await summaryQuery.run(() => api.stats.summary({ areaCode }))
  }

  return {
    eventsByArea: eventsQuery.data,
    eventsByAreaLoading: eventsQuery.loading,
    eventsByAreaError: eventsQuery.error,
    summary: summaryQuery.data,
    summaryLoading: summaryQuery.loading,
    summaryError: summaryQuery.error,
    loadEventsByArea,
    loadSummary
  }
})
