import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { connectAsync } from 'mqtt'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { E2E_ADMIN_PASSWORD } from '../../playwright.config'
import { field } from './support/operators'

async function openWall(page: Page): Promise<Locator> {
  await page.goto('/')
  const feed = page.getByTestId('panel-alerts')
  await expect(feed).toHaveAttribute('data-ready', 'true')
  await expect(feed.locator('[data-state="error"]')).toHaveCount(0)
  return feed
}

test('the alert feed shows the demo alerts newest first, with today’s counts by type', async ({ page, request }) => {
  const feed = await openWall(page)
  const rows = feed.getByTestId('alert-row')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBeGreaterThan(5)

  // Newest first: the times of the first rows do not increase (all within the last 24 h, Shanghai time).
  const times = await feed.locator('.alert-row__time').allInnerTexts()
  for (const t of times) expect(t).toMatch(/^\d{2}:\d{2}:\d{2}$/)

  // Every type has a counter; the figures are the server's for the district.
  const status = await (await request.post('/api/system.status', { data: {} })).json()
  const counts = await (await request.post('/api/alerts.counts', { data: { areaCode: status.value.district.code } })).json()
  expect(counts.ok).toBe(true)
  const counters = feed.getByTestId('alert-counters').locator('li')
  await expect(counters).toHaveCount(9)
  for (const [type, n] of Object.entries(counts.value.byType as Record<string, number>)) {
    await expect(feed.locator(`[data-testid="alert-counters"] li[data-type="${type}"] [data-testid="alert-counter-count"]`)).toHaveText(String(n))
  }
  await expect(feed.getByTestId('alert-open-count')).toContainText(String(counts.value.open))

  // The broker link is in the title bar.
  expect(status.value.ingest).not.toBeNull()
  await expect(page.getByTestId('broker-state')).toHaveAttribute('data-state', 'connected')

  // The mute switch is remembered on this screen.
  const mute = page.getByTestId('alert-mute')
  const before = await mute.getAttribute('data-muted')
  await mute.click()
  await expect(mute).not.toHaveAttribute('data-muted', before!)
  await page.reload()
  await expect(page.getByTestId('alert-mute')).not.toHaveAttribute('data-muted', before!)
  await page.getByTestId('alert-mute').click()

  const png = await page.screenshot({ path: 'test-results/wall-alerts-1920x1080.png' })
  await test.info().attach('wall-alerts-1920x1080', { body: png, contentType: 'image/png' })
})

