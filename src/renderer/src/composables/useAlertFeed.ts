import { onBeforeUnmount, watch } from 'vue'
import type { AlertView } from '@shared/api/alertTypes'
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
 * Pushed alerts are applied at most this often. Main pushes every committed batch (up to 50 a
 * second in a burst); each application re-renders the feed and re-diffs the map, so a burst is
 * gathered into one update per interval. A push after a quiet spell is applied at once.
 */
export const ALERT_APPLY_INTERVAL_MS = 100

/**
 * Keeps the alert feed of the breadcrumb's area current for the lifetime of the wall: loads the
 * feed and today's counts when the area changes, applies pushed alerts at most every
 * ALERT_APPLY_INTERVAL_MS (chiming for new high-severity ones), re-reads the counts after a burst (coalesced: one fetch at a time, one
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

  let pending: AlertView[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let appliedAt = -Infinity
  function applyPending(): void {
    timer = null
    appliedAt = performance.now()
    const batch = pending
    pending = []
    const arrivals = alerts.apply(batch)
    if (chimeWorthy(arrivals, Date.now() + status.clockOffsetMs).length > 0) chime.play()
    void refreshCounts()
  }
  onBeforeUnmount(() => {
    if (timer !== null) clearTimeout(timer)
  })

  useLiveUpdates({
    alerts: (pushed) => {
      for (const a of pushed) pending.push(a)
      timer ??= setTimeout(applyPending, Math.max(0, appliedAt + ALERT_APPLY_INTERVAL_MS - performance.now()))
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
