import type { ApiMethodName } from '@shared/api/channels'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import { AuthService } from '../../src/main/services/auth'
import { ApiDispatcher } from '../../src/main/services/dispatcher'
import { EventHub } from '../../src/main/services/events'
import { createHandlers } from '../../src/main/services/handlers/index'
import { SessionRegistry } from '../../src/main/services/sessions'
import type { Store } from '../../src/main/store/store'

/** Calls the API as the wall does (through the dispatcher: schema, roles), at a fixed time. */
export function wallApi(store: Store, now: number): <M extends ApiMethodName>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>> {
  const sessions = new SessionRegistry(undefined, () => now)
  const deps = { store, auth: new AuthService(store, () => now), sessions, hub: new EventHub(), runtime: 'browser' as const, productName: 'T', version: '0', now: () => now }
  const dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => now)
  return async (method, input) => {
    const r = await dispatcher.handle({ sessionKey: null, issuesTokens: true }, method, input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    return r.value as ApiOutput<typeof method>
  }
}