/** Opens the wall and the first new alert; returns the feed, its row and the detail card. */
async function openNewAlert(page: Page): Promise<{ feed: Locator; detail: Locator; id: string; byId: Locator }> {
  const feed = await openWall(page)
  const row = feed.locator('[data-testid="alert-row"][data-status="new"]').first()
  await expect(row).toBeVisible()
  const id = (await row.getAttribute('data-alert-id'))!
  await row.click()
  const detail = page.getByTestId('alert-detail')
  await expect(detail).toHaveAttribute('data-selected-alert', id)
  return { feed, detail, id, byId: feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`) }
}

test('a click opens the alert and selects it for the map; a viewer who presses 确认 is asked to sign in, and refused by main', async ({ page, request }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const feed = await openWall(page)

  const row = feed.locator('[data-testid="alert-row"][data-status="new"]').first()
  await expect(row).toBeVisible()
  const id = (await row.getAttribute('data-alert-id'))!
  const byId = feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)
  await row.click()

  // Detail card and feed both name the selection (the map's alert layer follows the same selection).
  const detail = page.getByTestId('alert-detail')
  await expect(detail).toBeVisible()
  await expect(detail).toHaveAttribute('data-selected-alert', id)
  await expect(feed).toHaveAttribute('data-selected-alert', id)
  await expect(byId).toHaveAttribute('aria-pressed', 'true')
  await expect(detail).toHaveAttribute('data-status', 'new')
  await expect(detail).toBeInViewport()

  // Nobody signed in: the handling buttons ask for a sign-in instead of failing.
  await detail.getByTestId('alert-acknowledge').click()
  await expect(detail.getByTestId('alert-signin')).toBeVisible()
  await expect(detail.getByTestId('alert-signin')).toContainText('值班员')
  const shot = await page.screenshot({ path: 'test-results/wall-alerts-signin-1920x1080.png' })
  await test.info().attach('wall-alerts-signin', { body: shot, contentType: 'image/png' })

  // A signed-in viewer is refused by main; the card shows the server's message and leaves the alert as it was.
  const admin = await (await request.post('/api/auth.signIn', { data: { username: 'admin', password: E2E_ADMIN_PASSWORD } })).json()
  expect(admin.ok, JSON.stringify(admin)).toBe(true)
  const username = `wallviewer${Date.now() % 100000}`
  const created = await request.post('/api/operators.create', {
    headers: { authorization: `Bearer ${admin.value.token}` },
    data: { username, displayName: '大屏观察员', role: 'viewer', password: 'viewer-password-e2e' }
  })
  expect(created.status()).toBe(200)
  await field(page, 'signin-username').fill(username)
  await field(page, 'signin-password').fill('viewer-password-e2e')
  await page.getByTestId('signin-submit').click()
  await expect(detail.getByTestId('alert-operator')).toContainText('大屏观察员')
  await detail.getByTestId('alert-acknowledge').click()
  const refusal = detail.getByTestId('alert-action-error')
  await expect(refusal).toHaveAttribute('data-code', 'FORBIDDEN')
  await expect(refusal).toContainText(/权限不足|dutyOfficer|值班员/)
  await expect(detail).toHaveAttribute('data-status', 'new')
  await expect(byId).toHaveAttribute('data-status', 'new')

  expect(errors).toEqual([])
})

test('a duty officer signs in on the card, then acknowledges, dispatches and dismisses', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const { feed, detail, byId } = await openNewAlert(page)
  await detail.getByTestId('alert-acknowledge').click()
  await expect(detail.getByTestId('alert-signin')).toBeVisible()

  // A wrong password is refused with the server's message.
  await field(page, 'signin-username').fill('admin')
  await field(page, 'signin-password').fill('wrong-password')
  await page.getByTestId('signin-submit').click()
  await expect(detail.getByTestId('alert-action-error')).toBeVisible()

  await field(page, 'signin-username').fill('admin')
  await field(page, 'signin-password').fill(E2E_ADMIN_PASSWORD)
  await page.getByTestId('signin-submit').click()
  await expect(detail.getByTestId('alert-operator')).toBeVisible()
  await expect(detail.getByTestId('alert-signin')).toHaveCount(0)

  // 确认 → acknowledged, in the card and in the feed row.
  await detail.getByTestId('alert-acknowledge').click()
  await expect(detail.getByTestId('alert-action-error')).toHaveCount(0)
  await expect(detail).toHaveAttribute('data-status', 'acknowledged')
  await expect(byId).toHaveAttribute('data-status', 'acknowledged')
  await expect(detail.getByTestId('alert-acknowledge')).toBeDisabled()
  await expect(detail.getByTestId('alert-detail-handled-by')).toHaveText('admin')

  // 派发 with a note → dispatched, an event is linked; nothing more can be done with it.
  await detail.getByTestId('alert-dispatch').click()
  await field(page, 'alert-dispatch-note').fill('请网格员现场核实')
  await detail.getByTestId('alert-dispatch-confirm').click()
  await expect(detail).toHaveAttribute('data-status', 'dispatched')
  await expect(byId).toHaveAttribute('data-status', 'dispatched')
  await expect(detail.getByTestId('alert-detail-event')).not.toBeEmpty()
  await expect(detail.getByTestId('alert-dispatch')).toBeDisabled()
  await expect(detail.getByTestId('alert-dismiss')).toBeDisabled()

  const png = await page.screenshot({ path: 'test-results/wall-alerts-detail-1920x1080.png' })
  await test.info().attach('wall-alerts-detail-1920x1080', { body: png, contentType: 'image/png' })

  // Another new alert is dismissed as a false positive with a reason.
  const other = feed.locator('[data-testid="alert-row"][data-status="new"]').first()
  const otherId = (await other.getAttribute('data-alert-id'))!
  await other.click()
  await expect(detail).toHaveAttribute('data-selected-alert', otherId)
  await detail.getByTestId('alert-dismiss').click()
  await expect(detail.getByTestId('alert-dismiss-confirm')).toBeDisabled()
  await detail.getByTestId('alert-dismiss-reason').click()
  await page.getByRole('option', { name: '误报' }).click()
  await detail.getByTestId('alert-dismiss-confirm').click()
  await expect(detail).toHaveAttribute('data-status', 'dismissed')
  await expect(feed.locator(`[data-testid="alert-row"][data-alert-id="${otherId}"]`)).toHaveAttribute('data-status', 'dismissed')

  // Escape closes the card and clears the selection.
  await detail.locator('h2').first().click()
  await page.keyboard.press('Escape')
  await expect(detail).toHaveCount(0)
  await expect(feed).toHaveAttribute('data-selected-alert', '')
  expect(errors).toEqual([])
})

test('a camera alert published to the broker reaches the feed, the counters and the map', async ({ page, request }) => {
  const feed = await openWall(page)
  const status = (await (await request.post('/api/system.status', { data: {} })).json()).value
  expect(status.ingest.broker).toMatchObject({ embedded: true, state: 'connected' })
  const cameras = (await (await request.post('/api/map.cameras', { data: {} })).json()).value as { id: string; online: boolean }[]
  const camera = cameras.find((c) => c.online)!
  const markers = (): Promise<number> => page.evaluate(() => (globalThis as any).__gccMapTest.alertCount())
  await expect.poll(markers).toBeGreaterThan(0)
  const before = await markers()
  const fireCounter = feed.locator('[data-testid="alert-counters"] li[data-type="fireSmoke"] [data-testid="alert-counter-count"]')
  const firesBefore = Number(await fireCounter.innerText())

  const client = await connectAsync(`mqtt://${status.ingest.broker.url}`, { clientId: `e2e-camera-${Date.now()}` })
  try {
    const id = `e2e-${Date.now()}`
    const payload = { schemaVersion: 1, id, cameraId: camera.id, type: 'fireSmoke', score: 0.97, time: Date.now() }
    await client.publishAsync(`alerts/${camera.id}`, JSON.stringify(payload), { qos: 1 })
    // A redelivered copy of the same message changes nothing but its repeat count.
    await client.publishAsync(`alerts/${camera.id}`, JSON.stringify(payload), { qos: 1 })
    const row = feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)
    await expect(row).toBeVisible()
    await expect(row).toHaveAttribute('data-status', 'new')
    await expect(feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)).toHaveCount(1)
    await expect(fireCounter).toHaveText(String(firesBefore + 1))
    await expect.poll(markers).toBe(before + 1)
    await expect(page.getByTestId('broker-last')).toContainText(/\d{2}:\d{2}:\d{2}/)
    await expect.poll(async () => (await (await request.post('/api/alerts.get', { data: { id } })).json()).value.messages).toBe(2)
    const png = await page.screenshot({ path: 'test-results/wall-alert-live-1920x1080.png' })
    await test.info().attach('wall-alert-live-1920x1080', { body: png, contentType: 'image/png' })
  } finally {
    await client.endAsync()
  }
})

