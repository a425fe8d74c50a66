import { expect, type APIRequestContext, type Page } from '@playwright/test'

const kpiKeys = ['reportedToday', 'closedToday', 'resolutionRate', 'onTimeRate', 'satisfaction', 'overdue', 'camerasOnline', 'staffOnDuty'] as const

/**
 * The KPI strip shows exactly what `stats.kpis` answers for `areaCode` at the moment the strip's
 * figures are for (its `data-as-of`): windows end at "now", which moves, so the check asks for
 * that moment instead of racing the clock.
 */
export async function expectKpisAsShown(page: Page, request: APIRequestContext, areaCode: string): Promise<void> {
  const strip = page.getByTestId('kpis')
  await expect(strip).toHaveAttribute('data-area', areaCode)
  const { asOf, shown } = await strip.evaluate((el) => ({
    asOf: Number(el.getAttribute('data-as-of')),
    shown: Object.fromEntries([...el.querySelectorAll('[data-testid^="kpi-"]')].map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-value')]))
  }))
  expect(asOf).toBeGreaterThan(0)
  const res = await request.post('/api/stats.kpis', { data: { areaCode, at: asOf } })
  expect(res.ok()).toBe(true)
  const kpis = (await res.json()).value
  expect(kpis.asOf).toBe(asOf)
  const expected = Object.fromEntries(
    kpiKeys.map((key) => {
      const v = key === 'camerasOnline' ? kpis.camerasOnline.online : kpis[key].value
      return [`kpi-${key}`, v === null ? '' : String(v)]
    })
  )
  expect(shown).toEqual(expected)
}
