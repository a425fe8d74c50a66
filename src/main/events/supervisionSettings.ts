import { DEFAULT_DUE_SOON_MINUTES, DUE_SOON_MINUTES_MAX, DUE_SOON_MINUTES_MIN } from '@shared/domain/supervision'
import { metaKeys } from '../store/metaKeys'
import type { Store } from '../store/store'

/**
 * The center's due-soon (临期) window: one setting for every wall, kept in the meta table (it
 * survives loading another district), set by an administrator (events.configureSupervision).
 * An unset or unreadable value is the default.
 */
export function dueSoonMinutes(store: Store): number {
  const v = Number(store.meta.get(metaKeys.dueSoonMinutes))
  return Number.isInteger(v) && v >= DUE_SOON_MINUTES_MIN && v <= DUE_SOON_MINUTES_MAX ? v : DEFAULT_DUE_SOON_MINUTES
}

export function setDueSoonMinutes(store: Store, minutes: number): void {
  store.meta.set(metaKeys.dueSoonMinutes, String(minutes))
}
