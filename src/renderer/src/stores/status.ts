import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { ApiInput } from '@shared/api/contract'
import type { ModeSwitchResult, SystemStatus } from '@shared/api/types'
import type { OperatingMode } from '@shared/domain/mode'
import { api, connection as apiConnection, type ConnectionState } from '@renderer/api'
import { noOutage, nextOutage, type BrokerOutage } from './brokerOutage'
import { createQuery } from './query'

/** System status: product, district, operating mode, data freshness, server clock, connection. */
export const useStatusStore = defineStore('status', () => {
  const query = createQuery<SystemStatus>()
  const status = query.data
  /** Server clock minus local clock, so every screen shows the server's time. */
  const clockOffsetMs = ref(0)
  const connection = ref<ConnectionState>(apiConnection.state)

  /** The camera-alert broker link's outage, as this wall has seen it (title bar, alert feed). */
  const brokerOutage = shallowRef<BrokerOutage>(noOutage)
  const track = (next: SystemStatus): void => {
    brokerOutage.value = nextOutage(brokerOutage.value, next.ingest?.broker.state ?? null, next.serverTime)
  }

  const mode = computed<OperatingMode>(() => status.value?.mode ?? 'normal')
  const district = computed(() => status.value?.district ?? null)
  const districtCode = computed(() => district.value?.code ?? null)

  function apply(next: SystemStatus): void {
    status.value = next
    query.error.value = null
    clockOffsetMs.value = next.serverTime - Date.now()
    track(next)
  }

  async function refresh(): Promise<SystemStatus | null> {
    const next = await query.run(() => api.system.status({}))
    if (next) {
      clockOffsetMs.value = next.serverTime - Date.now()
      track(next)
    }
    return next
  }

  function setConnection(state: ConnectionState): void {
    connection.value = state
  }

  /** 平急转换 into emergency command: the server checks the role, opens the incident and records who, when and why. Throws ApiError. */
  async function enterEmergency(input: ApiInput<'mode.enter'>): Promise<ModeSwitchResult> {
    const result = await api.mode.enter(input)
    await refresh()
    return result
  }

  /** Back to normal service with a summary of the incident. Throws ApiError. */
  async function leaveEmergency(summary: string): Promise<ModeSwitchResult> {
    const result = await api.mode.leave({ summary })
    await refresh()
    return result
  }

  return {
    status,
    loading: query.loading,
    error: query.error,
    clockOffsetMs,
    connection,
    brokerOutage,
    mode,
    district,
    districtCode,
    apply,
    refresh,
    setConnection,
    enterEmergency,
    leaveEmergency
  }
})
