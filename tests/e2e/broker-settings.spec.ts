import { expect, test, type APIRequestContext } from '@playwright/test'
import { E2E_ADMIN_PASSWORD } from '../../playwright.config'
import { field } from './support/operators'

async function apiCall(request: APIRequestContext, token: string, method: string, data: unknown): Promise<any> {
  const res = await (await request.post(`/api/${method}`, { headers: { authorization: `Bearer ${token}` }, data })).json()
  expect(res.ok, JSON.stringify(res)).toBe(true)
  return res.value
}

test('an admin changes the alert ingest settings on the console and the link restarts', async ({ page, request }) => {
  const signIn = await (await request.post('/api/auth.signIn', { data: { username: 'admin', password: E2E_ADMIN_PASSWORD } })).json()
  const token: string = signIn.value.token
  // The webServer's data dir is shared with the other specs: they expect the embedded broker
  // without the simulator, so the original settings are put back whatever happens here.
  const original = await apiCall(request, token, 'alerts.brokerSettings', {})
  expect(original.settings.broker).toBeNull()
  try {
    await page.goto('/#/console')
    await field(page, 'signin-username').fill('admin')
    await field(page, 'signin-password').fill(E2E_ADMIN_PASSWORD)
    await page.getByTestId('signin-submit').click()

    const panel = page.getByTestId('broker-settings')
    await expect(panel).toBeVisible()
    await expect(page.getByTestId('broker-source')).toHaveAttribute('data-source', 'file')
    await expect(page.getByTestId('broker-link-state')).toHaveAttribute('data-state', 'connected')
    await expect(page.getByTestId('broker-address')).toContainText('内置')
    await panel.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'test-results/broker-settings-panel.png' })

    await page.getByTestId('broker-edit').click()
    await expect(page.getByTestId('broker-form')).toBeVisible()
    const rate = field(page, 'broker-sim-rate')
    await expect(rate).toHaveValue(String(original.settings.simulator.rate))
    await rate.fill('7.5')
    await rate.press('Tab')
    await page.screenshot({ path: 'test-results/broker-settings-dialog.png' })
    // The external broker's fields, looked at and left: this test saves the embedded broker.
    await page.getByTestId('broker-mode').getByText('外部').click()
    await expect(field(page, 'broker-password')).toHaveAttribute('placeholder', '未设置')
    await page.getByTestId('broker-tls').click()
    await page.screenshot({ path: 'test-results/broker-settings-external.png' })
    await page.getByTestId('broker-mode').getByText('内置').click()
    await page.getByTestId('broker-save').click()

    await expect(page.getByTestId('broker-saved')).toBeVisible()
    await expect(page.getByTestId('broker-form')).toBeHidden()
    await expect(page.getByTestId('broker-link-state')).toHaveAttribute('data-state', 'connected')
    const saved = await apiCall(request, token, 'alerts.brokerSettings', {})
    expect(saved.settings.simulator).toMatchObject({ enabled: false, rate: 7.5 })
    expect(saved.source).toBe('file')
    await page.screenshot({ path: 'test-results/broker-settings-saved.png' })

    const audit = await apiCall(request, token, 'audit.latest', { limit: 10 })
    expect(audit.find((e: { action: string }) => e.action === 'alerts.configureBroker')).toMatchObject({ username: 'admin', outcome: 'ok' })
  } finally {
    await apiCall(request, token, 'alerts.configureBroker', original.settings)
  }
  const status = await (await request.post('/api/system.status', { data: {} })).json()
  expect(status.value.ingest.broker).toMatchObject({ embedded: true })
})
