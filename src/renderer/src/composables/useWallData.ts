import { onMounted, watch } from 'vue'
import type { DataTopic } from '@shared/api/types'
import { areaPath, useAreaStore } from '@renderer/stores/area'
import { useDistrictStore } from '@renderer/stores/district'
import { useEventDetailStore } from '@renderer/stores/eventDetail'
import { useEventListStore } from '@renderer/stores/eventList'
import { staleStats, statNames, STATS_WINDOW_DAYS, useStatsStore, type StatName } from '@renderer/stores/stats'
import { useStatusStore } from '@renderer/stores/status'
import { coalesce } from './coalesce'
import { useLiveUpdates } from './useLiveUpdates'

/** The wall's charts cover the last 30 days. */
export const EVENTS_WINDOW_DAYS = STATS_WINDOW_DAYS
/**
 * Windows end at "now": deadlines pass and days roll over with no new event, so figures older
 * than this are re-read on the next heartbeat (overdue counts grow while nobody reports).
 */
export const STATS_MAX_AGE_MS = 60_000

/**
 * Loads the wall's data for the breadcrumb's area and keeps it current from pushed events,
 * re-fetching only what a topic touches: 'events' → the event panels and KPIs (and data
 * freshness); 'district' → map, area and everything; 'mode' → status. A new area (drill-down or
 * breadcrumb) reloads that area's statistics. After a lost connection comes back everything
 * reloads once; on each status push (the server's heartbeat) a panel that failed is retried and
 * figures older than STATS_MAX_AGE_MS are re-read. Bursts collapse into one re-run. No polling
 * timers of its own.
 */
export function useWallData() {
  const status = useStatusStore()
  const district = useDistrictStore()
  const stats = useStatsStore()
  const area = useAreaStore()

  /** Statistics asked for since the last run, merged so a burst costs one fetch each. */
  let pending = new Set<StatName>()
  const runStats = coalesce(async () => {
    const code = area.current?.code
    if (!code || pending.size === 0) return
    const names = [...pending]
    pending = new Set()
    await stats.load(code, names)
  })
  function refreshStats(names: readonly StatName[] = statNames): Promise<void> {
    for (const n of names) pending.add(n)
    return runStats()
  }

  const refreshStatus = coalesce(() => status.refresh())
  const eventDetail = useEventDetailStore()
  const eventList = useEventListStore()
  const refreshEvents = coalesce(() => Promise.all([eventDetail.reload(), eventList.reload()]).then(() => undefined))
  const refreshMap = coalesce(() => district.load())

  /** The district map decides the area: start on the district, keep a drilled-down area if it still exists. */
  watch(
    () => district.map,
    (map) => {
      if (!map) return
      const kept = area.current ? areaPath(area.current.code, map) : null
      area.select(kept ?? areaPath(map.district.code, map) ?? [])
    },
    { immediate: true }
  )
  watch(
    () => area.current?.code,
    (code) => {
      if (code) void refreshStats()
    }
  )

  async function refreshAll(): Promise<void> {
    await Promise.all([refreshMap(), refreshStatus(), refreshStats()])
  }

  function onTopics(topics: readonly DataTopic[]): void {
    if (topics.includes('district')) {
      void refreshAll()
      return
    }
    if (topics.includes('mode')) void refreshStatus()
    if (topics.includes('events')) {
      void refreshStatus()
      // The open event card and the event list follow at once (an action here, on another wall, or from the platform).
      void refreshEvents()
    }
    const stale = staleStats(topics)
    if (stale.length > 0) void refreshStats(stale)
  }

  useLiveUpdates({
    status: (next) => {
      const before = status.districtCode
      status.apply(next)
      if (before !== null && status.districtCode !== before) {
        void refreshAll()
        return
      }
      // The status push doubles as a heartbeat: retry whatever is still failing, re-read what has aged.
      if (district.error && !district.map) void refreshMap()
      const due = [...new Set([...stats.failed(), ...stats.olderThan(STATS_MAX_AGE_MS)])]
      if (due.length > 0) void refreshStats(due)
      // The open event's time left (or how late it is) moves too.
      if (eventDetail.selectedId && performance.now() - eventDetail.loadedAt() > STATS_MAX_AGE_MS) void eventDetail.reload()
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
