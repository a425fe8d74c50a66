import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHostServer, type HostServer } from '../../../src/main/host/server'
import type { Core } from '../../../src/main/services/core'
import { startTestCore } from '../../support/hostCore'

const ACCESS = 'test-access-token-0123456789'

describe('browser host over HTTP and WebSocket', () => {
  let host: Awaited<ReturnType<typeof startTestCore>>
  let core: Core
  let server: HostServer
  let rendererDir: string

  beforeAll(async () => {
    host = await startTestCore()
    core = host.core
    rendererDir = host.rendererDir
    server = await startHostServer({ core, rendererDir, host: '127.0.0.1', port: 0, accessToken: ACCESS, log: () => {} })
  })
  afterAll(async () => {
    await server.close()
    await host.remove()
  })

  const call = async (method: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gcc-access-token': ACCESS, ...headers },
      body: JSON.stringify(body)
    })
    return { status: res.status, json: await res.json() }
  }

  it('refuses to bind a non-loopback address without an access token', async () => {
    await expect(
      startHostServer({ core, rendererDir, host: '0.0.0.0', port: 0, accessToken: null, log: () => {} })
    ).rejects.toThrow(/access token/)
  })

  it('requires the access token on the API when one is set', async () => {
    const res = await fetch(`${server.url}/api/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const ok = await call('system.status', {})
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ ok: true, value: { runtime: 'browser', mode: 'normal', district: { code: '440311' } } })
  })

  it('serves camera snapshots only behind the access token (header or query), and says why not', async () => {
    expect((await fetch(`${server.url}/api/snapshots/no-such-alert`)).status).toBe(401)
    const res = await fetch(`${server.url}/api/snapshots/no-such-alert?access_token=${ACCESS}`)
    expect(res.status).toBe(404)
    expect(await res.text()).toMatch(/no snapshot/)
  })

  it('serves the renderer with a CSP that starts from default-src none', async () => {
    const res = await fetch(`${server.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
    expect(await res.text()).toContain('wall')
  })

  it('signs in over HTTP and enforces roles in main', async () => {
    const created = await call('auth.signIn', { username: 'admin', password: 'admin-password-for-tests' })
    expect(created.status).toBe(200)
    const adminToken = created.json.value.token as string
    expect(adminToken.length).toBeGreaterThan(20)
    const auth = { authorization: `Bearer ${adminToken}` }
    expect((await call('operators.create', { username: 'watcher', displayName: '值班观察', role: 'viewer', password: 'viewer-password-1' }, auth)).status).toBe(200)

    const viewer = await call('auth.signIn', { username: 'watcher', password: 'viewer-password-1' })
    const refused = await call('mode.enter', { type: 'waterlogging', level: 'IV', location: { lon: 113.94, lat: 22.76 }, reason: '演练', drill: true }, { authorization: `Bearer ${viewer.json.value.token}` })
    expect(refused.status).toBe(403)
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const audit = await call('audit.latest', { limit: 5 }, auth)
    expect(audit.json.value[0]).toMatchObject({ action: 'mode.enter', username: 'watcher', outcome: 'refused' })
  })

  it('answers malformed bodies with a clear error, not a crash', async () => {
    const res = await fetch(`${server.url}/api/stats.eventsByArea`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gcc-access-token': ACCESS },
      body: '{"areaCode": '
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const big = await call('stats.eventsByArea', { areaCode: 'x'.repeat(100_000), days: 1 })
    expect(big.status).toBe(400)
  })

  it('pushes status on connect and data changes to every wall', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/events?access_token=${ACCESS}`)
    const messages: { event: string; payload: any }[] = []
    ws.on('message', (m) => messages.push(JSON.parse(String(m))))
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    await expect.poll(() => messages.length).toBeGreaterThan(0)
    expect(messages[0]).toMatchObject({ event: 'status', payload: { runtime: 'browser' } })

    const admin = await call('auth.signIn', { username: 'admin', password: 'admin-password-for-tests' })
    const entered = await call('mode.enter', { type: 'waterlogging', level: 'IV', location: { lon: 113.94, lat: 22.76 }, reason: '防汛应急演练', drill: true }, { authorization: `Bearer ${admin.json.value.token}` })
    expect(entered.status).toBe(200)
    await expect.poll(() => messages.some((m) => m.event === 'data' && m.payload.topics.includes('mode'))).toBe(true)
    expect(messages.some((m) => m.event === 'status' && m.payload.mode === 'emergency' && m.payload.incident?.drill === true)).toBe(true)
    ws.close()
  })

  it('refuses a WebSocket without the access token', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/events`)
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).once('open', () => resolve(101)))
    expect(status).toBe(401)
  })
})
