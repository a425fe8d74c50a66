import { resolve } from 'node:path'
import { connectAsync } from 'mqtt'
import { expect, test } from '@playwright/test'
import { repoRoot, startHost, writeMqttConfig, type HostHandle } from '../support/host'
import { showInCarousel } from './support/carousel'
import { freePort, startMosquitto, type MosquittoHandle } from '../support/mosquitto'
import { tempDir } from '../support/tempDir'

/**
 * The alert issue's fault test: started with the broker unreachable, the wall opens from the cache
 * (the store) and says it is offline, then catches up when the broker comes back.
 *
 * Not the shared webServer's host: this test starts its own (same build, GCC_E2E_OUT) on its own
 * port and data directory, told that the broker is at a port where nothing listens yet, and later
 * starts Mosquitto on exactly that port.
 */

const ADMIN_PASSWORD = 'offline-admin-password'
const hostJs = resolve(repoRoot, process.env['GCC_E2E_OUT'] ?? 'out', 'main', 'host.js')

test('broker unreachable at start: the wall opens from the cache, says offline, and catches up when the broker comes back', async ({ page }, testInfo) => {
  test.setTimeout(180_000) // the first start generates the demo district
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))

  const data = tempDir('gcc-e2e-offline-')
  let host: HostHandle | null = null
  let broker: MosquittoHandle | null = null
  try {
    const brokerPort = await freePort()
    writeMqttConfig(data.dir, { broker: { url: `mqtt://127.0.0.1:${brokerPort}`, protocolVersion: 5 }, simulator: { enabled: false } })
    host = await startHost({ hostJs, dataDir: data.dir, adminPassword: ADMIN_PASSWORD })
    const h = host
    const ingest = async (): Promise<{ broker: { state: string; url: string } }> => (await h.api<{ ingest: { broker: { state: string; url: string } } }>('system.status', {})).ingest
    expect(['offline', 'connecting']).toContain((await ingest()).broker.state)
    expect((await ingest()).broker.url).toBe(`127.0.0.1:${brokerPort}`)

    // The wall opens: panels from the store, the broker link shown as not connected.
    await page.goto(`${h.url}/`)
    await expect(page.getByTestId('title-bar')).toContainText('网格化治理指挥中心')
    const feed = page.getByTestId('panel-alerts')
    await expect(feed).toHaveAttribute('data-ready', 'true')
    await expect(feed.locator('[data-state="error"]')).toHaveCount(0)
    expect(await feed.getByTestId('alert-row').count()).toBeGreaterThan(5)
    await expect(page.getByTestId('district-map')).toHaveAttribute('data-ready', 'true')
    // Events by street rotates in the 16:9 carousel: hold it there.
    await showInCarousel(page, 'byArea', false)
    await expect(page.getByTestId('events-chart')).toHaveAttribute('data-ready', 'true')
    await expect(page.getByTestId('panel-kpis')).toBeVisible()
    // The wall's own link to the app is fine: only the broker is away.
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected')

    const brokerState = page.getByTestId('broker-state')
    await expect(brokerState).toBeVisible()
    await expect(brokerState).toHaveAttribute('data-state', /^(offline|connecting)$/)
    // Refused by a closed port: a red 预警接入中断 chip from the first refusal, reconnect attempts included.
    await expect(brokerState).toHaveAttribute('data-down', 'true')
    await expect(brokerState).toContainText('预警接入中断')
    // The feed says its list is the cache, and since when.
    await expect(page.getByTestId('alert-outage')).toContainText(/预警接入中断 · 自 \d{2}:\d{2}:\d{2} 起未收到新预警 · 列表为缓存/)
    await expect(brokerState).toHaveAttribute('title', new RegExp(`127\\.0\\.0\\.1:${brokerPort}`))
    // Wait for the red 离线 phase (the link alternates 离线 / 连接中 every reconnect period) for the picture.
    await expect(brokerState).toHaveAttribute('data-state', 'offline')
    const offlinePng = await page.screenshot({ path: 'test-results/wall-offline-1920x1080.png' })
    await testInfo.attach('wall-offline-1920x1080', { body: offlinePng, contentType: 'image/png' })

    // The broker comes up on exactly that port: the link reconnects on its own and the wall says so.
    const t0 = Date.now()
    broker = await startMosquitto({ port: brokerPort })
    await expect(brokerState).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
    await expect(brokerState).toContainText('预警接入 已连接')
    await expect(brokerState).toHaveAttribute('data-down', 'false')
    await expect(page.getByTestId('alert-outage')).toHaveCount(0)
    const reconnectMs = Date.now() - t0
    expect((await ingest()).broker.state).toBe('connected')

    // A camera alert published now reaches the feed.
    const cameras = await h.api<{ id: string; online: boolean }[]>('map.cameras', {})
    const camera = cameras.find((c) => c.online)!
    const camClient = await connectAsync(broker.url, { clientId: `e2e-offline-camera-${Date.now()}`, protocolVersion: 5 })
    const id = `e2e-offline-${Date.now()}`
    try {
      // The link subscribes right after CONNACK: publish until the alert is in (a broker that was
      // down holds nothing for a subscription it has not seen yet).
      const payload = JSON.stringify({ schemaVersion: 1, id, cameraId: camera.id, type: 'fireSmoke', score: 0.96, time: Date.now() })
      await expect
        .poll(
          async () => {
            await camClient.publishAsync(`alerts/${camera.id}`, payload, { qos: 1 })
            return (await h.call('alerts.get', { id })).ok
          },
          { timeout: 15_000, intervals: [200, 500, 1000] }
        )
        .toBe(true)
    } finally {
      await camClient.endAsync()
    }
    const row = feed.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`)
    await expect(row).toBeVisible()
    await expect(row).toHaveAttribute('data-status', 'new')
    await expect(page.getByTestId('broker-last')).not.toContainText('暂无预警消息')
    const onlinePng = await page.screenshot({ path: 'test-results/wall-offline-reconnected-1920x1080.png' })
    await testInfo.attach('wall-offline-reconnected-1920x1080', { body: onlinePng, contentType: 'image/png' })
    testInfo.annotations.push({ type: 'reconnect', description: `${reconnectMs} ms from broker start to 已连接 on the wall` })
    console.log(`[offline] broker start → wall says connected: ${reconnectMs} ms`)
    expect(errors).toEqual([])
  } finally {
    if (host !== null) {
      const code = await host.stop()
      if (code !== 0) console.log(`[offline] host exit ${code}:\n${host.output().slice(-2000)}`)
    }
    await broker?.dispose()
    data.remove()
  }
})
