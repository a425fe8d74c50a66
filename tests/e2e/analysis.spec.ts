import { expect, test } from '@playwright/test'
import { call } from './support/map'
import { showInCarousel } from './support/carousel'

/**
 * Analysis (hot-spot areas and hours, hot resident demands) at 1920×1080: the heat layer is
 * switched on from the map's layer toggles and draws one point per cell of stats.heat (the map's
 * `data-heat-cells`), for the period and category chosen on its controls; the hour × weekday
 * panel names the busiest hour of stats.hourWeekday for the same choice; the hot-demand panel
 * lists stats.hotDemands' categories, rising first, with their counts and rises. Then the 32:9
 * wall shows both panels side by side with the heat layer on.
 */

const weekdays = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** The panel's "高峰：周五 18–19时，30 件" for an hour × weekday answer. */
function peakText(counts: number[][]): string {
  let best = { w: 0, h: 0, n: 0 }
  counts.forEach((row, w) => row.forEach((n, h) => (n > best.n ? (best = { w, h, n }) : null)))
  return `高峰：${weekdays[best.w]} ${best.h}–${best.h + 1}时，${best.n} 件`
}

test('the heat layer, the hour × weekday matrix and the hot demands show the API’s figures', async ({ page, request }, testInfo) => {
  test.setTimeout(240_000) // WebGL runs on SwiftShader here
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const district = (await call(request, 'system.status')).value.district.code as string

  await page.goto('/')
  const map = page.getByTestId('district-map')
  await expect(map).toHaveAttribute('data-ready', 'true')
  await expect(map).toHaveAttribute('data-heat-state', 'off')

  // Heat on: 30 days, every category, at first.
  const toggle = page.getByTestId('layer-toggles').locator('[data-layer="heat"]')
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await expect(map).toHaveAttribute('data-heat-state', 'ok')
  const heat30 = (await call(request, 'stats.heat', { areaCode: district, days: 30 })).value
  expect(heat30.count.length).toBeGreaterThan(50)
  await expect(map).toHaveAttribute('data-heat-cells', String(heat30.count.length))
  const controls = page.getByTestId('heat-controls')
  await expect(controls.getByTestId('heat-period')).toHaveAttribute('data-value', '30')
  await expect(controls.getByTestId('heat-summary')).toHaveAttribute('data-total', String(heat30.total))
  await expect(controls.getByTestId('heat-summary')).toContainText(heat30.total.toLocaleString('zh-CN'))
  await expect(map).toHaveAttribute('data-settled', 'true')
  const png0 = await page.screenshot({ path: 'test-results/analysis-1920x1080-heat.png' })
  await testInfo.attach('analysis-1920x1080-heat', { body: png0, contentType: 'image/png' })

  // 7 days of city management (城市管理): the layer and the matrix follow the choice.
  await controls.getByTestId('heat-period').locator('button[data-value="7"]').click()
  await controls.getByTestId('heat-category').selectOption('cityManagement')
  const choice = { areaCode: district, days: 7, category: 'cityManagement' }
  const heat7 = (await call(request, 'stats.heat', choice)).value
  expect(heat7.total).toBeGreaterThan(0)
  expect(heat7.total).toBeLessThan(heat30.total)
  await expect(map).toHaveAttribute('data-heat-cells', String(heat7.count.length))
  await expect(controls.getByTestId('heat-summary')).toHaveAttribute('data-total', String(heat7.total))

  await showInCarousel(page, 'hourWeekday')
  const matrixPanel = page.getByTestId('panel-hourWeekday')
  await expect(matrixPanel).toContainText('热点时段 · 城市管理')
  await expect(matrixPanel.getByTestId('hour-weekday-period')).toHaveAttribute('data-value', '7')
  const matrix = (await call(request, 'stats.hourWeekday', choice)).value
  expect(matrix.total).toBe(heat7.total)
  const peak = matrixPanel.getByTestId('hour-weekday-peak')
  await expect(peak).toHaveAttribute('data-total', String(matrix.total))
  await expect(peak).toHaveAttribute('data-max', String(matrix.max))
  await expect(peak).toHaveText(peakText(matrix.counts))
  const png1 = await page.screenshot({ path: 'test-results/analysis-1920x1080-hours.png' })
  await testInfo.attach('analysis-1920x1080-hours', { body: png1, contentType: 'image/png' })

  // The matrix's own period buttons move the map's heat too.
  await matrixPanel.getByTestId('hour-weekday-period').locator('button[data-value="90"]').click()
  const heat90 = (await call(request, 'stats.heat', { ...choice, days: 90 })).value
  await expect(map).toHaveAttribute('data-heat-cells', String(heat90.count.length))
  await expect(peak).toHaveText(peakText((await call(request, 'stats.hourWeekday', { ...choice, days: 90 })).value.counts))

  // Hot demands: the API's order (most rise first), counts and rises.
  await showInCarousel(page, 'hotDemands')
  const demands = (await call(request, 'stats.hotDemands', { areaCode: district })).value
  const rows = page.getByTestId('panel-hotDemands').getByTestId('hot-demand-row')
  await expect(rows.first()).toBeVisible()
  const shown = await rows.count()
  const expected = demands.rows.filter((r: { count: number; previous: number }) => r.count > 0 || r.previous > 0).slice(0, shown)
  expect(shown).toBeGreaterThanOrEqual(Math.min(5, expected.length))
  for (let i = 0; i < shown; i++) {
    const r = expected[i]
    const row = rows.nth(i)
    await expect(row).toHaveAttribute('data-category', r.category)
    await expect(row).toHaveAttribute('data-count', String(r.count))
    await expect(row).toHaveAttribute('data-previous', String(r.previous))
    await expect(row.getByTestId('hot-demand-count')).toHaveText(r.count.toLocaleString('zh-CN'))
    const pct = r.riseRate === null ? null : Math.abs(r.riseRate * 100)
    const rise = r.rise === 0 ? '持平' : pct === null ? '新增' : `${r.rise > 0 ? '+' : '−'}${pct >= 10 ? Math.round(pct) : pct.toFixed(1)}%`
    await expect(row.getByTestId('hot-demand-rise')).toContainText(rise)
    await expect(row).toBeInViewport({ ratio: 1 })
  }
  const png2 = await page.screenshot({ path: 'test-results/analysis-1920x1080-demands.png' })
  await testInfo.attach('analysis-1920x1080-demands', { body: png2, contentType: 'image/png' })

  // 32:9: both panels in fixed slots beside the map, heat still on.
  await page.setViewportSize({ width: 3840, height: 1080 })
  await expect(page.getByTestId('wall')).toHaveAttribute('data-layout', '32:9')
  for (const name of ['hourWeekday', 'hotDemands']) {
    await expect(page.getByTestId(`panel-${name}`)).toHaveAttribute('data-ready', 'true')
    await expect(page.getByTestId(`panel-${name}`)).toBeInViewport({ ratio: 1 })
  }
  await expect(map).toHaveAttribute('data-heat-cells', String(heat90.count.length))
  await expect(map).toHaveAttribute('data-settled', 'true')
  const png3 = await page.screenshot({ path: 'test-results/analysis-3840x1080.png' })
  await testInfo.attach('analysis-3840x1080', { body: png3, contentType: 'image/png' })

  // Off again: the cells are dropped.
  await page.getByTestId('layer-toggles').locator('[data-layer="heat"]').click()
  await expect(map).toHaveAttribute('data-heat-state', 'off')
  await expect(map).toHaveAttribute('data-heat-cells', '0')
  expect(errors).toEqual([])
})
