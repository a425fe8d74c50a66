import { connectAsync } from 'mqtt'
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { call } from './support/map'
import { adminAuth, createOperator, field } from './support/operators'

/**
 * The event list, the dispatcher's actions on the event card and the platform's state changes
 * over MQTT (docs/EVENTS.md), on the browser host with the embedded broker.
 */

/** One legal field action from each open status, and where it leads (src/shared/domain/event.ts). */
const platformStep: Record<string, { action: string; to: string }> = {
  reported: { action: 'accept', to: 'accepted' },
  accepted: { action: 'startHandling', to: 'handling' },
  dispatched: { action: 'startHandling', to: 'handling' },
  handling: { action: 'reportHandled', to: 'handled' },
  handled: { action: 'verify', to: 'verified' },
  verified: { action: 'close', to: 'closed' },
  escalated: { action: 'accept', to: 'accepted' },
  returned: { action: 'resume', to: 'handling' }
}

async function openWall(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')
}

/** Opens the event list drawer and waits for its first page of the district. */
async function openList(page: Page, request: APIRequestContext): Promise<Locator> {
  const district = (await call(request, 'map.district')).value.district.code as string
  await page.getByTestId('open-event-list').click()
  const total = page.getByTestId('event-list-total')
  await expect(total).toHaveAttribute('data-area', district)
  return page.getByTestId('event-list')
}

/** Picks one option of an Element Plus multi-select by its label. */
async function pick(page: Page, select: string, label: string): Promise<void> {
  await page.getByTestId(select).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
  await page.keyboard.press('Escape')
}

