import { computed, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { CurrentIncident, RingAnalysis } from '@shared/api/types'
import { api } from '@renderer/api'
import type { RingFrame } from '@renderer/emergency/feedOrder'
import { createQuery } from './query'

/** The running incident, its log and its ring analysis (docs/EMERGENCY.md): empty in normal mode. */
export const useIncidentStore = defineStore('incident', () => {
  const current = shallowRef<CurrentIncident | null>(null)
  const ringsQuery = createQuery<RingAnalysis>()
  const currentQuery = createQuery<{ value: CurrentIncident | null }>()
  const rings = ringsQuery.data

  /** Centre and radii of the running incident's rings (the alert feed's order, the map). */
  const frame = computed<RingFrame | null>(() => (rings.value ? { centre: rings.value.centre, ringsM: rings.value.ringsM } : null))

  /** Reads the incident and its log only (a task, a reply, an action or an alert inside the rings). */
  async function loadLog(): Promise<void> {
    const answer = await currentQuery.run(async () => ({ value: await api.incidents.current({}) }))
    if (!answer) return
    if (answer.value && current.value && answer.value.incident.id === current.value.incident.id) current.value = answer.value
    else await load()
  }

  /** Reads the incident and its rings; both cleared when none runs. */
  async function load(): Promise<void> {
    const answer = await currentQuery.run(async () => ({ value: await api.incidents.current({}) }))
    if (!answer) return
    current.value = answer.value
    if (answer.value) await ringsQuery.run(() => api.incidents.rings({}))
    else clear()
  }

  function clear(): void {
    current.value = null
    rings.value = null
    ringsQuery.error.value = null
  }

  return {
    current,
    rings,
    frame,
    loading: computed(() => currentQuery.loading.value || ringsQuery.loading.value),
    error: computed(() => ringsQuery.error.value ?? currentQuery.error.value),
    load,
    loadLog,
    clear
  }
})
