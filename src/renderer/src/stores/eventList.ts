import { ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import type { EventFilterInput, EventList, EventListRow } from '@shared/api/eventTypes'
import { api } from '@renderer/api'
import { useAreaStore } from './area'
import { createQuery } from './query'

/** Rows per page of the event list. */
export const EVENT_LIST_PAGE = 50

/**
 * The event list drawer (事件清单): the breadcrumb area's events, newest first, with the filters
 * the dispatcher set, paged by cursor ("load more" appends the next page). A new area or new
 * filters start again from the first page; pushed changes re-read what is shown. Rows are held
 * raw (shallow).
 */
export const useEventListStore = defineStore('eventList', () => {
  const area = useAreaStore()
  const visible = ref(false)
  const filters = shallowRef<EventFilterInput>({})
  const page = createQuery<EventList>()
  const rows = shallowRef<EventListRow[]>([])
  const loadingMore = ref(false)

  /** Opens the drawer with these filters (replacing the old ones). */
  function show(with_: EventFilterInput = {}): void {
    filters.value = { ...with_ }
    visible.value = true
    void reload()
  }

  function setFilters(next: EventFilterInput): void {
    filters.value = next
    void reload()
  }

  /** Reads the first page again, as many rows as are shown now (at least one page). */
  async function reload(): Promise<void> {
    const code = area.current?.code
    if (!visible.value || !code) return
    const limit = Math.min(200, Math.max(EVENT_LIST_PAGE, rows.value.length))
    const value = await page.run(() => api.events.list({ areaCode: code, filters: filters.value, limit }))
    if (value) rows.value = value.rows
  }

  async function loadMore(): Promise<void> {
    const current = page.data.value
    const code = area.current?.code
    if (!current?.next || !code || loadingMore.value) return
    loadingMore.value = true
    try {
      const value = await page.run(() => api.events.list({ areaCode: code, filters: filters.value, limit: EVENT_LIST_PAGE, before: current.next! }))
      if (value) rows.value = [...rows.value, ...value.rows]
    } finally {
      loadingMore.value = false
    }
  }

  watch(
    () => area.current?.code,
    () => {
      rows.value = []
      void reload()
    }
  )

  return { visible, filters, list: page.data, rows, loading: page.loading, loadingMore, error: page.error, show, setFilters, reload, loadMore }
})
