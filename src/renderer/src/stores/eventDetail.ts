import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { EventDetail } from '@shared/api/eventTypes'
import { api } from '@renderer/api'
import { createQuery } from './query'

/** The event open in the wall's event card (opened from the supervision panel), held raw. */
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

  return { selectedId, detail: query.data, loading: query.loading, error: query.error, open, reload }
})
