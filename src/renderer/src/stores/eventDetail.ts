import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { EventActResult, EventDetail } from '@shared/api/eventTypes'
import type { WallEventAction } from '@shared/domain/event'
import { api } from '@renderer/api'
import { createQuery } from './query'

/** The event open in the wall's event card (opened from the supervision panel or the event list), held raw. */
export const useEventDetailStore = defineStore('eventDetail', () => {
  const query = createQuery<EventDetail>()
  const selectedId = ref<string | null>(null)

  /** Opens the card for `id` and loads it; null closes it. */
  async function open(id: string | null): Promise<void> {
    selectedId.value = id
    query.data.value = null
    query.error.value = null
    if (id) await reload()
  }

  /** Re-reads the open event (its timeline and time left change). */
  async function reload(): Promise<void> {
    const id = selectedId.value
    if (!id) return
    const value = await query.run(() => api.events.get({ id }))
    // An answer for an event closed or replaced meanwhile is not shown as the current one.
    if (value && selectedId.value !== id) query.data.value = null
  }

  /** A dispatcher's action on the open event (main checks the role and the state); the card is re-read after it. Throws ApiError. */
  async function act(action: WallEventAction, note?: string): Promise<EventActResult> {
    const id = selectedId.value
    if (!id) throw new Error('no event is open')
    const result = await api.events.act({ id, action, ...(note ? { note } : {}) })
    await reload()
    return result
  }

  return { selectedId, detail: query.data, loading: query.loading, error: query.error, loadedAt: query.loadedAt, open, reload, act }
})
