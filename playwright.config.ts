import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the browser host
 * (`node out/main/host.js`, built by `npm run build`), on a fresh data directory.
 * The `electron` project runs where an Electron binary exists and skips, saying why, elsewhere.
 */
export const E2E_PORT = Number(process.env['GCC_E2E_PORT'] ?? 5199)
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password'
// Set once in the runner; workers inherit it, so they all see the same directory.
if (!process.env['GCC_E2E_DATA_DIR']) {
  process.env['GCC_E2E_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'gcc-e2e-'))
  // The embedded broker on a free port, and no simulator: the tests publish the alerts they expect.
  // Frigate's camera front_door is the demo's first camera (ids are deterministic).
  writeFileSync(
    join(process.env['GCC_E2E_DATA_DIR'], 'mqtt.json'),
    JSON.stringify({
      embedded: { port: 0 },
      simulator: { enabled: false },
      frigate: { cameras: { front_door: 'CAM000001' }, rules: [{ label: 'person', zones: ['driveway'], type: 'intrusion' }] }
    })
  )
}

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
/** The build to test (`electron-vite build --outDir DIR`, DIR inside the repository so node_modules resolves). */
const outDir = process.env['GCC_E2E_OUT'] ?? 'out'

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  projects: [
    {
      name: 'wall',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        baseURL: `http://127.0.0.1:${E2E_PORT}`,
        viewport: { width: 1920, height: 1080 },
        locale: 'zh-CN',
        timezoneId: 'America/New_York', // the wall must show Shanghai time whatever the machine's zone
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure'
      }
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' }
  ],
  webServer: {
    command: `node ${outDir}/main/host.js --port ${E2E_PORT} --data-dir "${process.env['GCC_E2E_DATA_DIR']}"`,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    env: { GCC_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe'
  }
})
