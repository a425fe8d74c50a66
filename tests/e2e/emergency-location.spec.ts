import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { createOperator, field } from './support/operators'
import { call } from './support/map'
import { backToNormal as leaveByApi, signInInDialog } from './support/emergency'

/**
 * Where the incident is (issue 6): the enter dialog finds a building by its address (places.search)
 * and sends its id; on the wall a point is picked on the map (the dialog steps aside, a banner says
 * what to do, Esc gives the dialog back unchanged) and the incident lands on the clicked spot. Every
 * test leaves the center in normal mode (the specs after this one share the server).
 */
const GRID = '440311-001-01-001'
const PASSWORD = 'location-password-e2e'
const R = 6378137

let dispatcher = ''
const backToNormal = (request: APIRequestContext): Promise<void> => leaveByApi(request, dispatcher, PASSWORD)

/**
 * One test on the wall: the enter dialog open and signed in, then `body` (which enters emergency
 * mode), then the same control leaves; no page errors; the center normal again whatever happened.
 */
async function onTheWall(page: Page, request: APIRequestContext, body: () => Promise<void>): Promise<void> {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    await page.goto('/')
    await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')
    await expect(page.getByTestId('wall')).toHaveAttribute('data-mode', 'normal')
    await page.keyboard.press('Control+Shift+KeyE')
    await signInInDialog(page, dispatcher, PASSWORD)
    await body()
    await page.getByTestId('emergency-control').click()
    await field(page, 'mode-summary').fill('演练结束，转入常态')
    await page.getByTestId('mode-confirm').click()
    await expect(page.getByTestId('wall')).toHaveAttribute('data-mode', 'normal')
    await expect(page.getByTestId('district-map')).toHaveAttribute('data-incident-rings', '0')
    expect(errors).toEqual([])
  } finally {
    await backToNormal(request)
  }
}

const toMercator = (lon: number, lat: number): [number, number] => [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))]

/** The map's view and where it is on the page: what turns a map coordinate (EPSG:3857, no basemap here) into a page pixel and back. */
async function mapFrame(page: Page): Promise<{ centre: [number, number]; resolution: number; box: { x: number; y: number; width: number; height: number } }> {
  const view = (await page.evaluate(() => (globalThis as any).__gccMapTest.view())) as { center: [number, number]; zoom: number }
  const box = (await page.getByTestId('district-map').boundingBox())!
  return { centre: view.center, resolution: (2 * Math.PI * R) / 256 / 2 ** view.zoom, box }
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ request }) => {
  dispatcher = await createOperator(request, 'locdisp', 'dispatcher', '选点调度员', PASSWORD)
})
test.afterAll(async ({ request }) => {
  await backToNormal(request)
})

test('a building found by its address is where the incident starts (buildingId), and the wall transforms', async ({ page, request }) => {
  // A demo building: its name is its address.
  let building: { id: string; name: string; gridCode: string } | undefined
  for (const q of ['巷', '号', '栋', '楼']) {
    const hits = (await call(request, 'places.search', { query: q, limit: 50 })).value as { kind: string; id: string; name: string; gridCode: string }[]
    building = hits.find((h) => h.kind === 'building')
    if (building) break
  }
  expect(building, 'a demo building').toBeDefined()
  await onTheWall(page, request, async () => {
    await field(page, 'mode-grid').fill(building!.name)
    const option = page.locator(`.mode-form__places li:has([data-place="${building!.id}"])`)
    await expect(option).toBeVisible()
    await option.click()
    await expect(page.getByTestId('mode-chosen')).toHaveAttribute('data-id', building!.id)
    await expect(page.getByTestId('mode-chosen')).toHaveAttribute('data-kind', 'building')
    await field(page, 'mode-reason').fill('e2e 演练：楼栋起火')
    await page.getByTestId('mode-drill').click()
    await page.getByTestId('mode-confirm').click()

    const wall = page.getByTestId('wall')
    await expect(wall).toHaveAttribute('data-mode', 'emergency')
    await expect(wall).toHaveClass(/wall--emergency/)
    await expect(page.getByTestId('incident-header')).toContainText(building!.name)
    const current = (await call(request, 'incidents.current')).value
    expect(current.incident).toMatchObject({ buildingId: building!.id, gridCode: building!.gridCode, label: building!.name, drill: true })
    const rings = (await call(request, 'incidents.rings')).value
    const map = page.getByTestId('district-map')
    await expect(map).toHaveAttribute('data-incident-rings', String(rings.ringsM.length))

    // Dispatch from the map: a click 10 px beside a vanguard member's or worker's marker (the hit
    // area is generous) opens the dispatch dialog for them. One drawn on the map, clear of the
    // others and of the alert markers (which take their clicks first).
    await expect(map).toHaveAttribute('data-settled', 'true')
    const { centre, resolution, box } = await mapFrame(page)
    const pixelOf = (p: { lon: number; lat: number }): [number, number] => {
      const [x, y] = toMercator(p.lon, p.lat)
      return [box.x + box.width / 2 + (x - centre[0]) / resolution, box.y + box.height / 2 - (y - centre[1]) / resolution]
    }
    type Staff = { id: string; name: string; lon: number; lat: number }
    const drawn = [...rings.resources.vanguard.slice(0, 8), ...rings.resources.workers.slice(0, 8)] as Staff[]
    const alerts = (await page.evaluate(() => (globalThis as any).__gccMapTest.alertMarkers())) as { pixel: [number, number] }[]
    const pixels = drawn.map(pixelOf)
    const others = [...pixels, ...alerts.map((a) => a.pixel), pixelOf(current.incident)]
    const inside = ([x, y]: [number, number]): boolean => x > box.x + 40 && x < box.x + box.width - 40 && y > box.y + 40 && y < box.y + box.height - 40
    const clear = (p: [number, number]): boolean => others.every((o) => o === p || Math.hypot(o[0] - p[0], o[1] - p[1]) > 45)
    const i = pixels.findIndex((p) => inside(p) && clear(p))
    expect(i, 'a staff marker clear of the others').toBeGreaterThanOrEqual(0)
    const target = drawn[i]!
    const [sx, sy] = pixels[i]!
    await page.mouse.click(sx + 10, sy)
    await expect(page.getByTestId('dispatch-target')).toContainText(target.name)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('dispatch-dialog')).toBeHidden()
  })
})

