import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { decodeBriefingParam } from '@shared/briefing/query'
import type { BriefingSpec } from '@shared/briefing/spec'
import type { Capturer } from '../../../src/main/briefings/capturer'
import { ChromiumCapturer, DEFAULT_CHROMIUM } from '../../../src/main/briefings/chromium'
import { pngSize } from '../../../src/main/briefings/png'
import { briefingPageUrl, hostPageBase } from '../../../src/main/briefings/pageUrl'
import { databasePath, resolveConfig } from '../../../src/main/config'
import { startHostServer, type HostServer } from '../../../src/main/host/server'
import { startCore } from '../../../src/main/services/core'
import { Store } from '../../../src/main/store/store'
import { loadMiniDistrict } from '../../support/miniDistrict'
import { tempDir } from '../../support/tempDir'
import { fakePng } from './fakePng'

const ACCESS = 'test-access-token-0123456789'

describe('the briefing page URL', () => {
  it('reaches the host through loopback when it listens on a wildcard or loopback address', () => {
    expect(hostPageBase('127.0.0.1', 5180)).toBe('http://127.0.0.1:5180')
    expect(hostPageBase('0.0.0.0', 5180)).toBe('http://127.0.0.1:5180')
    expect(hostPageBase('::', 5180)).toBe('http://127.0.0.1:5180')
    expect(hostPageBase('::1', 5180)).toBe('http://[::1]:5180')
    expect(hostPageBase('10.1.2.3', 80)).toBe('http://10.1.2.3:80')
  })

  it('carries the access token the way a wall controller gets it', () => {
    expect(briefingPageUrl('http://127.0.0.1:5180/', 'briefing=abc', null)).toBe('http://127.0.0.1:5180/?briefing=abc')
    expect(briefingPageUrl('http://127.0.0.1:5180', 'briefing=abc', 'tok&en=1')).toBe('http://127.0.0.1:5180/?briefing=abc&access_token=tok%26en%3D1')
  })
})

/** A core with this capturer and the host in front of it (access token on), on a small district. */
async function startHost(capturer: Capturer, rendererFiles: Record<string, string>) {
  const data = tempDir()
  const renderer = tempDir()
  for (const [name, text] of Object.entries(rendererFiles)) writeFileSync(join(renderer.dir, name), text)
  writeFileSync(join(data.dir, 'secret.png'), 'not for you')
  const seeded = Store.open(databasePath(data.dir))
  loadMiniDistrict(seeded, Date.now())
  seeded.close()
  const config = resolveConfig([], { GCC_ADMIN_PASSWORD: 'admin-password-for-tests' })
  let base = ''
  const core = await startCore({
    config,
    dataDir: data.dir,
    runtime: 'browser',
    version: 'test',
    log: () => {},
    alerts: false,
    briefings: { capturer, pageUrl: (query) => briefingPageUrl(base, query, ACCESS) }
  })
  const server = await startHostServer({ core, rendererDir: renderer.dir, host: '127.0.0.1', port: 0, accessToken: ACCESS, log: () => {} })
  base = hostPageBase('127.0.0.1', server.port)
  const call = async (method: string, body: unknown, token?: string): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gcc-access-token': ACCESS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body)
    })
    return { status: res.status, json: await res.json() }
  }
  return {
    core,
    server,
    call,
    signIn: async (): Promise<string> => (await call('auth.signIn', { username: 'admin', password: 'admin-password-for-tests' })).json.value.token,
    async stop() {
      await server.close()
      await core.stop()
      data.remove()
      renderer.remove()
    }
  }
}

