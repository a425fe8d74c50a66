import { expect, test } from '@playwright/test'
import { call, clickRegion } from './support/map'
import { showInCarousel } from './support/carousel'

/**
 * 矛盾纠纷预警 at 1920×1080: the disputes panel rotates in the 16:9 carousel. Hold the carousel on
 * it, drill down to the street with the most serious open disputes, check the chips (exact counts
 * per warning level) and the first rows against events.disputes, and open the first dispute's
 * event card. Then the same wall at 3840×1080, where the panel has a fixed slot under 督办.
 */

test('the disputes panel counts a street’s open disputes per warning level and opens one', async ({ page, request }, testInfo) => {
  test.setTimeout(180_000) // WebGL runs on SwiftShader here: each animated fit takes a while
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  // The street with the most red, then orange, open disputes.
  const district = (await call(request, 'map.district')).value
  let street: { code: string; name: string } | null = null
  let best = { red: -1, orange: -1 }
  for (const s of district.streets) {
    const d = await call(request, 'events.disputes', { areaCode: s.code, limit: 1 })
    const { red, orange } = d.value.counts
    if (d.ok && (red > best.red || (red === best.red && orange > best.orange))) {
      best = { red, orange }
      street = s
    }
  }
  expect(street, 'a street with disputes').not.toBeNull()
  expect(best.red + best.orange).toBeGreaterThan(0)

  await page.goto('/')
  await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')

  // Hold the carousel on 矛盾纠纷预警.
  await showInCarousel(page, 'disputes', false)
  const panel = page.getByTestId('panel-disputes')
  await expect(panel).toBeInViewport({ ratio: 1 })
  await expect(panel).toContainText('矛盾纠纷预警')

  await clickRegion(page, street!.code)
  await expect(page.getByTestId('area-breadcrumb')).toContainText(street!.name)
  await expect(panel.getByTestId('dispute-list')).toHaveAttribute('data-area', street!.code)
  await expect(panel).toHaveAttribute('data-ready', 'true')

  const d = (await call(request, 'events.disputes', { areaCode: street!.code, limit: 20 })).value
  // One chip per level, named in words as well as coloured; 待研判 only when some have no facts.
  const names = { red: '一级 红色', orange: '二级 橙色', yellow: '三级 黄色' } as const
  for (const level of ['red', 'orange', 'yellow'] as const) {
    const chip = panel.locator(`[data-testid="dispute-count"][data-level="${level}"]`)
    await expect(chip).toHaveAttribute('data-count', String(d.counts[level]))
    await expect(chip).toContainText(names[level])
    await expect(chip).toContainText(String(d.counts[level]))
  }
  await expect(panel.locator('[data-testid="dispute-count"][data-level="ungraded"]')).toHaveCount(d.counts.ungraded > 0 ? 1 : 0)
  await expect(panel.getByTestId('dispute-total')).toHaveAttribute('data-count', String(d.total))

  // The rows, most serious first, as the API orders them.
  const rows = panel.getByTestId('dispute-row')
  await expect(rows).toHaveCount(d.rows.length)
  for (const [i, r] of d.rows.slice(0, 5).entries()) {
    const row = rows.nth(i)
    await expect(row).toHaveAttribute('data-event-id', r.id)
    await expect(row).toHaveAttribute('data-level', r.warningLevel ?? 'ungraded')
    await expect(row).toContainText(r.title)
    await expect(row).toContainText(r.gridName)
    if (r.facts) await expect(row).toContainText(`${r.facts.people}人`)
  }
  expect(d.rows[0].warningLevel).toBe('red')
  await expect(rows.first().locator('.wall-row__chip')).toHaveText('一级')

  const shot = async (name: string): Promise<void> => {
    const png = await page.screenshot({ path: `test-results/${name}.png` })
    await testInfo.attach(name, { body: png, contentType: 'image/png' })
  }
  await shot('wall-disputes-1920x1080')

  // Open the most serious: the event card.
  await rows.first().click()
  const card = page.getByTestId('event-detail')
  await expect(card).toHaveAttribute('data-event-id', d.rows[0].id)
  await expect(card).toHaveAttribute('data-state', 'ok')
  await expect(card).toContainText(d.rows[0].title)
  await shot('wall-disputes-card-1920x1080')
  await page.keyboard.press('Escape')
  await expect(card).toHaveCount(0)

  // 32:9: a fixed slot of its own, the same figures for the same street.
  await page.setViewportSize({ width: 3840, height: 1080 })
  await expect(page.getByTestId('wall')).toHaveAttribute('data-layout', '32:9')
  const wide = page.getByTestId('panel-disputes')
  await expect(wide).toBeInViewport({ ratio: 1 })
  await expect(wide.getByTestId('dispute-list')).toHaveAttribute('data-area', street!.code)
  await expect(wide.locator('[data-testid="dispute-count"][data-level="red"]')).toHaveAttribute('data-count', String(d.counts.red))
  await shot('wall-disputes-3840x1080')
  expect(errors).toEqual([])
})
