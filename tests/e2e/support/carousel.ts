import { expect, type Page } from '@playwright/test'

/**
 * Holds the wall's carousel on `panel` (the 16:9 wall rotates its lower-right panels): pauses it
 * and steps with 下一个 until that panel shows. Waits for the panel's data unless `ready` is false.
 */
export async function showInCarousel(page: Page, panel: string, ready = true): Promise<void> {
  const carousel = page.getByTestId('carousel')
  if ((await carousel.getAttribute('data-paused')) !== 'true') await page.getByTestId('carousel-pause').click()
  await expect(carousel).toHaveAttribute('data-paused', 'true')
  for (let i = 0; i < 16 && (await carousel.getAttribute('data-current')) !== panel; i++) {
    await carousel.getByRole('button', { name: '下一个' }).click()
  }
  await expect(carousel).toHaveAttribute('data-current', panel)
  if (ready) await expect(page.getByTestId(`panel-${panel}`)).toHaveAttribute('data-ready', 'true')
}
