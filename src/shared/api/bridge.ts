import type { ApiEventName, ApiMethodName } from './channels'
import type { ApiInput, ApiOutput } from './contract'
import type { ApiResult } from './errors'
import type { ApiEvents } from './types'

/**
 * What the preload exposes as `window.gccBridge`: one function per contract method, resolving to
 * the `ApiResult` envelope (it never rejects), and `on` for pushed events. Envelopes, not thrown
 * errors, because an error crossing contextBridge keeps only its message: the renderer builds its
 * ApiClient over this with createApiClient, so ApiError and its code are made on its side.
 * Plain objects of functions: contextBridge proxies the functions and copies the rest.
 */
export const BRIDGE_KEY = 'gccBridge'

type Namespace = ApiMethodName extends `${infer N}.${string}` ? N : never

export type ApiBridge = {
  [N in Namespace]: {
    [M in ApiMethodName as M extends `${N}.${infer F}` ? F : never]: (input?: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>>
  }
} & {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

