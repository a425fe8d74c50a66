import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { adminAuth, createOperator, field } from './support/operators'
import { backToNormal as leave, signInInDialog as signInWith } from './support/emergency'
import { call, clickRegion } from './support/map'

/**
 * The emergency wall (issue 6): a dispatcher enters emergency mode at a grid from the wall (the map
 * click fills the grid in, Ctrl+Shift+E opens the dialog), the wall transforms, and leaving brings
 * the normal wall back; a viewer is refused by main. Every test leaves the center in normal mode
 * (the specs after this one share the server).
 */
const GRID = '440311-001-01-001'
const PASSWORD = 'emergency-password-e2e'

const backToNormal = (request: APIRequestContext, dispatcher: string): Promise<void> => leave(request, dispatcher, PASSWORD)
const signInInDialog = (page: Page, username: string): Promise<void> => signInWith(page, username, PASSWORD)

test.describe.configure({ mode: 'serial' })

let dispatcher = ''
test.beforeAll(async ({ request }) => {
  dispatcher = await createOperator(request, 'emdisp', 'dispatcher', '应急调度员', PASSWORD)
})
test.afterAll(async ({ request }) => {
  await backToNormal(request, dispatcher)
})

test('a viewer signed in on the wall is refused (FORBIDDEN) and the mode stays normal', async ({ page, request }) => {
  const viewer = await createOperator(request, 'emview', 'viewer', '大屏观察员', PASSWORD)
  try {
    await page.goto('/')
    await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')
    await page.keyboard.press('Control+Shift+KeyE')
    await signInInDialog(page, viewer)
    await field(page, 'mode-grid').fill(GRID)
    await field(page, 'mode-reason').fill('观察员试图切换')
    await page.getByTestId('mode-confirm').click()
    await expect(page.getByTestId('emergency-error')).toHaveAttribute('data-code', 'FORBIDDEN')
    await expect(page.getByTestId('emergency-error')).toContainText(/权限|dispatcher/)
    const status = await call(request, 'system.status')
    expect(status.value.mode).toBe('normal')
    await expect(page.getByTestId('wall')).toHaveAttribute('data-mode', 'normal')
  } finally {
    await backToNormal(request, dispatcher)
  }
})

test('a dispatcher enters emergency mode at a grid from the wall, the wall transforms, and leaving restores it', async ({ page, request }) => {
  // Three map drills, two walls of screenshots (5760 px wide) and the way back.
  test.setTimeout(180_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    await page.goto('/')
    const wall = page.getByTestId('wall')
    const map = page.getByTestId('district-map')
    await expect(map).toHaveAttribute('data-ready', 'true')
    await expect(wall).toHaveAttribute('data-mode', 'normal')

    // The grid chosen by clicking the map (district → street → community → grid), then the shortcut.
    const district = await call(request, 'map.district')
    const grid = district.value.grids.find((g: { code: string }) => g.code === GRID)
    for (const code of [grid.parentCode.split('-').slice(0, 2).join('-'), grid.parentCode, GRID]) await clickRegion(page, code)
    await page.keyboard.press('Control+Shift+KeyE')
    await signInInDialog(page, dispatcher)
    await expect(field(page, 'mode-grid')).toHaveValue(GRID)
    await field(page, 'mode-reason').fill('e2e 演练：某小区火情')
    await page.getByTestId('mode-drill').click()
    await page.getByTestId('mode-confirm').click()

    // The wall switches: theme, incident header (drill), rings on the map, ring summary = the API.
    await expect(wall).toHaveAttribute('data-mode', 'emergency')
    await expect(wall).toHaveClass(/wall--emergency/)
    const header = page.getByTestId('incident-header')
    await expect(header).toContainText('火灾')
    await expect(header).toContainText(grid.name)
    await expect(page.getByTestId('incident-drill')).toBeVisible()
    await expect(page.getByTestId('title-drill')).toBeVisible()
    await expect(page).toHaveTitle(/演练/)
    const rings = (await call(request, 'incidents.rings')).value
    expect(rings.drill).toBe(true)
    await expect(map).toHaveAttribute('data-incident-rings', String(rings.ringsM.length))
    const summary = page.getByTestId('ring-summary')
    await expect(summary).toHaveAttribute('data-rings', String(rings.rings.length))
    for (const [i, r] of rings.rings.entries())
      for (const f of ['grids', 'buildings', 'residents', 'elderlyAlone', 'disabled', 'underCare'])
        await expect(summary.getByTestId(`ring-row-${i}`).locator(`[data-field="${f}"]`)).toHaveAttribute('data-value', String(r[f]))
    await expect(page.getByTestId('incident-log')).toContainText('演练')
    await expect(page.getByTestId('carousel')).toHaveCount(0)
    const clock = page.getByTestId('incident-clock')
    const t0 = await clock.textContent()
    await expect(clock).not.toHaveText(t0 ?? '')

    // LOOK: the emergency wall at 1920×1080 and 5760×1080.
    await expect(map).toHaveAttribute('data-settled', 'true')
    await page.waitForTimeout(800)
    await page.screenshot({ path: 'test-results/emergency-1920x1080.png' })
    await page.setViewportSize({ width: 3840, height: 1080 })
    await expect(wall).toHaveAttribute('data-layout', '32:9')
    await expect(map).toHaveAttribute('data-settled', 'true')
    await page.waitForTimeout(800)
    await page.screenshot({ path: 'test-results/emergency-3840x1080.png' })
    await page.setViewportSize({ width: 5760, height: 1080 })
    await expect(wall).toHaveAttribute('data-layout', '48:9')
    await expect(map).toHaveAttribute('data-settled', 'true')
    await page.waitForTimeout(1200)
    await page.screenshot({ path: 'test-results/emergency-5760x1080.png' })
    await page.setViewportSize({ width: 1920, height: 1080 })

    // The same control leaves, with a summary.
    await page.getByTestId('emergency-control').click()
    await field(page, 'mode-summary').fill('演练结束，转入常态')
    await page.getByTestId('mode-confirm').click()
    await expect(wall).toHaveAttribute('data-mode', 'normal')
    await expect(page.getByTestId('panel-kpis')).toBeVisible()
    await expect(map).toHaveAttribute('data-incident-rings', '0')
    await expect(page.getByTestId('incident-header')).toHaveCount(0)
    await expect(page).not.toHaveTitle(/演练/)

    const entries = await (await request.post('/api/audit.latest', { headers: await adminAuth(request), data: { limit: 50 } })).json()
    const mine = entries.value.filter((e: { username: string }) => e.username === dispatcher)
    expect(mine.find((e: { action: string }) => e.action === 'mode.enter')).toMatchObject({ outcome: 'ok', target: 'emergency fire drill' })
    expect(mine.find((e: { action: string }) => e.action === 'mode.leave')).toMatchObject({ outcome: 'ok', target: 'normal' })
    expect(errors).toEqual([])
  } finally {
    await backToNormal(request, dispatcher)
  }
})