test('a point picked on the map (Esc gives the dialog back unchanged) is where the incident starts', async ({ page, request }) => {
  await onTheWall(page, request, async () => {
    const map = page.getByTestId('district-map')
    const dialog = page.getByTestId('emergency-dialog')
    const banner = page.getByTestId('map-pick-banner')
    await field(page, 'mode-reason').fill('e2e 演练：燃气泄漏')

    // Pick, then Esc: the dialog comes back as it was.
    await page.getByTestId('mode-pick').click()
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('点击地图选择事发地点')
    await expect(dialog).toBeHidden()
    await expect(map).toHaveAttribute('data-picking', 'true')
    await expect(page.getByTestId('emergency-control')).toBeVisible()
    // LOOK: the banner at 1920×1080.
    await expect(map).toHaveAttribute('data-settled', 'true')
    await page.waitForTimeout(500)
    await page.screenshot({ path: 'test-results/emergency-pick-1920x1080.png' })
    await page.keyboard.press('Escape')
    await expect(banner).toBeHidden()
    await expect(page.getByTestId('mode-form')).toBeVisible()
    await expect(field(page, 'mode-reason')).toHaveValue('e2e 演练：燃气泄漏')
    await expect(page.getByTestId('mode-picked')).toHaveCount(0)

    // Pick again and click inside a grid, where the map itself (not the banner, a legend) takes the
    // click; the expected point is the map coordinate of that pixel, from the view.
    await page.getByTestId('mode-pick').click()
    await expect(banner).toBeVisible()
    await expect(map).toHaveAttribute('data-settled', 'true')
    const grids = (await call(request, 'map.district')).value.grids as { code: string; name: string }[]
    // (The closing dialog's overlay takes clicks for a moment after it starts to go.)
    const clearGrid = (): Promise<{ code: string; pixel: number[] } | null> =>
      page.evaluate((codes: string[]) => {
        const hook = (globalThis as any).__gccMapTest
        const doc = (globalThis as any).document
        const container = doc.querySelector('[data-testid="district-map"]')
        for (const code of codes) {
          const p = hook.pixelOf(code) as [number, number] | null
          const pixel = p ? [Math.round(p[0]), Math.round(p[1])] : null
          if (pixel && container.contains(doc.elementFromPoint(pixel[0]!, pixel[1]!))) return { code, pixel }
        }
        return null
      }, [GRID, ...grids.map((g) => g.code)])
    await expect.poll(clearGrid, { message: 'a grid the map shows, clear of the overlays' }).not.toBeNull()
    const at = await clearGrid()
    const { centre, resolution, box } = await mapFrame(page)
    const expected = [centre[0] + (at!.pixel[0]! - box.x - box.width / 2) * resolution, centre[1] - (at!.pixel[1]! - box.y - box.height / 2) * resolution]
    await page.mouse.click(at!.pixel[0]!, at!.pixel[1]!)
    await expect(banner).toBeHidden()
    await expect(map).toHaveAttribute('data-picking', 'false')
    await expect(page.getByTestId('mode-form')).toBeVisible()
    await expect(field(page, 'mode-reason')).toHaveValue('e2e 演练：燃气泄漏')
    const grid = grids.find((g) => g.code === at!.code)!
    await expect(page.getByTestId('mode-picked')).toContainText(grid.name)
    const typed = [Number(await field(page, 'mode-lon').inputValue()), Number(await field(page, 'mode-lat').inputValue())] as [number, number]
    await page.getByTestId('mode-drill').click()
    await page.getByTestId('mode-confirm').click()

    await expect(page.getByTestId('wall')).toHaveAttribute('data-mode', 'emergency')
    const { incident } = (await call(request, 'incidents.current')).value
    expect(incident).toMatchObject({ gridCode: grid.code, buildingId: null, lon: typed[0], lat: typed[1], drill: true })
    expect(incident.label).toContain(grid.name)
    // Within 2 px of the clicked spot (the basemap's projection undone: none here, so plain Web Mercator).
    const [x, y] = toMercator(incident.lon, incident.lat)
    expect(Math.hypot(x - expected[0]!, y - expected[1]!)).toBeLessThan(2 * resolution)
  })
})
