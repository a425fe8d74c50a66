import { apiEventNames, apiMethodNames, IPC_CALL, IPC_EVENT, type ApiEventName, type ApiMethodName } from '@shared/api/channels'
import type { ApiInput, ApiOutput } from '@shared/api/contract'
import type { ApiResult } from '@shared/api/errors'
import type { ApiEvents } from '@shared/api/types'

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

/** The part of ipcRenderer the bridge uses; never exposed itself. */
export interface IpcPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown
}

const isEventName = (e: unknown): e is ApiEventName => typeof e === 'string' && (apiEventNames as readonly string[]).includes(e)

function isApiResult(v: unknown): v is ApiResult {
  if (typeof v !== 'object' || v === null) return false
  const r = v as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (r.ok === true) return 'value' in r
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error.message === 'string'
}

export function createBridge(ipc: IpcPort): ApiBridge {
  const call = async (method: ApiMethodName, input: unknown): Promise<ApiResult> => {
    try {
      const reply = await ipc.invoke(IPC_CALL, method, input ?? {})
      if (isApiResult(reply)) return reply
      return { ok: false, error: { code: 'INTERNAL', message: `主进程返回格式错误 / malformed reply to ${method}` } }
    } catch (err) {
      return {
        ok: false,
        error: { code: 'UNAVAILABLE', message: `主进程无响应 / the main process did not answer ${method}: ${(err as Error).message}` }
      }
    }
  }

  const bridge: Record<string, Record<string, (input?: unknown) => Promise<ApiResult>> | ApiBridge['on']> = {}
  for (const method of apiMethodNames) {
    const [ns, fn] = method.split('.') as [string, string]
    const group = (bridge[ns] ??= {}) as Record<string, (input?: unknown) => Promise<ApiResult>>
    // The method name is fixed here, never taken from the page.
    group[fn] = (input?: unknown) => call(method, input)
  }

  // One ipcRenderer listener, attached while anyone listens, fanned out by event name.
  const subscriptions = new Map<ApiEventName, Set<{ listener: (payload: unknown) => void }>>()
  let attached = false
  const onMessage = (_event: unknown, message: unknown): void => {
    if (typeof message !== 'object' || message === null) return
    const { event, payload } = message as { event?: unknown; payload?: unknown }
    if (!isEventName(event)) return
    for (const sub of [...(subscriptions.get(event) ?? [])]) {
      try {
        sub.listener(payload)
      } catch (err) {
        console.error(`[gcc] "${event}" listener failed`, err)
      }
    }
  }
  const on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventName(event)) throw new TypeError(`未知事件 / unknown event "${String(event).slice(0, 40)}"`)
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    const sub = { listener: listener as (payload: unknown) => void }
    let set = subscriptions.get(event)
    if (!set) subscriptions.set(event, (set = new Set()))
    set.add(sub)
    if (!attached) {
      ipc.on(IPC_EVENT, onMessage)
      attached = true
    }
    return () => {
      if (!set.delete(sub)) return
      if (set.size === 0) subscriptions.delete(event)
      if (subscriptions.size === 0 && attached) {
        ipc.removeListener(IPC_EVENT, onMessage)
        attached = false
      }
    }
  }
  bridge['on'] = on as ApiBridge['on']
  return bridge as unknown as ApiBridge
}