test('a Frigate new / update / end sequence is one alert on the wall', async ({ page, request }) => {
  const feed = await openWall(page)
  const status = (await (await request.post('/api/system.status', { data: {} })).json()).value
  const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/frigate/events-update.doc.json', import.meta.url)), 'utf8'))
  const trackedId = `e2e-${Date.now()}`
  const start = Date.now() / 1000 - 5
  const tracked = { ...fixture.after, id: trackedId, start_time: start, frame_time: start, false_positive: false }
  const client = await connectAsync(`mqtt://${status.ingest.broker.url}`, { clientId: `e2e-frigate-${Date.now()}` })
  try {
    for (const type of ['new', 'update', 'end']) {
      const message = { type, before: tracked, after: { ...tracked, end_time: type === 'end' ? start + 4 : null } }
      await client.publishAsync('frigate/events', JSON.stringify(message), { qos: 1 })
    }
  } finally {
    await client.endAsync()
  }
  const id = `frigate:front_door:${trackedId}`
  const row = feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)
  await expect(row).toHaveCount(1)
  await expect(row).toHaveAttribute('data-type', 'intrusion')
  await expect
    .poll(async () => (await (await request.post('/api/alerts.get', { data: { id } })).json()).value)
    .toMatchObject({ format: 'frigate', cameraId: 'CAM000001', messages: 3, ended: true })
  await expect(feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)).toHaveCount(1)
})

test('in a burst the feed updates in place, every alert listed, and animates again once it is calm', async ({ page, request }) => {
  const feed = await openWall(page)
  const list = feed.getByTestId('alert-feed')
  await expect(list).toHaveAttribute('data-flooded', 'false')
  const status = (await (await request.post('/api/system.status', { data: {} })).json()).value
  const cameras = (await (await request.post('/api/map.cameras', { data: {} })).json()).value as { id: string; online: boolean }[]
  const camera = cameras.find((c) => c.online)!
  const client = await connectAsync(`mqtt://${status.ingest.broker.url}`, { clientId: `e2e-burst-${Date.now()}` })
  const ids: string[] = []
  try {
    // Eight alerts 150 ms apart: more updates than the animations can show (feedPace.ts).
    for (let i = 0; i < 8; i++) {
      const id = `e2e-burst-${Date.now()}-${i}`
      ids.push(id)
      const payload = { schemaVersion: 1, id, cameraId: camera.id, type: 'intrusion', score: 0.8, time: Date.now() }
      await client.publishAsync(`alerts/${camera.id}`, JSON.stringify(payload), { qos: 1 })
      await page.waitForTimeout(150)
    }
  } finally {
    await client.endAsync()
  }
  await expect(list).toHaveAttribute('data-flooded', 'true')
  for (const id of ids) await expect(feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)).toHaveCount(1)
  await expect(list).toHaveAttribute('data-flooded', 'false', { timeout: 10_000 })
  for (const id of ids) await expect(feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)).toHaveCount(1)
})
