import type { ApiMethodName } from '@shared/api/channels'
import type { ApiTransport } from '@shared/api/client'
import type { ApiBridge } from '@shared/api/bridge'
import { isApiResult, type ApiResult } from '@shared/api/errors'

/**
 * A transport over the Electron preload's bridge (`window.gccBridge`, see @shared/api/bridge):
 * envelopes cross contextBridge intact, where a thrown ApiError would lose its code, so the
 * renderer builds its client over them.
 */
export function createBridgeTransport(bridge: ApiBridge): ApiTransport {
  return {
    async call(method: ApiMethodName, input: unknown): Promise<ApiResult> {
      const [ns, fn] = method.split('.') as [string, string]
      const group = (bridge as unknown as Record<string, Record<string, unknown> | undefined>)[ns]
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
