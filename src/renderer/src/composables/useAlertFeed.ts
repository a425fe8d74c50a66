import { watch } from 'vue'
import { chimeWorthy } from '@renderer/components/alerts/alertRow'
import { useAlertStore } from '@renderer/stores/alerts'
import { useAreaStore } from '@renderer/stores/area'
import { useStatusStore } from '@renderer/stores/status'
import { coalesce } from './coalesce'
import { useChime } from './useChime'
import { useLiveUpdates } from './useLiveUpdates'

/** Today's counts are re-read on the heartbeat when older than this (the day rolls over with no alert). */
export const ALERT_COUNTS_MAX_AGE_MS = 60_000

/**
 * Keeps the alert feed of the breadcrumb's area current for the lifetime of the wall: loads the
 * feed and today's counts when the area changes, applies pushed alerts (chiming for new
 * high-severity ones), re-reads the counts after a burst (coalesced: one fetch at a time, one
 * re-run for everything that came meanwhile), and retries failures on the status heartbeat and
 * after a reconnect. No polling timers of its own.
 */
export function useAlertFeed(): void {
  const alerts = useAlertStore()
  const area = useAreaStore()
  const status = useStatusStore()
  const chime = useChime()

  let countsAt = 0
  const refreshCounts = coalesce(async () => {
    const code = area.current?.code
    if (!code) return
    countsAt = performance.now()
    await alerts.loadCounts(code)
  })
  const reload = coalesce(async () => {
    const code = area.current?.code
    if (!code) return
    countsAt = performance.now()
    await Promise.all([alerts.load(code), alerts.loadCounts(code)])
  })

  watch(
    () => area.current?.code,
    (code) => {
      if (code) void reload()
    },
    { immediate: true }
  )

  useLiveUpdates({
    alerts: (pushed) => {
      const arrivals = alerts.apply(pushed)
      if (chimeWorthy(arrivals, Date.now() + status.clockOffsetMs).length > 0) chime.play()
      void refreshCounts()
    },
    data: (topics) => {
      if (topics.includes('alerts')) void refreshCounts()
      if (topics.includes('district')) void reload()
    },
    status: () => {
      if (alerts.error || !alerts.loaded) void reload()
      else if (alerts.countsError || performance.now() - countsAt > ALERT_COUNTS_MAX_AGE_MS) void refreshCounts()
    },
    connection: (state, previous) => {
      if (state === 'connected' && previous === 'reconnecting') void reload()
    }
  })
}
