import { defineStore } from 'pinia'
import type { AuditEntry } from '@shared/api/types'
import type { Operator, OperatorRole } from '@shared/domain/people'
import { api } from '@renderer/api'
import { createQuery } from './query'

/** Administrator-only data of the console: the audit log and operator accounts. */
export const useAdminStore = defineStore('admin', () => {
  const auditQuery = createQuery<AuditEntry[]>()

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

  function clear(): void {
    auditQuery.data.value = null
    auditQuery.error.value = null
  }

  return {
    audit: auditQuery.data,
    auditLoading: auditQuery.loading,
    auditError: auditQuery.error,
    loadAudit,
    createOperator,
    clear
  }
})
