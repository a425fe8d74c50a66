import { onBeforeUnmount } from 'vue'
import type { AlertView } from '@shared/api/alertTypes'
import type { DataTopic, SystemStatus } from '@shared/api/types'
import { api, connection, type ConnectionState } from '@renderer/api'

export interface LiveUpdateHandlers {
  status?: (status: SystemStatus) => void
  data?: (topics: readonly DataTopic[]) => void
  /** New and changed camera alerts, as main commits them. */
  alerts?: (alerts: readonly AlertView[]) => void
  connection?: (state: ConnectionState, previous: ConnectionState) => void
}

/**
 * Subscribes to the pushed events for the lifetime of the calling component; every
 * subscription is ended on unmount. Refresh is push-driven: no polling timers.
 */
export function useLiveUpdates(handlers: LiveUpdateHandlers): void {
  const offs: (() => void)[] = []
  if (handlers.status) offs.push(api.on('status', handlers.status))
  if (handlers.data) {
    const onData = handlers.data
    offs.push(api.on('data', (payload) => onData(Array.isArray(payload?.topics) ? payload.topics : [])))
  }
  if (handlers.alerts) {
    const onAlerts = handlers.alerts
    offs.push(api.on('alerts', (payload) => onAlerts(Array.isArray(payload?.alerts) ? payload.alerts : [])))
  }
  if (handlers.connection) {
    const onConnection = handlers.connection
    offs.push(connection.onChange(onConnection))
    onConnection(connection.state, connection.state)
  }
  onBeforeUnmount(() => {
    for (const off of offs.splice(0)) off()
  })
}
