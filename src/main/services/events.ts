import { apiEventNames, type ApiEventName } from '@shared/api/channels'
import type { ApiEvents } from '@shared/api/types'

type Listener<E extends ApiEventName> = (payload: ApiEvents[E]) => void

/** Typed push events from the services to every connected wall. Each subscription can be ended. */
export class EventHub {
  private readonly listeners = new Map<ApiEventName, Set<Listener<ApiEventName>>>()

  on<E extends ApiEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as Listener<ApiEventName>)
    return () => set.delete(listener as Listener<ApiEventName>)
  }

  /** Every event, for transports that forward all of them. */
  onAny(listener: <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void): () => void {
    const offs = apiEventNames.map((e) => this.on(e, (p) => listener(e, p)))
    return () => offs.forEach((off) => off())
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload)
  }
}
