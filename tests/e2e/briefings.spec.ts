import { writeFileSync } from 'node:fs'
import { PNG } from 'pngjs'
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test'
import { encodeBriefingQuery } from '../../src/shared/briefing/query'
import type { BriefingRecord, BriefingSpec } from '../../src/shared/briefing/spec'
import { E2E_ADMIN_PASSWORD } from '../../playwright.config'
import { adminAuth, createOperator, field, signIn } from './support/operators'

/**
 * Briefings (issue 7): the wall and one panel exported as PNGs of the requested size with their
 * header band, the map and the charts drawn (pixel variance in their regions, found by rendering
 * the same briefing page here), and a scheduled briefing that fires and shows in the history.
 */
const PASSWORD = 'briefing-password-e2e'
type Rect = { x: number; y: number; width: number; height: number }

async function png(request: APIRequestContext, file: string): Promise<PNG> {
  const res = await request.get(`/briefings/${encodeURIComponent(file)}`)
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toBe('image/png')
  return PNG.sync.read(await res.body())
}

/** Standard deviation of the luminance in a region of the image: near 0 for a blank area. */
function spread(image: PNG, r: Rect): number {
  let n = 0
  let sum = 0
  let sq = 0
  for (let y = Math.floor(r.y); y < Math.floor(r.y + r.height); y += 2)
    for (let x = Math.floor(r.x); x < Math.floor(r.x + r.width); x += 2) {
      const i = (y * image.width + x) * 4
      const l = 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!
      n++
      sum += l
      sq += l * l
    }
  return Math.sqrt(sq / n - (sum / n) ** 2)
}

/** Renders the record's briefing page here: the band's text and where the map and the charts are. */
async function layoutOf(browser: Browser, baseURL: string, record: BriefingRecord): Promise<{ band: string; map: Rect | null; charts: Rect[] }> {
  const { id, target, width, height, areaCode, classification, blurSnapshots, locale, generatedAt, operator, scheduled } = record
  const spec: BriefingSpec = { id, target, width, height, areaCode, classification, blurSnapshots, locale, generatedAt, operator, scheduled }
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'America/New_York' })
  try {
    const page = await context.newPage()
    await page.goto(`${baseURL}/?${encodeBriefingQuery(spec)}`)
    await expect(page.locator('html')).toHaveAttribute('data-briefing-ready', 'true', { timeout: 60_000 })
    const rects = (els: { getBoundingClientRect(): Rect }[]): Rect[] =>
      els.map((e) => {
        const r = e.getBoundingClientRect()
        return { x: r.x, y: r.y, width: r.width, height: r.height }
      })
    const [map] = await page.getByTestId('district-map').evaluateAll(rects)
    const charts = (await page.locator('section.wall-panel canvas').evaluateAll(rects)).filter((r) => r.width > 40 && r.height > 40)
    return { band: (await page.getByTestId('briefing-band').textContent()) ?? '', map: map ?? null, charts }
  } finally {
    await context.close()
  }
}

test.describe.configure({ mode: 'serial' })

let officer = ''
test.beforeAll(async ({ request }) => {
  officer = await createOperator(request, 'brief', 'dutyOfficer', '值班员简报', PASSWORD)
})

test('the wall exported from its dialog: a 1920×1080 PNG with the header band, the map and charts drawn', async ({ page, request, browser, baseURL }) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')
  await page.getByTestId('briefing-open').click()
  const dialog = page.getByTestId('briefing-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('briefing-export').click()
  await expect(dialog.getByTestId('briefing-signin')).toBeVisible()
  await field(page, 'signin-username').fill(officer)
  await field(page, 'signin-password').fill(PASSWORD)
  await page.getByTestId('signin-submit').click()
  await expect(dialog.getByTestId('briefing-area-name')).toHaveText('光明区')
  await dialog.getByTestId('briefing-export').click()
  const result = dialog.getByTestId('briefing-result')
  await expect(result).toBeVisible({ timeout: 120_000 })
  const file = (await result.getAttribute('data-file'))!
  expect(file).toMatch(/^briefing-\d{8}-\d{4}-wall-440311(_\d+)?\.png$/)
  await expect(dialog.locator(`[data-testid="briefing-history-row"][data-file="${file}"]`)).toBeVisible()

  const [record] = (await (await request.post('/api/briefings.list', { data: { limit: 1 } })).json()).value as BriefingRecord[]
  expect(record).toMatchObject({ file, width: 1920, height: 1080, operator: '值班员简报', scheduled: false, classification: '内部资料 注意保密' })
  const image = await png(request, file)
  expect([image.width, image.height]).toEqual([1920, 1080])
  writeFileSync('test-results/briefing-wall-1920x1080.png', PNG.sync.write(image))

  const layout = await layoutOf(browser, baseURL!, record!)
  expect(layout.band).toContain('内部资料 注意保密')
  expect(layout.band).toContain('态势简报')
  expect(layout.band).toContain('光明区')
  expect(layout.band).toContain('值班员简报')
  // The band itself carries text (not an empty strip), the map and every chart are drawn.
  expect(spread(image, { x: 0, y: 0, width: 1920, height: 80 })).toBeGreaterThan(10)
  expect(layout.map).not.toBeNull()
  expect(spread(image, layout.map!)).toBeGreaterThan(15)
  expect(layout.charts.length).toBeGreaterThanOrEqual(3)
  for (const chart of layout.charts) expect(spread(image, chart), JSON.stringify(chart)).toBeGreaterThan(5)
})

