import { expect, test } from '@playwright/test'
import { E2E_ADMIN_PASSWORD } from '../../playwright.config'
import { field, signIn } from './support/operators'

test("a viewer's attempt to switch to emergency mode is refused by main and audited", async ({ page, request }) => {
  const admin = await signIn(request, 'admin', E2E_ADMIN_PASSWORD)
  const auth = { authorization: `Bearer ${admin}` }
  const username = `viewer${Date.now() % 100000}`
  const created = await request.post('/api/operators.create', {
    headers: auth,
    data: { username, displayName: '大屏观察员', role: 'viewer', password: 'viewer-password-e2e' }
  })
  expect(created.status()).toBe(200)

  await page.goto('/#/console')
  await field(page, 'signin-username').fill(username)
  await field(page, 'signin-password').fill('viewer-password-e2e')
  await page.getByTestId('signin-submit').click()
  await expect(page.getByTestId('signed-in-as')).toContainText('大屏观察员')

  await page.getByTestId('mode-switch').click()
  await field(page, 'mode-grid').fill('440311-001-01-001')
  await field(page, 'mode-reason').fill('台风红色预警')
  await page.getByTestId('mode-confirm').click()
  await expect(page.getByTestId('console-error')).toContainText(/权限不足|dispatcher/)

  const status = await (await request.post('/api/system.status', { data: {} })).json()
  expect(status.value.mode).toBe('normal')
  expect(status.value.incident).toBeNull()
  const audit = await (await request.post('/api/audit.latest', { headers: auth, data: { limit: 20 } })).json()
  expect(audit.value.find((e: { username: string; action: string }) => e.username === username && e.action === 'mode.enter')).toMatchObject({ outcome: 'refused', target: 'emergency fire' })
})
