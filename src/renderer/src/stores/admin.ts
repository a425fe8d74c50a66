import { defineStore } from 'pinia'
import type { BrokerSettingsInfo, BrokerSettingsUpdate } from '@shared/alerts/brokerSettings'
import type { IngestStatus } from '@shared/api/alertTypes'
import type { AuditEntry } from '@shared/api/types'
import type { Operator, OperatorRole } from '@shared/domain/people'
import { api } from '@renderer/api'
import { createQuery } from './query'

/** Administrator-only data of the console: the audit log, operator accounts, the broker settings. */
export const useAdminStore = defineStore('admin', () => {
  const auditQuery = createQuery<AuditEntry[]>()
  const brokerQuery = createQuery<BrokerSettingsInfo>()

  async function loadAudit(limit = 50): Promise<void> {
    await auditQuery.run(() => api.audit.latest({ limit }))
  }

  /** Throws ApiError (BAD_INPUT, CONFLICT, FORBIDDEN...) for the form to show. */
  async function createOperator(input: {
    username: string
    displayName: string
    role: OperatorRole
    password: string
  }): Promise<Operator> {
    const created = await api.operators.create(input)
    await loadAudit()
    return created
  }

  async function loadBrokerSettings(): Promise<void> {
    await brokerQuery.run(() => api.alerts.brokerSettings({}))
  }

  /** Saves mqtt.json and restarts the alert path. Throws ApiError (BAD_INPUT naming the field, FORBIDDEN...). */
  async function configureBroker(input: BrokerSettingsUpdate): Promise<IngestStatus> {
    const status = await api.alerts.configureBroker(input)
    await Promise.all([loadBrokerSettings(), loadAudit()])
    return status
  }

  function clear(): void {
    auditQuery.data.value = null
    auditQuery.error.value = null
    brokerQuery.data.value = null
    brokerQuery.error.value = null
  }

  return {
    audit: auditQuery.data,
    auditLoading: auditQuery.loading,
    auditError: auditQuery.error,
    loadAudit,
    createOperator,
    brokerSettings: brokerQuery.data,
    brokerSettingsError: brokerQuery.error,
    loadBrokerSettings,
    configureBroker,
    clear
  }
})
