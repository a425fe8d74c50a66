import type { ApiMethodName } from '@shared/api/channels'
import type { ApiTransport } from '@shared/api/client'
import type { ApiResult } from '@shared/api/errors'
import { isApiResult } from './httpTransport'

/**
 * The Electron preload's bridge (`window.gccBridge`): one function per contract method that
 * resolves to the ApiResult envelope, plus `on`. Envelopes cross contextBridge intact, where a
 * thrown ApiError would lose its code, so the renderer builds its client over them.
 * Declared structurally here: the renderer does not import the preload's code.
 */
export interface IpcBridge {
  on: ApiTransport['on']
  [namespace: string]: unknown
}

export function createBridgeTransport(bridge: IpcBridge): ApiTransport {
  return {
    async call(method: ApiMethodName, input: unknown): Promise<ApiResult> {
      const [ns, fn] = method.split('.') as [string, string]
      const group = bridge[ns] as Record<string, unknown> | undefined
      const target = group?.[fn]
      if (typeof target !== 'function') {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `预加载脚本未提供 / the preload does not offer ${method}` } }
      }
      try {
        const result: unknown = await (target as (input: unknown) => Promise<unknown>)(input ?? {})
        if (isApiResult(result)) return result
        return { ok: false, error: { code: 'INTERNAL', message: `主进程返回格式错误 / malformed reply to ${method}` } }
      } catch (error) {
        const detail = error instanceof Error ? `: ${error.message}` : ''
        return { ok: false, error: { code: 'UNAVAILABLE', message: `主进程无响应 / the main process did not answer ${method}${detail}` } }
      }
    },
    on: (event, listener) => bridge.on(event, listener)
  }
}
