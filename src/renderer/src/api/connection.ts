/** How the screen is connected to the services, for the title bar. */
export const connectionStates = ['connecting', 'connected', 'reconnecting'] as const
export type ConnectionState = (typeof connectionStates)[number]

export interface ConnectionStatus {
  readonly state: ConnectionState
  /** Called with the new and the previous state; returns the unsubscribe function. */
  onChange(listener: (state: ConnectionState, previous: ConnectionState) => void): () => void
}

/** Electron IPC has no connection to lose. */
export const alwaysConnected: ConnectionStatus = {
  state: 'connected',
  onChange: () => () => undefined
}

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from `initialMs`, capped at
 * `maxMs`, with jitter in [50 %, 100 %] so a wall of screens does not reconnect in lockstep.
 */
export function backoffDelay(attempt: number, initialMs = 1000, maxMs = 30_000, random: () => number = Math.random): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 20))
  return Math.round(base * (0.5 + 0.5 * random()))
}
