import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { field, signIn } from './operators'
import { call } from './map'

/** Ends a running emergency through the API as `dispatcher` (the specs after one share the server: each leaves the center normal). */
export async function backToNormal(request: APIRequestContext, dispatcher: string, password: string): Promise<void> {
  const status = await call(request, 'system.status')
  if (status.value.mode !== 'emergency') return
  const token = await signIn(request, dispatcher, password)
  await request.post('/api/mode.leave', { headers: { authorization: `Bearer ${token}` }, data: { summary: 'e2e 清理：恢复常态' } })
}

/** Signs in in the wall's emergency dialog (it asks first when nobody is signed in); the form then shows. */
export async function signInInDialog(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByTestId('emergency-signin')).toBeVisible()
  await field(page, 'signin-username').fill(username)
  await field(page, 'signin-password').fill(password)
  await page.getByTestId('signin-submit').click()
  await expect(page.getByTestId('mode-form')).toBeVisible()
}