test('the event list filters the area’s events with the API’s totals and opens an event', async ({ page, request }) => {
  test.setTimeout(120_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await openWall(page)
  const district = (await call(request, 'map.district')).value.district.code as string
  const list = await openList(page, request)
  const total = page.getByTestId('event-list-total')

  const all = (await call(request, 'events.list', { areaCode: district, limit: 50 })).value
  await expect(total).toHaveAttribute('data-total', String(all.total))
  const rows = list.getByTestId('event-list-row')
  await expect(rows).toHaveCount(all.rows.length)
  await expect(rows.first()).toHaveAttribute('data-event-id', all.rows[0].id)

  // Overdue only, then level 3 on top: the totals follow the API's for the same filters.
  await list.getByTestId('event-filter-overdue-yes').click()
  const overdue = (await call(request, 'events.list', { areaCode: district, filters: { overdue: true }, limit: 50 })).value
  await expect(total).toHaveAttribute('data-total', String(overdue.total))
  await expect(rows.first()).toHaveAttribute('data-overdue', 'true')
  await pick(page, 'event-filter-level', '3级事件')
  const level3 = (await call(request, 'events.list', { areaCode: district, filters: { overdue: true, level: [3] }, limit: 50 })).value
  await expect(total).toHaveAttribute('data-total', String(level3.total))
  await expect(rows).toHaveCount(level3.rows.length)
  await page.screenshot({ path: 'test-results/wall-event-list-1920x1080.png' })

  // A row opens the event card beside the list.
  await rows.first().click()
  const card = page.getByTestId('event-detail')
  await expect(card).toHaveAttribute('data-event-id', level3.rows[0].id)
  await expect(card).toHaveAttribute('data-state', 'ok')
  expect(errors).toEqual([])
})

test('an event state change published on MQTT shows on the wall within 1 s', async ({ page, request }) => {
  test.setTimeout(120_000)
  await openWall(page)
  const list = await openList(page, request)
  // The newest open event of the district: first row of the list with the overdue filter off and open statuses only.
  const district = (await call(request, 'map.district')).value.district.code as string
  const open = Object.keys(platformStep)
  await pick(page, 'event-filter-status', '已派遣')
  const page1 = (await call(request, 'events.list', { areaCode: district, filters: { status: ['dispatched'] }, limit: 50 })).value
  expect(page1.rows.length, 'a dispatched event').toBeGreaterThan(0)
  const event = page1.rows[0]
  expect(open).toContain(event.status)
  const row = list.locator(`[data-testid="event-list-row"][data-event-id="${event.id}"]`)
  await row.click()
  const card = page.getByTestId('event-detail')
  const status = card.getByTestId('event-detail-status')
  await expect(status).toHaveAttribute('data-status', 'dispatched')

  const broker = (await call(request, 'system.status')).value.ingest.broker
  const client = await connectAsync(`mqtt://${broker.url}`, { clientId: `e2e-platform-${Date.now()}` })
  try {
    const step = platformStep[event.status]!
    const message = { schemaVersion: 1, id: `e2e-${Date.now()}`, eventId: event.id, action: step.action, at: Date.now(), actor: 'W-e2e' }
    await client.publishAsync(`events/${event.id}`, JSON.stringify(message), { qos: 1 })
    const published = Date.now()
    // Within a second of the broker taking it: the card, its timeline and the list row.
    await expect(status).toHaveAttribute('data-status', step.to, { timeout: 1000 })
    const elapsed = Date.now() - published
    await expect(card.getByTestId('event-timeline-step').last()).toHaveAttribute('data-action', step.action)
    await expect(card.getByTestId('event-timeline-step').last()).toContainText('W-e2e')
    test.info().annotations.push({ type: 'mqtt-to-wall', description: `${elapsed} ms` })
    const after = (await call(request, 'events.get', { id: event.id })).value
    expect(after.event.status).toBe(step.to)
  } finally {
    await client.endAsync()
  }
})

test('a viewer’s attempt to close an event is refused by main; a dispatcher closes it from the card', async ({ page, request }) => {
  test.setTimeout(120_000)
  const viewer = await createOperator(request, 'evviewer', 'viewer', '大屏观察员', 'viewer-password-e2e')
  const dispatcher = await createOperator(request, 'evdispatch', 'dispatcher', '应急调度员', 'dispatcher-password-e2e')
  await openWall(page)
  const district = (await call(request, 'map.district')).value.district.code as string
  const verified = (await call(request, 'events.list', { areaCode: district, filters: { status: ['verified'] }, limit: 1 })).value
  expect(verified.rows.length, 'a verified event, ready to close').toBe(1)
  const event = verified.rows[0]

  const list = await openList(page, request)
  await pick(page, 'event-filter-status', '已核查')
  await list.locator(`[data-testid="event-list-row"][data-event-id="${event.id}"]`).click()
  const card = page.getByTestId('event-detail')
  await expect(card).toHaveAttribute('data-event-id', event.id)
  const closeButton = card.getByTestId('event-act-close')
  await expect(closeButton).toBeEnabled()
  await expect(card.getByTestId('event-act-dispatch')).toBeDisabled()

  // Nobody signed in: the card asks for a sign-in. A viewer signs in and tries to close.
  await closeButton.click()
  await expect(card.getByTestId('event-signin')).toContainText('调度员')
  await field(page, 'signin-username').fill(viewer)
  await field(page, 'signin-password').fill('viewer-password-e2e')
  await page.getByTestId('signin-submit').click()
  await expect(card.getByTestId('event-operator')).toContainText('大屏观察员')
  await closeButton.click()
  await card.getByTestId('event-act-confirm').click()
  const refusal = card.getByTestId('event-act-error')
  await expect(refusal).toHaveAttribute('data-code', 'FORBIDDEN')
  await expect(card.getByTestId('event-detail-status')).toHaveAttribute('data-status', 'verified')
  expect((await call(request, 'events.get', { id: event.id })).value.event.status).toBe('verified')
  const audit = (await (await request.post('/api/audit.latest', { headers: await adminAuth(request), data: { limit: 50 } })).json()).value
  expect(audit.find((e: { username: string; action: string }) => e.username === viewer && e.action === 'events.act')).toMatchObject({ outcome: 'refused' })

  // The same card in a new tab (a new session), signed in as a dispatcher.
  const tab = await page.context().newPage()
  await openWall(tab)
  await openList(tab, request)
  await pick(tab, 'event-filter-status', '已核查')
  await tab.locator(`[data-testid="event-list-row"][data-event-id="${event.id}"]`).click()
  const card2 = tab.getByTestId('event-detail')
  await card2.getByTestId('event-act-close').click()
  await field(tab, 'signin-username').fill(dispatcher)
  await field(tab, 'signin-password').fill('dispatcher-password-e2e')
  await tab.getByTestId('signin-submit').click()
  await expect(card2.getByTestId('event-operator')).toContainText('应急调度员')
  await card2.getByTestId('event-act-close').click()
  await field(tab, 'event-act-note').fill('现场核查通过')
  await card2.getByTestId('event-act-confirm').click()
  await expect(card2.getByTestId('event-act-done')).toBeVisible()
  await expect(card2.getByTestId('event-detail-status')).toHaveAttribute('data-status', 'closed')
  await expect(card2.getByTestId('event-timeline-step').last()).toContainText(dispatcher)
  expect((await call(request, 'events.get', { id: event.id })).value.event.status).toBe('closed')
  await tab.screenshot({ path: 'test-results/wall-event-closed-1920x1080.png' })
})
