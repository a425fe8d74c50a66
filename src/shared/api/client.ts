import { apiMethodNames, type ApiEventName, type ApiMethodName } from './channels'
import type { ApiInput, ApiOutput } from './contract'
import { ApiError, type ApiResult } from './errors'
import type { ApiEvents } from './types'

/** How a client reaches the services: Electron IPC through the preload, or HTTP/WebSocket. */
export interface ApiTransport {
  call(method: ApiMethodName, input: unknown): Promise<ApiResult>
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

type Namespace = ApiMethodName extends `${infer N}.${string}` ? N : never

/** `api.stats.eventsByArea({...})`: one intent-level function per method of the contract. */
export type ApiClient = {
  [N in Namespace]: {
    [M in ApiMethodName as M extends `${N}.${infer F}` ? F : never]: (input: ApiInput<M>) => Promise<ApiOutput<M>>
  }
} & {
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

/** Builds the client over a transport; errors come back as ApiError with their code. */
export function createApiClient(transport: ApiTransport): ApiClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const name of apiMethodNames) {
    const [ns, fn] = name.split('.') as [string, string]
    client[ns] ??= {}
    client[ns][fn] = async (input: unknown) => {
      const result = await transport.call(name, input ?? {})
      if (!result.ok) throw new ApiError(result.error.code, result.error.message)
      return result.value
    }
  }
  return Object.assign(client, { on: transport.on.bind(transport) }) as unknown as ApiClient
}
