import { expect, test } from '@playwright/test'
import { call, clickRegion } from './support/map'
import { expectKpisAsShown } from './support/kpis'

/**
 * The wall's map at 1920×1080: drill down by clicking district → street → community → grid, and
 * check what the rest of the wall and the grid card show against direct API calls.
 * Clicks go through the map's documented test hook `window.__gccMapTest.pixelOf(code)`: the
 * viewport pixel of a point well inside the region (not the centroid).
 */

test('click a street, a community and a grid: the wall follows, the grid card lists its workers', async ({ page, request }) => {
  test.setTimeout(180_000) // WebGL runs on SwiftShader here: each animated fit takes a while
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  await page.goto('/')
  const map = page.getByTestId('district-map')
  await expect(map).toHaveAttribute('data-ready', 'true')
  await expect(page.getByTestId('metric-selector')).toBeVisible()
  await expect(page.getByTestId('layer-toggles')).toBeVisible()
  const district = (await call(request, 'map.district')).value
  expect(await map.getAttribute('data-selected-area')).toBe(district.district.code)
  await page.screenshot({ path: 'test-results/map-district.png' })

  // Street
  const street = district.streets[1]
  await clickRegion(page, street.code)
  await expect(page.getByTestId('area-breadcrumb')).toContainText(street.name)
  await expectKpisAsShown(page, request, street.code)
  await page.screenshot({ path: 'test-results/map-street.png' })

  // Community of that street
  const community = district.communities.find((c: { parentCode: string }) => c.parentCode === street.code)
  await clickRegion(page, community.code)
  await expect(page.getByTestId('area-breadcrumb')).toContainText(community.name)
  await expectKpisAsShown(page, request, community.code)
  await page.screenshot({ path: 'test-results/map-community.png' })

  // Grid of that community
  const grid = district.grids.find((g: { parentCode: string }) => g.parentCode === community.code)
  await clickRegion(page, grid.code)
  const card = page.getByTestId('grid-detail')
  await expect(card).toBeVisible()
  await expect(card).toHaveAttribute('data-code', grid.code)
  await expectKpisAsShown(page, request, grid.code)
  const detail = await call(request, 'region.gridDetail', { gridCode: grid.code })
  expect(detail.ok).toBe(true)
  await expect(card).toHaveAttribute('data-state', 'ok')
  const shown = await card.getByTestId('grid-worker').evaluateAll((els) => els.map((e) => e.getAttribute('data-staff-id')).sort())
  expect(shown.length).toBeGreaterThan(0)
  expect(shown).toEqual(detail.value.staff.map((s: { id: string }) => s.id).sort())
  for (const s of detail.value.staff) await expect(card.locator(`[data-staff-id="${s.id}"]`)).toContainText(s.phone)
  await page.screenshot({ path: 'test-results/map-grid.png' })

  await card.getByTestId('grid-detail-close').click()
  await expect(card).toHaveCount(0)
  expect(errors).toEqual([])
})

test('metric selector, layer toggles and buildings at street zoom', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/')
  const map = page.getByTestId('district-map')
  await expect(map).toHaveAttribute('data-ready', 'true')
  const selector = page.getByTestId('metric-selector')
  await expect(selector).toHaveAttribute('data-value', 'eventsToday')
  await selector.locator('[data-metric="openEvents"]').click()
  await expect(selector).toHaveAttribute('data-value', 'openEvents')
  await expect(map).not.toHaveAttribute('data-metric-state', 'loading')
  await expect(map).toHaveAttribute('data-metric-state', 'ok')
  expect(await page.getByTestId('map-legend').getByTestId('legend-class').count()).toBeGreaterThan(0)

  const toggle = page.getByTestId('layer-toggles').locator('[data-layer="cameras"]')
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()

  // Zoom in on a street: buildings appear (WebGL), the legend stops asking to zoom.
  const district = await page.evaluate(() => (globalThis as any).__gccMapTest.view())
  await page.evaluate(([c]) => (globalThis as any).__gccMapTest.setView(c, 14.6), [district.center])
  await expect(page.getByTestId('map-legend')).not.toContainText('放大至街道级')
  await page.waitForTimeout(500)
  await page.screenshot({ path: 'test-results/map-buildings.png' })
})
