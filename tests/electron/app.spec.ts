import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import type { ApiBridge } from '../../src/shared/api/bridge'
import { apiMethodNames } from '../../src/shared/api/channels'
import { electronBinaryPath } from '../support/electronBinary'

/**
 * The Electron shell end to end: the built app (out/, from `electron-vite build`) in a windowed
 * Electron with a throw-away data directory. Needs no webServer. Skipped, with the reason, where
 * no Electron binary is installed; the same wall is covered under the browser host by tests/e2e.
 */

const electronPath = electronBinaryPath()
const root = resolve(import.meta.dirname, '../..')
const mainEntry = join(root, 'out', 'main', 'index.js')
const ADMIN_PASSWORD = 'e2e-admin-password-0001'
const VIEWER_PASSWORD = 'e2e-viewer-password-0001'

const NO_BINARY =
  'Electron binary not installed (no download possible here): node_modules/electron has no dist/. ' +
  'Install it with `npm install-scripts approve electron && npm rebuild electron` ' +
  '(or set ELECTRON_MIRROR / ELECTRON_OVERRIDE_DIST_PATH); the browser host is tested by tests/e2e. ' +
  '未安装 Electron 可执行文件，跳过桌面端测试。'
if (!electronPath) console.warn(`[electron] ${NO_BINARY}`)

/** The preload's bridge, read inside the page. */
type WithBridge = { gccBridge?: ApiBridge }

