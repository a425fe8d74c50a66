import { onMounted } from 'vue'
import type { DataTopic } from '@shared/api/types'
import { useDistrictStore } from '@renderer/stores/district'
import { useStatsStore } from '@renderer/stores/stats'
import { useStatusStore } from '@renderer/stores/status'
import { coalesce } from './coalesce'
import { useLiveUpdates } from './useLiveUpdates'

/** The wall's charts cover the last 30 days. */
export const EVENTS_WINDOW_DAYS = 30

/**
 * Loads the wall's data and keeps it current from pushed events, re-fetching only what a topic
 * touches: 'events' → chart, KPIs and data freshness; 'district' → map and everything for the
 * new district; 'mode' → status. After a lost connection comes back, everything reloads once;
 * a panel that failed is retried on the next status push (the server's heartbeat).
 * Each piece has at most one request in flight; bursts collapse into one re-run.
 */
export function useWallData() {
  const status = useStatusStore()
  const district = useDistrictStore()
  const stats = useStatsStore()

  const refreshStatus = coalesce(() => status.refresh())
  const refreshMap = coalesce(() => district.load())
  const refreshStats = coalesce(async () => {
    const code = status.districtCode
    if (!code) return
    await Promise.all([stats.loadEventsByArea(code, EVENTS_WINDOW_DAYS), stats.loadSummary(code)])
  })

  let reloading = false
  async function refreshAll(): Promise<void> {
    reloading = true
    try {
      void refreshMap()
      await refreshStatus()
      await refreshStats()
    } finally {
      reloading = false
    }
  }

  function onTopics(topics: readonly DataTopic[]): void {
    if (topics.includes('district')) {
      void refreshAll()
      return
    }
    if (topics.includes('mode')) void refreshStatus()
    if (topics.includes('events')) {
      void refreshStats()
      void refreshStatus()
    }
  }

  useLiveUpdates({
    status: (next) => {
      const before = status.districtCode
      status.apply(next)
      if (status.districtCode !== before) {
        // First district known (the socket's greeting can beat the initial status call): the
        // map is already loading, the statistics need the code. A different district: reload all.
        if (before !== null) void refreshAll()
        else if (!reloading) void refreshStats()
        return
      }
      // The status push doubles as a heartbeat: retry whatever is still failing.
      if (district.error && !district.map) void refreshMap()
      if (stats.eventsByAreaError || stats.summaryError) void refreshStats()
    },
    data: onTopics,
    connection: (state, previous) => {
      status.setConnection(state)
      if (state === 'connected' && previous === 'reconnecting') void refreshAll()
    }
  })

  onMounted(() => void refreshAll())

  return { refreshAll }
}
