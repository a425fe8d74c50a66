import { resolve } from 'node:path'
import { connectAsync } from 'mqtt'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { repoRoot, startHost, writeMqttConfig, type HostHandle } from '../support/host'
import { startMosquitto, type MosquittoHandle } from '../support/mosquitto'
import { tempDir } from '../support/tempDir'
import { field } from './support/operators'

/**
 * Two walls on one broker (issue 6, "All walls follow" and "Dispatch"): two browser-host instances,
 * each with its own data directory, both connected to a real Mosquitto. A dispatcher's switch on
 * one wall switches the other within 2 s; a task dispatched from one wall's resources panel is
 * listed on both, and the assignee's reply on gcc/task-replies/{taskId} moves it on both; leaving
 * from the second wall brings both back to normal.
 *
 * Not the shared webServer's host: the test starts its own two (same build, GCC_E2E_OUT).
 */
const ADMIN_PASSWORD = 'walls-admin-password'
const PASSWORD = 'walls-dispatcher-password'
const GRID = '440311-001-01-001'
const hostJs = resolve(repoRoot, process.env['GCC_E2E_OUT'] ?? 'out', 'main', 'host.js')
const chromeArgs = { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'America/New_York' }

async function dispatcherToken(h: HostHandle): Promise<string> {
  const admin = await h.api<{ token: string }>('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })
  await h.api('operators.create', { username: 'walldisp', displayName: '联动调度员', role: 'dispatcher', password: PASSWORD }, admin.token)
  return (await h.api<{ token: string }>('auth.signIn', { username: 'walldisp', password: PASSWORD })).token
}

async function openWall(browser: Browser, h: HostHandle, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext(chromeArgs)).newPage()
  page.on('pageerror', (e) => errors.push(`${h.url}: ${e.message}`))
  await page.goto(`${h.url}/`)
  await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 })
  await expect(page.getByTestId('wall')).toHaveAttribute('data-mode', 'normal')
  return page
}

