import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { E2E_ADMIN_PASSWORD } from '../../../playwright.config'

/** The text field behind a test id, whether Element Plus puts the id on the input or its wrapper. */
export const field = (page: Page, id: string): Locator =>
  page.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`).first()

/** Signs in through the host's API; returns the session token. */
export async function signIn(request: APIRequestContext, username: string, password: string): Promise<string> {
  const res = await (await request.post('/api/auth.signIn', { data: { username, password } })).json()
  expect(res.ok, JSON.stringify(res)).toBe(true)
  return res.value.token
}

/** Headers of an admin session. */
export const adminAuth = async (request: APIRequestContext): Promise<{ authorization: string }> => ({
  authorization: `Bearer ${await signIn(request, 'admin', E2E_ADMIN_PASSWORD)}`
})

/** Creates an operator with a unique username (prefix + a number) as the admin; returns the username. */
export async function createOperator(
  request: APIRequestContext,
  prefix: string,
  role: 'viewer' | 'dutyOfficer' | 'dispatcher' | 'admin',
  displayName: string,
  password: string
): Promise<string> {
  const username = `${prefix}${Date.now() % 100000}`
  const created = await request.post('/api/operators.create', { headers: await adminAuth(request), data: { username, displayName, role, password } })
  expect(created.status(), await created.text()).toBe(200)
  return username
}
