import { watch } from 'vue'
import { useIncidentStore } from '@renderer/stores/incident'
import { useStatusStore } from '@renderer/stores/status'
import { coalesce } from './coalesce'
import { useLiveUpdates } from './useLiveUpdates'

/**
 * Keeps the incident store current on the wall: loads the incident, its log and its rings when an
 * incident starts (the status names it), clears them when it ends, and re-reads them on a 'mode'
 * push and on the status heartbeat (the cameras' latest alerts and the log move on). No timers.
 */
export function useIncidentData(): void {
  const incident = useIncidentStore()
  const status = useStatusStore()
  const reload = coalesce(() => incident.load())

  watch(
    () => (status.mode === 'emergency' ? (status.status?.incident?.id ?? 'unknown') : null),
    (id) => {
      if (id) void reload()
      else incident.clear()
    },
    { immediate: true }
  )

  useLiveUpdates({
    data: (topics) => {
      if (topics.includes('mode')) void reload()
    },
    status: (next) => {
      if (next.mode === 'emergency') void reload()
    }
  })
}
