import { expect, test, type Page } from '@playwright/test'
import { expectKpisAsShown } from './support/kpis'

/** Canvas colours inside a panel: a blank chart shows one or two. */
async function distinctColours(page: Page, testid: string): Promise<number> {
  return page.getByTestId(testid).evaluate((el) => {
    const colours = new Set<number>()
    for (const canvas of el.querySelectorAll('canvas')) {
      const ctx = canvas.getContext('2d')
      if (!ctx || canvas.width === 0) continue
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      for (let i = 0; i < data.length; i += 4 * 53) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
    }
    return colours.size
  })
}

const sizes = [
  { width: 1920, height: 1080, layout: '16:9', panels: 6 },
  { width: 3840, height: 2160, layout: '16:9', panels: 6 },
  { width: 3840, height: 1080, layout: '32:9', panels: 13 },
  { width: 5760, height: 1080, layout: '48:9', panels: 14 }
] as const

const chartPanels = new Set(['trend', 'hourly', 'categories', 'byArea', 'sources', 'hotspots', 'hourWeekday'])

for (const size of sizes) {
  test(`the wall at ${size.width}×${size.height} shows every panel of the ${size.layout} layout with data`, async ({ page, request }, testInfo) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.setViewportSize({ width: size.width, height: size.height })
    await page.goto('/')
    await expect(page.getByTestId('wall')).toHaveAttribute('data-layout', size.layout)
    await expect(page.getByTestId('breadcrumb-district')).toBeVisible()

    // Every panel container on screen gets data (the carousel shows one of its panels at a time).
    const panels = page.locator('[data-testid^="panel-"]')
    await expect(panels).toHaveCount(size.panels)
    const names = (await panels.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))).map((n) => n.slice('panel-'.length))
    for (const name of names) {
      const panel = page.getByTestId(`panel-${name}`)
      await expect(panel, name).toHaveAttribute('data-ready', 'true')
      await expect(panel.locator('[data-state="error"]'), name).toHaveCount(0)
      await expect(panel).toBeInViewport({ ratio: 1 })
      if (chartPanels.has(name)) expect(await distinctColours(page, `panel-${name}`), name).toBeGreaterThan(3)
    }

    // The KPI tiles carry the same numbers as a direct query for the district.
    const status = await (await request.post('/api/system.status', { data: {} })).json()
    await expectKpisAsShown(page, request, status.value.district.code)

    const file = `test-results/wall-${size.width}x${size.height}.png`
    const png = await page.screenshot({ path: file })
    await testInfo.attach(`wall-${size.width}x${size.height}`, { body: png, contentType: 'image/png' })
    expect(errors).toEqual([])
  })
}

test('the carousel names its panel and position, and the space bar pauses it', async ({ page }) => {
  await page.goto('/#/?rotate=5')
  const carousel = page.getByTestId('carousel')
  const position = page.getByTestId('carousel-position')
  await expect(position).toContainText(/[1-9]\/9/)
  await expect(carousel.locator('[data-testid^="panel-"]')).toHaveCount(1)
  // It moves on by itself within the interval.
  const first = await carousel.getAttribute('data-current')
  await expect(carousel).not.toHaveAttribute('data-current', first!, { timeout: 15_000 })
  // Space holds the shown panel past several intervals; the button resumes.
  await page.keyboard.press('Space')
  await expect(carousel).toHaveAttribute('data-paused', 'true')
  const held = await carousel.getAttribute('data-current')
  await page.waitForTimeout(6000)
  await expect(carousel).toHaveAttribute('data-current', held!)
  await page.getByTestId('carousel-pause').click()
  await expect(carousel).toHaveAttribute('data-paused', 'false')
  await expect(carousel).not.toHaveAttribute('data-current', held!, { timeout: 15_000 })
})
