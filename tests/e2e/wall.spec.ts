import { expect, test, type Locator } from '@playwright/test'
import { showInCarousel } from './support/carousel'

/** How many distinct colours a canvas inside `container` shows: a blank map or chart has one or two. */
async function distinctColours(container: Locator): Promise<number> {
  return container.evaluate((el) => {
    const colours = new Set<number>()
    for (const canvas of el.querySelectorAll('canvas')) {
      const ctx = canvas.getContext('2d')
      if (!ctx || canvas.width === 0) continue
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
    }
    return colours.size
  })
}

test('the wall renders at 1920×1080 with the district map and a chart with data', async ({ page, request }, testInfo) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))

  await page.goto('/')
  await expect(page.getByTestId('title-bar')).toContainText('网格化治理指挥中心')
  const map = page.getByTestId('district-map')
  const chart = page.getByTestId('events-chart')
  await expect(map).toHaveAttribute('data-ready', 'true')
  // Events by street rotates in the 16:9 carousel: hold it there.
  await showInCarousel(page, 'byArea', false)
  await expect(chart).toHaveAttribute('data-ready', 'true')
  expect(await distinctColours(map)).toBeGreaterThan(6)
  expect(await distinctColours(chart)).toBeGreaterThan(3)

  // Every street appears on the chart's data: compare with a direct query of the same API.
  const status = await (await request.post('/api/system.status', { data: {} })).json()
  const byArea = await (await request.post('/api/stats.eventsByArea', { data: { areaCode: status.value.district.code, days: 30 } })).json()
  expect(byArea.value.rows).toHaveLength(6)
  expect(byArea.value.rows.every((r: { reported: number }) => r.reported > 0)).toBe(true)

  await expect(page.getByTestId('mode-badge')).toContainText('常态')
  await expect(page.getByTestId('panel-kpis')).toBeVisible()
  await expect(page.getByTestId('area-breadcrumb')).toContainText(status.value.district.name)

  const png = await page.screenshot({ path: 'test-results/wall-1920x1080.png' })
  await testInfo.attach('wall-1920x1080', { body: png, contentType: 'image/png' })
  expect(errors).toEqual([])
})

test('the clock shows Shanghai time although the browser runs in New York', async ({ page }) => {
  await page.goto('/')
  const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date())
  await expect(page.getByTestId('clock')).toContainText(expected.slice(0, 2))
})