describe('briefings through the browser host (a fake capturer)', () => {
  let host: Awaited<ReturnType<typeof startHost>>
  let server: HostServer
  let call: typeof host.call
  let signIn: typeof host.signIn
  const captured: { spec: BriefingSpec; url: string }[] = []

  beforeAll(async () => {
    const capturer: Capturer = {
      capture: async (spec, url) => {
        captured.push({ spec, url })
        return fakePng(spec.width, spec.height)
      },
      close: async () => {}
    }
    host = await startHost(capturer, { 'index.html': '<!doctype html><title>wall</title>' })
    ;({ server, call, signIn } = host)
  })
  afterAll(() => host?.stop())

  it('exports as the signed-in operator, pushes progress, and serves the PNG behind the access token', async () => {
    const request = { target: { kind: 'panel', panel: 'trend' }, width: 1280, height: 720, areaCode: '440311' }
    expect((await call('briefings.export', request)).status).toBe(401)

    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/events?access_token=${ACCESS}`)
    const phases: string[] = []
    ws.on('message', (m) => {
      const { event, payload } = JSON.parse(String(m))
      if (event === 'briefing') phases.push(payload.phase)
    })
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))

    const token = await signIn()
    const exported = await call('briefings.export', request, token)
    expect(exported.status).toBe(200)
    const record = exported.json.value
    expect(record).toMatchObject({ target: { kind: 'panel', panel: 'trend' }, width: 1280, height: 720, operator: '系统管理员', scheduled: false })
    expect(record.file).toMatch(/^briefing-\d{8}-\d{4}-panel-trend-440311\.png$/)
    await expect.poll(() => phases).toEqual(['queued', 'rendering', 'writing', 'done'])
    ws.close()

    // The capturer was sent to this host's own page, with the spec and the access token.
    const url = new URL(captured[0]!.url)
    expect(url.origin).toBe(`http://127.0.0.1:${server.port}`)
    expect(url.searchParams.get('access_token')).toBe(ACCESS)
    expect(decodeBriefingParam(url.searchParams.get('briefing')!)).toEqual({ ok: true, spec: captured[0]!.spec })

    expect((await fetch(`${server.url}/briefings/${record.file}`)).status).toBe(401)
    const png = await fetch(`${server.url}/briefings/${record.file}?access_token=${ACCESS}`)
    expect(png.status).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(png.headers.get('content-disposition')).toBe(`inline; filename="${record.file}"`)
    expect(Buffer.from(await png.arrayBuffer()).length).toBe(record.bytes)

    const list = await call('briefings.list', { limit: 10 })
    expect(list.json.value).toEqual([record])

    const audit = await call('audit.latest', { limit: 5 }, token)
    expect(audit.json.value[0]).toMatchObject({ action: 'briefings.export', username: 'admin', outcome: 'ok', target: 'briefing panel trend 440311 1280x720' })
  })

  it('answers 404 for unknown names and any path outside the folder', async () => {
    for (const path of ['briefing-20300101-0000-wall-440311.png', '..%2Fsecret.png', '..%2F..%2Fsecret.png', 'secret.png', '%2E%2E%2Fgcc.sqlite3']) {
      const res = await fetch(`${server.url}/briefings/${path}?access_token=${ACCESS}`)
      expect(res.status, path).toBe(404)
      expect(await res.text()).not.toContain('not for you')
    }
    const dotted = await fetch(`${server.url}/briefings/../secret.png?access_token=${ACCESS}`)
    expect(await dotted.text()).not.toContain('not for you')
  })

  it('shows the schedule to anyone and lets only an admin change it', async () => {
    const schedule = await call('briefings.schedule', {})
    expect(schedule.json.value).toMatchObject({ config: { enabled: true, times: ['08:00', '20:00'] }, error: null, running: false })
    expect(schedule.json.value.nextAt).toBeGreaterThan(Date.now())
    expect((await call('briefings.configure', { times: ['07:30'] })).status).toBe(401)
    const token = await signIn()
    const configured = await call('briefings.configure', { times: ['07:30'], targets: [{ kind: 'wall' }], width: 3840, height: 1080 }, token)
    expect(configured.status).toBe(200)
    expect(configured.json.value).toMatchObject({ config: { times: ['07:30'], width: 3840, height: 1080, areaCode: null } })
    expect(new Date(configured.json.value.nextAt).getUTCHours() * 60 + new Date(configured.json.value.nextAt).getUTCMinutes()).toBe(23 * 60 + 30)
    expect((await call('briefings.configure', { times: ['7:30'] }, token)).json).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})

const chromium = process.env['GCC_CHROMIUM'] || DEFAULT_CHROMIUM

describe.skipIf(!existsSync(chromium))('briefings through the browser host (headless Chromium)', () => {
  // The page calls the API as the renderer would: with the access token it was given in its URL,
  // under the host's CSP (script-src 'self': no inline script).
  const page = `const q = new URLSearchParams(location.search)
fetch('/api/briefings.list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-gcc-access-token': q.get('access_token') || '' }, body: '{}' })
  .then((r) => {
    document.body.style.background = 'linear-gradient(90deg, #c00, #00c)'
    if (!q.get('briefing')) throw new Error('no briefing parameter')
    if (!r.ok) throw new Error('the API answered ' + r.status)
    requestAnimationFrame(() => requestAnimationFrame(() => { document.documentElement.dataset.briefingReady = 'true' }))
  })
  .catch((e) => { document.documentElement.dataset.briefingError = e.message; document.documentElement.dataset.briefingReady = 'error' })`

  it('renders its own page with the access token and writes a PNG of the asked size', async () => {
    const host = await startHost(new ChromiumCapturer({ executablePath: chromium, readyTimeoutMs: 10_000, log: () => {} }), {
      'index.html': '<!doctype html><html><body style="margin:0;height:100vh"><script src="/briefing.js"></script></body></html>',
      'briefing.js': page
    })
    try {
      const exported = await host.call('briefings.export', { target: { kind: 'wall' }, width: 960, height: 540, areaCode: '440311' }, await host.signIn())
      expect(exported.json).toMatchObject({ ok: true, value: { width: 960, height: 540 } })
      const png = await fetch(`${host.server.url}/briefings/${exported.json.value.file}?access_token=${ACCESS}`)
      expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 960, height: 540 })
    } finally {
      await host.stop()
    }
  })
})
