import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { Operator } from '@shared/domain/people'
import { roleAtLeast, type OperatorRole } from '@shared/domain/people'
import { api } from '@renderer/api'

/**
 * The signed-in operator of the console. The transport keeps the session token (browser host)
 * or the window is the session (Electron); this store only knows who is signed in.
 * Actions throw ApiError; the console shows the server's message.
 */
export const useSessionStore = defineStore('session', () => {
  const operator = shallowRef<Operator | null>(null)
  const pending = ref(false)

  const signedIn = computed(() => operator.value !== null)
  const hasRole = (role: OperatorRole): boolean => operator.value !== null && roleAtLeast(operator.value.role, role)
  const isAdmin = computed(() => hasRole('admin'))

  async function restore(): Promise<void> {
    operator.value = (await api.auth.session({})).operator
  }

  async function signIn(username: string, password: string): Promise<Operator> {
    pending.value = true
    try {
      const result = await api.auth.signIn({ username, password })
      operator.value = result.operator
      return result.operator
    } finally {
      pending.value = false
    }
  }

  async function signOut(): Promise<void> {
    try {
      await api.auth.signOut({})
    } finally {
      operator.value = null
    }
  }

  return { operator, pending, signedIn, isAdmin, hasRole, restore, signIn, signOut }
})