test('one panel exported at 1280×720, and a scheduled briefing that fires and joins the history', async ({ page, request, browser, baseURL }) => {
  test.setTimeout(240_000)
  const auth = { authorization: `Bearer ${await signIn(request, officer, PASSWORD)}` }
  const exported = await request.post('/api/briefings.export', {
    headers: auth,
    data: { target: { kind: 'panel', panel: 'trend' }, width: 1280, height: 720, areaCode: '440311', classification: '内部资料' },
    timeout: 120_000
  })
  const record = (await exported.json()).value as BriefingRecord
  expect(record).toMatchObject({ target: { kind: 'panel', panel: 'trend' }, width: 1280, height: 720 })
  const image = await png(request, record.file)
  expect([image.width, image.height]).toEqual([1280, 720])
  writeFileSync('test-results/briefing-panel-trend-1280x720.png', PNG.sync.write(image))
  const layout = await layoutOf(browser, baseURL!, record)
  expect(layout.band).toContain('事件趋势')
  expect(layout.charts).toHaveLength(1)
  expect(spread(image, layout.charts[0]!)).toBeGreaterThan(5)

  // The schedule set to the coming minute (Shanghai); it fires and the image is in the history.
  const admin = await adminAuth(request)
  const shanghai = new Date(Date.now() + 8 * 3_600_000 + (new Date().getUTCSeconds() > 50 ? 120_000 : 60_000))
  const time = `${String(shanghai.getUTCHours()).padStart(2, '0')}:${String(shanghai.getUTCMinutes()).padStart(2, '0')}`
  const configured = await request.post('/api/briefings.configure', {
    headers: admin,
    data: { enabled: true, times: [time], targets: [{ kind: 'panel', panel: 'kpis' }], width: 1280, height: 720, areaCode: null }
  })
  expect((await configured.json()).ok).toBe(true)
  try {
    // The console's schedule form shows it, and when it fires next.
    await page.goto('/#/console')
    await field(page, 'signin-username').fill('admin')
    await field(page, 'signin-password').fill(E2E_ADMIN_PASSWORD)
    await page.getByTestId('signin-submit').click()
    await expect(field(page, 'briefing-schedule-times')).toHaveValue(time)
    await expect(page.getByTestId('briefing-schedule-next')).toContainText(time)
    // The retention the configure call left to its default.
    await expect(field(page, 'briefing-schedule-keep-days')).toHaveValue('180')
    await page.getByTestId('briefing-schedule').screenshot({ path: 'test-results/console-briefing-schedule.png' })
    await expect
      .poll(
        async () => {
          const list = (await (await request.post('/api/briefings.list', { data: {} })).json()).value as BriefingRecord[]
          return list.find((r) => r.scheduled && r.target.kind === 'panel')?.file ?? null
        },
        { timeout: 170_000, intervals: [2000] }
      )
      .not.toBeNull()
    const list = (await (await request.post('/api/briefings.list', { data: {} })).json()).value as BriefingRecord[]
    const fired = list.find((r) => r.scheduled)!
    expect(fired).toMatchObject({ operator: null, width: 1280, height: 720, target: { kind: 'panel', panel: 'kpis' } })
    expect((await png(request, fired.file)).width).toBe(1280)
    // The wall's history lists it as scheduled.
    await page.goto('/')
    await page.getByTestId('briefing-open').click()
    await expect(page.locator(`[data-testid="briefing-history-row"][data-file="${fired.file}"]`)).toHaveAttribute('data-scheduled', 'true')
  } finally {
    await request.post('/api/briefings.configure', { headers: admin, data: { enabled: false } })
  }
})