test('two walls on one broker: the switch, a dispatched task and its reply, and the way back show on both', async ({ browser }) => {
  // Two first starts generate the demo district each, on a 2-core machine.
  test.setTimeout(300_000)
  const errors: string[] = []
  const dirs = [tempDir('gcc-e2e-wall-a-'), tempDir('gcc-e2e-wall-b-')]
  let broker: MosquittoHandle | null = null
  const hosts: HostHandle[] = []
  try {
    broker = await startMosquitto()
    for (const d of dirs) writeMqttConfig(d.dir, { broker: { url: broker.url, protocolVersion: 5 }, simulator: { enabled: false } })
    hosts.push(...(await Promise.all(dirs.map((d) => startHost({ hostJs, dataDir: d.dir, adminPassword: ADMIN_PASSWORD, readyTimeoutMs: 240_000 })))))
    const [a, b] = hosts as [HostHandle, HostHandle]
    for (const h of hosts) {
      await expect
        .poll(async () => (await h.api<{ ingest: { broker: { state: string } } }>('system.status', {})).ingest.broker.state, { timeout: 30_000 })
        .toBe('connected')
    }
    const [tokenA, tokenB] = await Promise.all([dispatcherToken(a), dispatcherToken(b)])
    const [wallA, wallB] = [await openWall(browser, a, errors), await openWall(browser, b, errors)]

    // A dispatcher enters emergency mode on wall A: wall B follows within 2 s.
    await a.api('mode.enter', { type: 'fire', level: 'II', location: { gridCode: GRID }, reason: '联动测试：厂房火情', drill: true }, tokenA)
    await expect(wallB.getByTestId('wall')).toHaveAttribute('data-mode', 'emergency', { timeout: 2_000 })
    await expect(wallA.getByTestId('wall')).toHaveAttribute('data-mode', 'emergency')
    const incidentA = (await a.api<{ incident: { id: string } }>('incidents.current', {})).incident
    const incidentB = (await b.api<{ incident: { id: string } }>('incidents.current', {})).incident
    expect(incidentB.id).toBe(incidentA.id)
    for (const wall of [wallA, wallB]) {
      await expect(wall.getByTestId('incident-header')).toContainText('火灾')
      await expect(wall.getByTestId('incident-drill')).toBeVisible()
      await expect(wall.getByTestId('task-list')).toBeVisible()
    }

    // Wall A dispatches the nearest vanguard member from the resources panel, signing in in the dialog.
    const vanguard = wallA.getByTestId('resources-vanguard').locator('[role="button"]').first()
    const staffId = await vanguard.getAttribute('data-id')
    await vanguard.click()
    const dialog = wallA.getByTestId('dispatch-dialog')
    await expect(dialog.getByTestId('dispatch-signin')).toBeVisible()
    await field(wallA, 'signin-username').fill('walldisp')
    await field(wallA, 'signin-password').fill(PASSWORD)
    await wallA.getByTestId('signin-submit').click()
    await field(wallA, 'dispatch-instruction').fill('前往厂房北门疏散群众')
    await wallA.getByTestId('dispatch-send').click()
    await expect(dialog).toBeHidden()

    const [task] = await a.api<{ id: string; assigneeId: string; status: string }[]>('tasks.list', {})
    expect(task).toMatchObject({ assigneeId: staffId, status: 'sent' })
    const rowOf = (wall: Page) => wall.locator(`[data-testid="task-row"][data-task-id="${task!.id}"]`)
    for (const wall of [wallA, wallB]) {
      await expect(rowOf(wall)).toHaveAttribute('data-status', 'sent')
      await expect(rowOf(wall)).toContainText('前往厂房北门疏散群众')
    }

    // The assignee's phone replies: on scene. Both walls move the task and log the reply.
    const phone = await connectAsync(broker.url, { clientId: `e2e-phone-${Date.now()}`, protocolVersion: 5 })
    try {
      const reply = { schemaVersion: 1, id: `reply-${Date.now()}`, taskId: task!.id, status: 'onScene', at: Date.now(), actor: staffId, note: '已到北门' }
      await phone.publishAsync(`gcc/task-replies/${task!.id}`, JSON.stringify(reply), { qos: 1 })
    } finally {
      await phone.endAsync()
    }
    for (const wall of [wallA, wallB]) {
      await expect(rowOf(wall)).toHaveAttribute('data-status', 'onScene')
      await expect(rowOf(wall)).toContainText('已到场')
      await expect(wall.getByTestId('incident-log')).toContainText('已到场：已到北门')
    }
    expect((await b.api<{ status: string }[]>('tasks.list', {}))[0]).toMatchObject({ id: task!.id, status: 'onScene' })

    // LOOK: wall A with the task and its log, at the three widths.
    for (const [width, layout] of [[1920, '16:9'], [3840, '32:9'], [5760, '48:9']] as const) {
      await wallA.setViewportSize({ width, height: 1080 })
      await expect(wallA.getByTestId('wall')).toHaveAttribute('data-layout', layout)
      await expect(wallA.getByTestId('district-map')).toHaveAttribute('data-settled', 'true')
      await wallA.waitForTimeout(800)
      await wallA.screenshot({ path: `test-results/emergency-tasks-${width}x1080.png` })
    }
    await wallA.setViewportSize({ width: 1920, height: 1080 })

    // Leaving from wall B brings both back to the normal wall.
    await b.api('mode.leave', { summary: '联动测试结束' }, tokenB)
    for (const wall of [wallB, wallA]) {
      await expect(wall.getByTestId('wall')).toHaveAttribute('data-mode', 'normal')
      await expect(wall.getByTestId('panel-kpis')).toBeVisible()
      await expect(wall.getByTestId('incident-header')).toHaveCount(0)
    }
    expect(await a.api('incidents.current', {})).toBeNull()
    expect(errors).toEqual([])
  } finally {
    for (const h of hosts) {
      const code = await h.stop()
      if (code !== 0) console.log(`[walls] host exit ${code}:\n${h.output().slice(-2000)}`)
    }
    await broker?.dispose()
    for (const d of dirs) d.remove()
  }
})
