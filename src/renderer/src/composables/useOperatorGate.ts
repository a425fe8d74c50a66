import { ref, shallowRef, watch, type Ref } from 'vue'
import { storeToRefs } from 'pinia'
import type { Operator } from '@shared/domain/people'
import { toQueryError, type QueryError } from '@renderer/stores/query'
import { useSessionStore } from '@renderer/stores/session'

/**
 * An operator's action from a card on the wall (the alert card, the event card). The wall does
 * not sign in on its own: when the card opens, an existing session (this window or tab) is
 * restored once; an action asked for while nobody is signed in shows the sign-in form in the card
 * (`needsSignIn`), and after signing in the same buttons work at once. Main checks the role of
 * every call; a refusal is kept in `error` with the server's own message, and an expired session
 * brings the sign-in form back.
 */
export function useOperatorGate(open: () => boolean): {
  signedIn: Ref<boolean>
  operator: Ref<Operator | null>
  needsSignIn: Ref<boolean>
  busy: Ref<boolean>
  error: Ref<QueryError | null>
  requireSignIn(): boolean
  run(action: () => Promise<unknown>): Promise<boolean>
  reset(): void
  onSignInError(e: unknown): void
} {
  const session = useSessionStore()
  const { signedIn, operator } = storeToRefs(session)
  const needsSignIn = ref(false)
  const busy = ref(false)
  const error = shallowRef<QueryError | null>(null)

  let restored = false
  watch(
    open,
    (isOpen) => {
      if (!isOpen || restored || signedIn.value) return
      restored = true
      session.restore().catch(() => undefined)
    },
    { immediate: true }
  )
  watch(signedIn, (now) => {
    if (now && needsSignIn.value) {
      needsSignIn.value = false
      error.value = null
    }
  })

  /** True when someone is signed in; otherwise shows the sign-in form. */
  function requireSignIn(): boolean {
    error.value = null
    if (signedIn.value) return true
    needsSignIn.value = true
    return false
  }

  /** Runs one call (one at a time); false when it was refused or failed, with the error kept. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    error.value = null
    try {
      await action()
      return true
    } catch (e) {
      const err = toQueryError(e)
      error.value = err
      // The session ended meanwhile (expired, signed out elsewhere): offer the sign-in again.
      if (err.code === 'UNAUTHENTICATED') {
        session.operator = null
        needsSignIn.value = true
      }
      return false
    } finally {
      busy.value = false
    }
  }

  function reset(): void {
    needsSignIn.value = false
    error.value = null
  }

  return {
    signedIn,
    operator,
    needsSignIn,
    busy,
    error,
    requireSignIn,
    run,
    reset,
    onSignInError: (e) => {
      error.value = toQueryError(e)
    }
  }
}
