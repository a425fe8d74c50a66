import {
  ACCESS_TOKEN_HEADER,
  HTTP_API_PREFIX,
  SESSION_HEADER,
  WS_EVENTS_PATH,
  apiEventNames,
  type ApiEventName,
  type ApiMethodName
} from '@shared/api/channels'
import type { ApiTransport } from '@shared/api/client'
import { isApiResult, type ApiResult } from '@shared/api/errors'
import type { ApiEvents } from '@shared/api/types'
import { backoffDelay, type ConnectionState, type ConnectionStatus } from './connection'
import type { TokenStore } from './tokens'

/**
 * The browser host's transport: `POST /api/<method>` for calls, one WebSocket on `/api/events`
 * for pushed events. Every failure comes back as an ApiResult, never as a thrown error.
 */
export interface HttpTransport extends ApiTransport {
  readonly connection: ConnectionStatus
  /** Closes the event socket for good (tests, teardown). */
  close(): void
}

export interface HttpTransportOptions {
  tokens: TokenStore
  /** Origin prefix for calls; '' = same origin. */
  baseUrl?: string
  /** Events socket URL without the token; default: ws(s)://<page host>/api/events. */
  eventsUrl?: () => string
  timeoutMs?: number
  backoff?: { initialMs: number; maxMs: number }
  /** Injected in tests; default: the global WebSocket. */
  createSocket?: (url: string) => WebSocket
}

/**
 * Calls that answer only when long work is done get longer than `timeoutMs`: a briefing export
 * waits for the page to draw and for the queue (docs/BRIEFINGS.md; its progress comes as events).
 */
export const slowCallTimeoutMs: Partial<Record<ApiMethodName, number>> = { 'briefings.export': 300_000 }

const unavailable = (message: string): ApiResult => ({ ok: false, error: { code: 'UNAVAILABLE', message } })

/** Whether a parsed body is an ApiResult. */

/** Maps an HTTP response (status and parsed JSON body, undefined if none) to an ApiResult. */
export function interpretResponse(status: number, body: unknown): ApiResult {
  if (isApiResult(body)) return body
  if (status === 502 || status === 503 || status === 504 || status === 0) {
    return unavailable(`服务暂不可用 / service unavailable (HTTP ${status})`)
  }
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `服务器响应格式错误 / malformed server response (HTTP ${status})` }
  }
}

/** Maps a thrown fetch error (network down, timeout, abort) to an UNAVAILABLE result. */
export function networkFailure(error: unknown): ApiResult {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError') {
    return unavailable('服务器响应超时 / the server did not answer in time')
  }
  const detail = error instanceof Error ? `: ${error.message}` : ''
  return unavailable(`无法连接服务器 / cannot reach the server${detail}`)
}

function defaultEventsUrl(): string {
  const { protocol, host } = globalThis.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${WS_EVENTS_PATH}`
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { tokens } = options
  const baseUrl = options.baseUrl ?? ''
  const timeoutMs = options.timeoutMs ?? 20_000
  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000 }
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url))

  async function call(method: ApiMethodName, input: unknown): Promise<ApiResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    const session = tokens.session()
    const access = tokens.access()
    if (session) headers[SESSION_HEADER] = `Bearer ${session}`
    if (access) headers[ACCESS_TOKEN_HEADER] = access
    let result: ApiResult
    try {
      const response = await globalThis.fetch(`${baseUrl}${HTTP_API_PREFIX}${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'same-origin',
        signal: AbortSignal.timeout(slowCallTimeoutMs[method] ?? timeoutMs)
      })
      let body: unknown
      try {
        body = await response.json()
      } catch {
        body = undefined
      }
      result = interpretResponse(response.status, body)
    } catch (error) {
      return networkFailure(error)
    }
    if (method === 'auth.signIn' && result.ok) {
      const token = (result.value as { token?: unknown } | null)?.token
      tokens.setSession(typeof token === 'string' ? token : null)
    } else if (method === 'auth.signOut') {
      tokens.setSession(null)
    } else if (!result.ok && result.error.code === 'UNAUTHENTICATED' && session) {
      // The server no longer knows this session (expired, server restarted): stop sending it.
      tokens.setSession(null)
    }
    return result
  }

  // --- pushed events -------------------------------------------------------------------------
  const listeners = new Map<ApiEventName, Set<(payload: never) => void>>()
  const stateListeners = new Set<(state: ConnectionState, previous: ConnectionState) => void>()
  let state: ConnectionState = 'connecting'
  let socket: WebSocket | null = null
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let attempt = 0
  let closed = false

  function setState(next: ConnectionState): void {
    if (next === state) return
    const previous = state
    state = next
    for (const l of [...stateListeners]) l(next, previous)
  }

  function dispatch(raw: unknown): void {
    if (typeof raw !== 'string') return
    let message: unknown
    try {
      message = JSON.parse(raw)
    } catch {
      return
    }
    if (typeof message !== 'object' || message === null) return
    const { event, payload } = message as { event?: unknown; payload?: unknown }
    if (typeof event !== 'string' || !(apiEventNames as readonly string[]).includes(event)) return
    for (const l of [...(listeners.get(event as ApiEventName) ?? [])]) {
      try {
        l(payload as never)
      } catch (error) {
        console.error(`[gcc] listener for "${event}" failed`, error)
      }
    }
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer !== undefined) return
    setState('reconnecting')
    const delay = backoffDelay(attempt++, backoff.initialMs, backoff.maxMs)
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      connect()
    }, delay)
  }

  function connect(): void {
    if (closed || socket) return
    const access = tokens.access()
    const url = (options.eventsUrl ?? defaultEventsUrl)() + (access ? `?access_token=${encodeURIComponent(access)}` : '')
    let ws: WebSocket
    try {
      ws = createSocket(url)
    } catch {
      scheduleReconnect()
      return
    }
    socket = ws
    ws.onopen = () => {
      attempt = 0
      setState('connected')
    }
    ws.onmessage = (m: MessageEvent) => dispatch(m.data)
    ws.onclose = () => {
      if (socket !== ws) return
      socket = null
      scheduleReconnect()
    }
  }

  return {
    call,
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      const l = listener as (payload: never) => void
      set.add(l)
      connect()
      return () => {
        set.delete(l)
      }
    },
    connection: {
      get state() {
        return state
      },
      onChange(listener) {
        stateListeners.add(listener)
        connect()
        return () => {
          stateListeners.delete(listener)
        }
      }
    },
    close() {
      closed = true
      clearTimeout(retryTimer)
      retryTimer = undefined
      const ws = socket
      socket = null
      ws?.close()
    }
  }
}
