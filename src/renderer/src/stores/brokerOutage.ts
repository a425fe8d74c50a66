import type { BrokerState } from '@shared/api/alertTypes'

/** What the wall knows of the broker link over time: has it ever been up, and since when is it down. */
export interface BrokerOutage {
  everConnected: boolean
  /** When the wall first saw it down (server time); null while up, disabled, or still making its first connection. */
  downSince: number | null
}

export const noOutage: BrokerOutage = { everConnected: false, downSince: null }

/**
 * The next outage state for a pushed broker state. Once the link has been up, every state but
 * `connected` is one outage (reconnect attempts do not make it look better); before that, only
 * `offline` is — the first `connecting` after start-up is not yet an outage.
 */
export function nextOutage(prev: BrokerOutage, state: BrokerState | null, now: number): BrokerOutage {
  if (state === null || state === 'disabled') return { everConnected: prev.everConnected, downSince: null }
  if (state === 'connected') return { everConnected: true, downSince: null }
  if (prev.everConnected || state === 'offline') return { everConnected: prev.everConnected, downSince: prev.downSince ?? now }
  return prev
}
