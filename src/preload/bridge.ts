import type { ApiBridge } from '@shared/api/bridge'
import { apiEventNames, apiMethodNames, IPC_CALL, IPC_EVENT, type ApiEventName, type ApiMethodName } from '@shared/api/channels'
import { isApiResult, type ApiResult } from '@shared/api/errors'

/** The part of ipcRenderer the bridge uses; never exposed itself. */
export interface IpcPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown
}

const isEventName = (e: unknown): e is ApiEventName => typeof e === 'string' && (apiEventNames as readonly string[]).includes(e)

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
