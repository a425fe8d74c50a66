import { afterEach, describe, expect, it, vi } from 'vitest'
import { isApiResult } from '@shared/api/errors'
import { createHttpTransport, interpretResponse } from '@renderer/api/httpTransport'
import { backoffDelay } from '@renderer/api/connection'
import { createTokenStore, extractAccessToken } from '@renderer/api/tokens'

const jsonResponse = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** A WebSocket stand-in the test drives by hand. */
class FakeSocket {
  static all: FakeSocket[] = []
  onopen: (() => void) | null = null
  onmessage: ((m: { data: unknown }) => void) | null = null
  onclose: (() => void) | null = null
  closed = false
  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }
  close(): void {
    this.closed = true
  }
}

function transport() {
  const tokens = createTokenStore(null)
  const t = createHttpTransport({
    tokens,
    eventsUrl: () => 'ws://wall.test/api/events',
    backoff: { initialMs: 100, maxMs: 1000 },
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket
  })
  return { t, tokens }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  FakeSocket.all = []
})

describe('HTTP calls', () => {
  it('posts JSON to /api/<method> with the tokens it knows', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: { rows: [] } }))
    vi.stubGlobal('fetch', fetch)
    const { t, tokens } = transport()
    tokens.setAccess('acc-1')
    tokens.setSession('ses-1')
    const result = await t.call('stats.eventsByArea', { areaCode: '440311', days: 30 })
    expect(result).toEqual({ ok: true, value: { rows: [] } })
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/stats.eventsByArea')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual({ areaCode: '440311', days: 30 })
    expect(init.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer ses-1',
      'x-gcc-access-token': 'acc-1'
    })
  })

  it('sends no auth headers when it has no tokens', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: null }))
    vi.stubGlobal('fetch', fetch)
    await transport().t.call('system.status', {})
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(Object.keys(init.headers as object)).toEqual(['content-type'])
  })

  it('turns a network failure into an UNAVAILABLE result, never a thrown TypeError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      })
    )
    const result = await transport().t.call('system.status', {})
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('UNAVAILABLE')
      expect(result.error.message).toMatch(/^无法连接服务器 \/ cannot reach the server/)
    }
  })

  it('turns a timeout into UNAVAILABLE', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new DOMException('signal timed out', 'TimeoutError')
      })
    )
    const result = await transport().t.call('system.status', {})
    expect(!result.ok && result.error.code).toBe('UNAVAILABLE')
  })

  it('passes a 403 with an ApiResult body through unchanged', async () => {
    const refusal = { ok: false, error: { code: 'FORBIDDEN', message: '权限不足 / not allowed' } }
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(403, refusal)))
    const result = await transport().t.call('mode.enter', { type: 'fire', level: 'IV', location: { gridCode: '440311-001-01-001' }, reason: '演练', drill: true })
    expect(result).toEqual(refusal)
  })

  it('maps a non-JSON gateway error to UNAVAILABLE and other junk to INTERNAL', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })))
    const gateway = await transport().t.call('system.status', {})
    expect(!gateway.ok && gateway.error.code).toBe('UNAVAILABLE')
    expect(interpretResponse(200, { hello: 1 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(isApiResult({ ok: false, error: { code: 'NOPE', message: 'x' } })).toBe(false)
  })

  it('keeps the session token from auth.signIn and forgets it on auth.signOut', async () => {
    const { t, tokens } = transport()
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { ok: true, value: { operator: {}, token: 'tok-9' } })))
    await t.call('auth.signIn', { username: 'admin', password: 'x' })
    expect(tokens.session()).toBe('tok-9')
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { ok: true, value: null })))
    await t.call('auth.signOut', {})
    expect(tokens.session()).toBeNull()
  })

  it('drops a session token the server no longer knows', async () => {
    const { t, tokens } = transport()
    tokens.setSession('stale')
    const refusal = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录 / sign in first' } }
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, refusal)))
    expect(await t.call('audit.latest', { limit: 50 })).toEqual(refusal)
    expect(tokens.session()).toBeNull()
  })
})

describe('pushed events', () => {
  it('connects on first subscription, delivers events and reports the connection state', () => {
    const { t, tokens } = transport()
    tokens.setAccess('a b')
    const states: string[] = []
    t.connection.onChange((s) => states.push(s))
    const got: unknown[] = []
    const off = t.on('data', (p) => got.push(p))
    const socket = FakeSocket.all[0]!
    expect(FakeSocket.all).toHaveLength(1)
    expect(socket.url).toBe('ws://wall.test/api/events?access_token=a%20b')
    socket.onopen?.()
    expect(t.connection.state).toBe('connected')
    socket.onmessage?.({ data: JSON.stringify({ event: 'data', payload: { topics: ['events'] } }) })
    socket.onmessage?.({ data: JSON.stringify({ event: 'bogus', payload: 1 }) })
    socket.onmessage?.({ data: 'not json' })
    expect(got).toEqual([{ topics: ['events'] }])
    off()
    socket.onmessage?.({ data: JSON.stringify({ event: 'data', payload: { topics: ['mode'] } }) })
    expect(got).toHaveLength(1)
    expect(states).toEqual(['connected'])
    t.close()
  })

  it('reconnects with backoff after the socket closes', () => {
    vi.useFakeTimers()
    const { t } = transport()
    t.on('status', () => undefined)
    FakeSocket.all[0]!.onopen?.()
    FakeSocket.all[0]!.onclose?.()
    expect(t.connection.state).toBe('reconnecting')
    expect(FakeSocket.all).toHaveLength(1)
    vi.advanceTimersByTime(100)
    expect(FakeSocket.all).toHaveLength(2)
    FakeSocket.all[1]!.onopen?.()
    expect(t.connection.state).toBe('connected')
    t.close()
    expect(FakeSocket.all[1]!.closed).toBe(true)
  })

  it('grows the backoff delay exponentially with jitter, up to a cap', () => {
    expect(backoffDelay(0, 1000, 30_000, () => 1)).toBe(1000)
    expect(backoffDelay(3, 1000, 30_000, () => 1)).toBe(8000)
    expect(backoffDelay(10, 1000, 30_000, () => 1)).toBe(30_000)
    expect(backoffDelay(3, 1000, 30_000, () => 0)).toBe(4000)
  })
})

describe('access token in the URL', () => {
  it('is taken from the query and removed from the visible URL', () => {
    expect(extractAccessToken('http://127.0.0.1:5180/?access_token=abc&x=1#/console')).toEqual({
      token: 'abc',
      cleanHref: 'http://127.0.0.1:5180/?x=1#/console'
    })
    expect(extractAccessToken('http://h/#/?access_token=def')).toEqual({ token: 'def', cleanHref: 'http://h/#/' })
    expect(extractAccessToken('http://h/#/')).toEqual({ token: null, cleanHref: 'http://h/#/' })
  })
})