test.describe('Electron shell', () => {
  test.skip(!electronPath, NO_BINARY)
  test.describe.configure({ mode: 'serial' })

  let app: ElectronApplication
  let page: Page
  let dataDir: string
  const output: string[] = []
  const pageErrors: string[] = []

  test.beforeAll(async () => {
    // The first start generates the demo district before the window opens.
    test.setTimeout(180_000)
    test.skip(!existsSync(mainEntry), `${mainEntry} is missing: run \`electron-vite build\` first (npm run test:e2e does)`)
    dataDir = mkdtempSync(join(tmpdir(), 'gcc-electron-'))
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RENDERER_URL') env[k] = v
    env['GCC_ADMIN_PASSWORD'] = ADMIN_PASSWORD
    // Chromium refuses to run as root with its sandbox (containers, CI).
    const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : []
    app = await electron.launch({
      executablePath: electronPath!,
      // The project root: Electron runs package.json's main (out/main/index.js) with its name and version.
      args: [...chromiumFlags, root, '--data-dir', dataDir, '--windowed'],
      cwd: root,
      env,
      timeout: 60_000
    })
    app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    page = await app.firstWindow({ timeout: 150_000 })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()))
  })

  test.afterAll(async () => {
    await app?.close()
    if (dataDir) {
      expect(existsSync(join(dataDir, 'gcc.sqlite3'))).toBe(true)
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('exposes the contract bridge and nothing of Node or Electron', async () => {
    await expect(page).toHaveURL(/^app:\/\/gcc\//)
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>
      const bridge = g['gccBridge'] as Record<string, unknown> | undefined
      return {
        bridge: typeof bridge,
        keys: Object.keys(bridge ?? {}).sort(),
        systemKeys: Object.keys((bridge?.['system'] as object | undefined) ?? {}),
        ipcRenderer: 'ipcRenderer' in g,
        electron: 'electron' in g,
        require: typeof g['require'],
        process: typeof g['process'],
        module: typeof g['module']
      }
    })
    expect(seen).toEqual({
      bridge: 'object',
      // Exactly the contract's method groups (alerts, events, incidents, …) and `on`.
      keys: [...new Set(apiMethodNames.map((m) => m.split('.')[0]!)), 'on'].sort(),
      systemKeys: ['status'],
      ipcRenderer: false,
      electron: false,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined'
    })
    const unknownEvent = await page.evaluate(() => {
      const bridge = (globalThis as unknown as WithBridge).gccBridge!
      try {
        ;(bridge.on as (e: string, l: () => void) => () => void)('not-an-event', () => {})
        return 'subscribed'
      } catch (err) {
        return (err as Error).message
      }
    })
    expect(unknownEvent).toContain('unknown event')
  })

  test('system.status answers over IPC from the electron runtime', async () => {
    const result = await page.evaluate(() => (globalThis as unknown as WithBridge).gccBridge!.system.status({}))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.runtime).toBe('electron')
    expect(result.value.version).toMatch(/^\d+\.\d+\.\d+/)
  })

  test('the wall draws the district map', async () => {
    test.setTimeout(120_000)
    await expect(page.locator('[data-testid="district-map"]')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 })
  })

  test('roles are checked in main and error codes reach the page; events are pushed', async () => {
    const run = await page.evaluate(
      async ({ adminPassword, viewerPassword }) => {
        const b = (globalThis as unknown as WithBridge).gccBridge!
        const anonymous = await b.operators.list({})
        const signIn = await b.auth.signIn({ username: 'admin', password: adminPassword })
        const dataEvent = new Promise<unknown>((done) => {
          const off = b.on('data', (payload) => {
            off()
            done(payload)
          })
        })
        const drill = { type: 'fire', level: 'IV', location: { lon: 113.94, lat: 22.76 }, reason: 'e2e: Electron shell test', drill: true } as const
        const entered = await b.mode.enter(drill)
        const mode = entered.ok ? await b.mode.leave({ summary: 'e2e: drill over' }) : entered
        const pushed = await Promise.race([dataEvent, new Promise((done) => setTimeout(() => done('no event in 10 s'), 10_000))])
        const viewer = await b.operators.create({ username: 'e2e.viewer', displayName: '值守测试', role: 'viewer', password: viewerPassword })
        await b.auth.signOut({})
        await b.auth.signIn({ username: 'e2e.viewer', password: viewerPassword })
        const refused = await b.mode.enter({ ...drill, reason: 'e2e: must be refused' })
        const signOut = await b.auth.signOut({})
        const session = await b.auth.session({})
        return { anonymous, signIn: signIn.ok, token: signIn.ok ? signIn.value.token : 'n/a', mode: mode.ok, pushed, viewer: viewer.ok, refused, signOut: signOut.ok, session }
      },
      { adminPassword: ADMIN_PASSWORD, viewerPassword: VIEWER_PASSWORD }
    )
    expect(run.anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(run.signIn).toBe(true)
    // The window is the session: no bearer token in Electron.
    expect(run.token).toBeNull()
    expect(run.mode).toBe(true)
    expect(run.pushed).toMatchObject({ topics: expect.arrayContaining(['mode']) })
    expect(run.viewer).toBe(true)
    expect(run.refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(run.signOut).toBe(true)
    expect(run.session).toEqual({ ok: true, value: { operator: null } })
  })

  test('window.open is denied and navigation away is blocked', async () => {
    const opened = await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null)
    expect(opened).toBe(true)
    expect(app.windows()).toHaveLength(1)

    const before = page.url()
    await page.evaluate(() => {
      ;(globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'
    })
    await page.waitForTimeout(1_500)
    expect(page.url()).toBe(before)
    await expect.poll(() => output.join('')).toContain('refused navigation to https://example.com/')
  })

  test('app:// sends the CSP header and refuses paths outside the renderer', async () => {
    const probe = await page.evaluate(async () => {
      const index = await fetch('/index.html')
      const escape = await fetch('/..%2f..%2fpackage.json')
      return { status: index.status, csp: index.headers.get('content-security-policy'), escape: escape.status }
    })
    expect(probe.status).toBe(200)
    expect(probe.csp).toMatch(/^default-src 'none'; script-src 'self';/)
    expect(probe.escape).toBe(403)
  })

  test('no page errors or CSP violations; screenshot of the wall', async () => {
    expect(pageErrors.filter((e) => !e.includes('example.com'))).toEqual([])
    const path = join(root, 'test-results', 'electron-wall.png')
    await page.screenshot({ path })
    await test.info().attach('electron-wall', { path, contentType: 'image/png' })
  })
})
