import { watch } from 'vue'
import { ringAt } from '@renderer/emergency/feedOrder'
import { useIncidentStore } from '@renderer/stores/incident'
import { useStatusStore } from '@renderer/stores/status'
import { coalesce } from './coalesce'
import { useLiveUpdates } from './useLiveUpdates'

/**
 * Keeps the incident store current on the wall: loads the incident, its log and its rings when an
 * incident starts (the status names it), clears them when it ends, and re-reads them on a 'mode'
 * push and on the status heartbeat (the cameras' latest alerts move on); the log alone on a task,
 * a reply, an operator's action ('tasks', 'incident') and a pushed camera alert inside the rings.
 * No timers.
 */
export function useIncidentData(): void {
  const incident = useIncidentStore()
  const status = useStatusStore()
  const reload = coalesce(() => incident.load())
  const reloadLog = coalesce(() => incident.loadLog())

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
      else if (incident.current && (topics.includes('incident') || topics.includes('tasks'))) void reloadLog()
    },
    // A camera alert inside the rings joins the log.
    alerts: (alerts) => {
      const frame = incident.frame
      if (frame && alerts.some((a) => ringAt(frame, a.lon, a.lat) !== null)) void reloadLog()
    },
    status: (next) => {
      if (next.mode === 'emergency') void reload()
    }
  })
}
