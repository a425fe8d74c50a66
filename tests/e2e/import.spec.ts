import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { connectAsync } from 'mqtt'
import { expect, test } from '@playwright/test'
import { repoRoot, startHost, writeMqttConfig, type HostHandle } from '../support/host'
import { startMosquitto, type MosquittoHandle } from '../support/mosquitto'
import { tempDir } from '../support/tempDir'
import { field } from './support/operators'

/**
 * Loading a real district (issue 8) from the console's import panel, on a host of its own (it
 * replaces the district the other specs share): files with a gap, an overlap and a duplicate code
 * are refused with each named in the report; the valid files are imported; every wall shows the
 * imported district; a camera alert is routed to an imported grid.
 */
const ADMIN_PASSWORD = 'import-admin-password'
const hostJs = resolve(repoRoot, process.env['GCC_E2E_OUT'] ?? 'out', 'main', 'host.js')
const fixtures = join(repoRoot, 'tests', 'fixtures', 'import')

interface Feature {
  type: 'Feature'
  properties: Record<string, unknown> & { adcode: string; name: string }
  geometry: { type: string; coordinates: unknown }
}

/** The fixture's grids broken three ways: a grid moved onto its neighbour (overlap and gap), and a code used twice. */
function brokenGrids(dir: string): string {
  const geo = JSON.parse(readFileSync(join(fixtures, 'district.geojson'), 'utf8')) as { features: Feature[] }
  const grids = geo.features.filter((f) => f.properties['level'] === 'grid')
  const [first, second] = grids as [Feature, Feature]
  // The second grid takes the first one's shape: they overlap, and the second grid's place is a gap.
  second.geometry = structuredClone(first.geometry)
  // And a third grid reuses the first one's code.
  grids[2]!.properties.adcode = first.properties.adcode
  const path = join(dir, 'broken.geojson')
  writeFileSync(path, JSON.stringify(geo))
  return path
}

test('an admin imports a district from the console: errors named first, then the valid files replace the district everywhere', async ({ page }) => {
  test.setTimeout(300_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const data = tempDir('gcc-e2e-import-')
  let broker: MosquittoHandle | null = null
  let host: HostHandle | null = null
  try {
    broker = await startMosquitto()
    writeMqttConfig(data.dir, { broker: { url: broker.url, protocolVersion: 5 }, simulator: { enabled: false } })
    host = await startHost({ hostJs, dataDir: data.dir, adminPassword: ADMIN_PASSWORD, readyTimeoutMs: 180_000 })
    const h = host
    const work = join(data.dir, 'files')
    mkdirSync(work)

    await page.goto(`${h.url}/#/console`)
    await field(page, 'signin-username').fill('admin')
    await field(page, 'signin-password').fill(ADMIN_PASSWORD)
    await page.getByTestId('signin-submit').click()
    const panel = page.getByTestId('import-panel')
    await expect(panel).toBeVisible()
    await panel.getByTestId('import-mapping-file').setInputFiles(join(fixtures, 'mapping.json'))
    await panel.getByTestId('import-file-buildings').setInputFiles(join(fixtures, 'buildings.csv'))
    await panel.getByTestId('import-file-cameras').setInputFiles(join(fixtures, 'cameras.xlsx'))
    await panel.getByTestId('import-file-staff').setInputFiles(join(fixtures, 'staff.gbk.csv'))
    await panel.getByTestId('import-file-profiles').setInputFiles(join(fixtures, 'profiles.csv'))

    // Broken grids: refused, each problem named (kind, file and feature), nothing written.
    await panel.getByTestId('import-file-grids').setInputFiles(brokenGrids(work))
    await panel.getByTestId('import-preview').click()
    const report = panel.getByTestId('import-report')
    await expect(report).toHaveAttribute('data-ok', 'false', { timeout: 60_000 })
    for (const kind of ['overlap', 'gap', 'duplicateCode']) {
      await expect(panel.locator(`[data-testid="import-issue"][data-kind="${kind}"]`).first()).toContainText('broken.geojson')
    }
    await expect(panel.getByTestId('import-apply')).toBeDisabled()
    await page.screenshot({ path: 'test-results/import-report-1920x1080.png', fullPage: true })

    // The valid grids: checked, then imported.
    await panel.getByTestId('import-file-grids').setInputFiles(join(fixtures, 'district.geojson'))
    await panel.getByTestId('import-preview').click()
    await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 60_000 })
    await expect(panel.locator('[data-testid="import-file-preview"][data-kind="staff"]')).toHaveAttribute('data-encoding', 'gb18030')
    // The demo district and its history are replaced: the panel says so and asks first.
    await expect(panel.getByTestId('import-replaces')).toContainText('440311')
    await panel.getByTestId('import-apply').click()
    const confirm = page.locator('.el-message-box')
    await expect(confirm).toContainText(/事件 \d+ 条/)
    await confirm.getByRole('button', { name: '导入（替换现有辖区）' }).click()
    await expect(panel.getByTestId('import-result')).toHaveAttribute('data-applied', 'true', { timeout: 120_000 })

    // The wall shows the imported district: its streets and grids.
    const district = await h.api<{ streets: { name: string }[]; grids: { code: string; name: string }[] }>('map.district', {})
    expect(district.streets.map((s) => s.name).sort()).toEqual(['光明街道', '公明街道'])
    expect(district.grids).toHaveLength(9)
    await page.goto(`${h.url}/`)
    await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')
    await expect(page.getByTestId('wall')).toContainText('2 个街道 · 9 个网格')

    // A camera alert in an imported grid is routed to it.
    const cameras = await h.api<{ id: string; gridCode: string; lon: number; lat: number }[]>('map.cameras', {})
    const camera = cameras[0]!
    const cam = await connectAsync(broker.url, { clientId: `e2e-import-camera-${Date.now()}`, protocolVersion: 5 })
    const id = `e2e-import-${Date.now()}`
    try {
      const payload = JSON.stringify({ schemaVersion: 1, id, cameraId: camera.id, type: 'fireSmoke', score: 0.93, time: Date.now() })
      await expect
        .poll(
          async () => {
            await cam.publishAsync(`alerts/${camera.id}`, payload, { qos: 1 })
            return (await h.call('alerts.get', { id })).ok
          },
          { timeout: 20_000, intervals: [300, 1000] }
        )
        .toBe(true)
    } finally {
      await cam.endAsync()
    }
    const alert = await h.api<{ gridCode: string; gridName: string }>('alerts.get', { id })
    expect(district.grids.map((g) => g.code)).toContain(alert.gridCode)
    expect(alert.gridCode).toBe(camera.gridCode)
    await page.screenshot({ path: 'test-results/import-wall-1920x1080.png' })
    expect(errors).toEqual([])
  } finally {
    if (host) await host.stop()
    await broker?.dispose()
    data.remove()
  }
})
