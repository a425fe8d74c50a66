import { expect, type APIRequestContext, type Page } from '@playwright/test'

/** One API call through the host, answered with its envelope. */
export async function call<T = any>(request: APIRequestContext, method: string, data: object = {}): Promise<{ ok: boolean; value: T; error?: { code: string } }> {
  return (await request.post(`/api/${method}`, { data })).json()
}

/**
 * Clicks a region on the wall's map through its test hook (`window.__gccMapTest.pixelOf(code)`: a
 * viewport pixel well inside the region) and waits until the map has selected it and settled.
 */
export async function clickRegion(page: Page, code: string): Promise<void> {
  const map = page.getByTestId('district-map')
  await expect(map).toHaveAttribute('data-settled', 'true')
  const pixel = await page.evaluate((c) => (globalThis as any).__gccMapTest?.pixelOf(c) ?? null, code)
  expect(pixel, `pixel of ${code}`).not.toBeNull()
  await page.mouse.click(pixel[0], pixel[1])
  await expect(map).toHaveAttribute('data-selected-area', code)
  await expect(map).toHaveAttribute('data-settled', 'true')
}
