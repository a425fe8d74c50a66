import { computed, markRaw, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { AlertCounts, AlertView } from '@shared/api/alertTypes'
import type { DismissReason } from '@shared/domain/alert'
import { api } from '@renderer/api'
import { toQueryError, type QueryError } from './query'

/** Alerts the wall holds at once; history stays in SQLite. */
export const ALERT_WINDOW = 200

/** Newest first by the time the camera saw it, then id; at most `limit`, one per id (the later copy wins). */
export function mergeAlerts(held: readonly AlertView[], incoming: readonly AlertView[], limit = ALERT_WINDOW): AlertView[] {
  const byId = new Map<string, AlertView>()
  for (const a of held) byId.set(a.id, a)
  for (const a of incoming) byId.set(a.id, a)
  return [...byId.values()].sort((x, y) => y.at - x.at || (x.id < y.id ? -1 : 1)).slice(0, limit)
}

/**
 * Whether an alert lies in an area: region codes nest by prefix and dash (`440311-001` holds
 * `440311-001` and `440311-001-…`, not `440311-0010`), as the server's code ranges do.
 * No area (null): everywhere.
 */
export function alertInArea(alert: Pick<AlertView, 'gridCode'>, areaCode: string | null): boolean {
  if (!areaCode) return true
  return alert.gridCode === areaCode || alert.gridCode.startsWith(`${areaCode}-`)
}

/**
 * The live alert feed: a bounded window of the newest alerts of the breadcrumb's area (raw
 * objects, never deep-reactive), filled by `load` and kept current by `apply` from the pushed
 * 'alerts' event; today's counts by type; the alert selected on the wall (feed or map) for its
 * detail card. The area code is passed in: this store reads no other store.
 */
export const useAlertStore = defineStore('alerts', () => {
  const items = shallowRef<readonly AlertView[]>([])
  const counts = shallowRef<AlertCounts | null>(null)
  const selectedId = ref<string | null>(null)
  const error = shallowRef<QueryError | null>(null)
  const countsError = shallowRef<QueryError | null>(null)
  /** The area the feed holds (null: the whole district, before the first load). */
  const areaCode = ref<string | null>(null)
  /** The feed has been loaded at least once for `areaCode` (an empty feed is then "ready"). */
  const loaded = ref(false)
  const loading = ref(false)
  /** Counts the loads that replaced the feed: the list re-renders without animating it as arrivals. */
  const generation = ref(0)
  let loadSeq = 0
  let countsSeq = 0

  const selected = computed(() => items.value.find((a) => a.id === selectedId.value) ?? null)

  async function load(area?: string): Promise<void> {
    const mine = ++loadSeq
    if ((area ?? null) !== areaCode.value) loaded.value = false
    areaCode.value = area ?? null
    loading.value = true
    try {
      const latest = await api.alerts.latest({ limit: ALERT_WINDOW, ...(area ? { areaCode: area } : {}) })
      if (mine !== loadSeq) return
      items.value = markRaw(mergeAlerts([], latest))
      generation.value++
      error.value = null
      loaded.value = true
    } catch (e) {
      if (mine === loadSeq) error.value = toQueryError(e)
    } finally {
      if (mine === loadSeq) loading.value = false
    }
  }

  async function loadCounts(area: string): Promise<void> {
    const mine = ++countsSeq
    try {
      const next = await api.alerts.counts({ areaCode: area })
      if (mine !== countsSeq) return
      counts.value = markRaw(next)
      countsError.value = null
    } catch (e) {
      if (mine === countsSeq) countsError.value = toQueryError(e)
    }
  }

  /**
   * New and changed alerts pushed by main (or returned by a handling step); those outside the
   * feed's area are left out. Returns the alerts the feed did not hold before (arrivals).
   */
  function apply(alerts: readonly AlertView[]): AlertView[] {
    const mine = alerts.filter((a) => alertInArea(a, areaCode.value))
    if (mine.length === 0) return []
    const held = new Set(items.value.map((a) => a.id))
    items.value = markRaw(mergeAlerts(items.value, mine))
    const kept = new Set(items.value.map((a) => a.id))
    return mine.filter((a) => !held.has(a.id) && kept.has(a.id))
  }

  function select(id: string | null): void {
    selectedId.value = id
  }

  /** Handling steps: main checks the operator's role and the lifecycle. Throw ApiError; on success the feed holds the result. */
  async function acknowledge(id: string): Promise<AlertView> {
    const result = await api.alerts.acknowledge({ id })
    apply([result])
    return result
  }

  async function dispatch(id: string, note?: string): Promise<AlertView> {
    const result = await api.alerts.dispatch({ id, ...(note ? { note } : {}) })
    apply([result])
    return result
  }

  async function dismiss(id: string, reason: DismissReason, note?: string): Promise<AlertView> {
    const result = await api.alerts.dismiss({ id, reason, ...(note ? { note } : {}) })
    apply([result])
    return result
  }

  return {
    items,
    counts,
    selectedId,
    selected,
    error,
    countsError,
    areaCode,
    loaded,
    loading,
    generation,
    load,
    loadCounts,
    apply,
    select,
    acknowledge,
    dispatch,
    dismiss
  }
})
