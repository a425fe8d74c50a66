import type { Incident } from '@shared/domain/incident'
import type { ModeChange } from '@shared/domain/mode'
import { MODE_TOPIC, type ModeMessage } from '@shared/mode/messages'
import { OutboxRepository } from '../store/repositories/outbox'
import type { Store } from '../store/store'

/**
 * Queues this wall's mode change for the other walls (docs/EMERGENCY.md "All walls follow"): one
 * retained QoS 1 message on `gcc/mode`, in the caller's transaction, published by the outbox.
 * Returns the message id.
 */
export function queueModeMessage(store: Store, origin: string, change: ModeChange, incident: Incident | null): string {
  const id = `${origin}:${change.mode}:${incident?.id ?? '-'}:${change.at}`
  const base = { schemaVersion: 1 as const, id, origin, at: change.at, operator: change.operator }
  const message: ModeMessage =
    change.mode === 'emergency' ? { ...base, mode: 'emergency', incident: incident! } : { ...base, mode: 'normal', incident }
  new OutboxRepository(store.db).add(id, MODE_TOPIC, JSON.stringify(message), change.at, { retain: true })
  return id
}
