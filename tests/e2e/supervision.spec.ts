import { expect, test } from '@playwright/test'
import { call, clickRegion } from './support/map'
import { showInCarousel } from './support/carousel'

/**
 * 督办 at 1920×1080: the supervision panel rotates in the 16:9 carousel. Hold the carousel on it,
 * drill down to a community with overdue events through the map's test hook
 * (`window.__gccMapTest.pixelOf(code)`), check the panel's counts against events.supervision, then
 * open the most overdue event and check its card's timeline against events.get.
 */

test('the supervision panel counts a community’s overdue events and opens an event with its timeline', async ({ page, request }, testInfo) => {
  test.setTimeout(180_000) // WebGL runs on SwiftShader here: each animated fit takes a while
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  // A community with overdue events (the busiest, so the list has rows to open).
  const district = (await call(request, 'map.district')).value
  let community: { code: string; name: string; parentCode: string } | null = null
  let most = 0
  for (const c of district.communities) {
    const sup = await call(request, 'events.supervision', { areaCode: c.code, limit: 1 })
    if (sup.ok && sup.value.counts.overdue > most) {
      most = sup.value.counts.overdue
      community = c
    }
  }
  expect(community, 'a community with overdue events').not.toBeNull()

  await page.goto('/')
  await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')

  // Hold the carousel on 督办.
  await showInCarousel(page, 'supervision', false)
  const panel = page.getByTestId('panel-supervision')
  await expect(panel).toBeInViewport({ ratio: 1 })

  // Street, then the community.
  await clickRegion(page, community!.parentCode)
  await clickRegion(page, community!.code)
  await expect(page.getByTestId('area-breadcrumb')).toContainText(community!.name)
  await expect(panel.getByTestId('supervision-list')).toHaveAttribute('data-area', community!.code)
  await expect(panel).toHaveAttribute('data-ready', 'true')

  const sup = (await call(request, 'events.supervision', { areaCode: community!.code, limit: 20 })).value
  await expect(panel.getByTestId('supervision-overdue-count')).toHaveAttribute('data-count', String(sup.counts.overdue))
  await expect(panel.getByTestId('supervision-overdue-count')).toContainText(String(sup.counts.overdue))
  await expect(panel.getByTestId('supervision-due-soon-count')).toHaveAttribute('data-count', String(sup.counts.dueSoon))
  const overdueRows = panel.locator('[data-testid="supervision-row"][data-kind="overdue"]')
  await expect(overdueRows).toHaveCount(sup.overdue.length)
  // Most overdue first, with its level chip and how late it is.
  const first = overdueRows.first()
  await expect(first).toHaveAttribute('data-event-id', sup.overdue[0].id)
  await expect(first).toContainText(sup.overdue[0].title)
  await expect(first).toContainText('超期')
  await expect(first.locator('[data-level]')).toHaveAttribute('data-level', String(sup.overdue[0].supervisionLevel))

  // Open it: the card shows the whole timeline.
  await first.click()
  const card = page.getByTestId('event-detail')
  await expect(card).toHaveAttribute('data-event-id', sup.overdue[0].id)
  await expect(card).toHaveAttribute('data-state', 'ok')
  const detail = (await call(request, 'events.get', { id: sup.overdue[0].id })).value
  expect(detail.timeline.length).toBeGreaterThan(0)
  await expect(card.getByTestId('event-timeline-step')).toHaveCount(detail.timeline.length)
  await expect(card).toContainText(detail.event.title)
  await expect(card).toContainText(detail.grid.name)
  for (const s of detail.team) await expect(card.locator(`[data-staff-id="${s.id}"]`)).toContainText(s.name)
  if (detail.alert) await expect(card.getByTestId('event-detail-alert')).toHaveAttribute('data-alert-id', detail.alert.id)

  const png = await page.screenshot({ path: 'test-results/wall-supervision.png' })
  await testInfo.attach('wall-supervision', { body: png, contentType: 'image/png' })

  // Escape closes it; so does ×.
  await page.keyboard.press('Escape')
  await expect(card).toHaveCount(0)
  await first.click()
  await expect(card).toHaveAttribute('data-state', 'ok')
  await card.getByTestId('event-detail-close').click()
  await expect(card).toHaveCount(0)
  expect(errors).toEqual([])
})
