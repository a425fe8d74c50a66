import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefingSpec } from '@shared/briefing/spec'
import { ChromiumCapturer, DEFAULT_CHROMIUM } from '../../../src/main/briefings/chromium'
import { pngSize } from '../../../src/main/briefings/png'

/**
 * The browser host's capturer against tiny local pages (Debian's Chromium at /usr/bin/chromium,
 * or GCC_CHROMIUM): it waits for the readiness flag, captures exactly the asked size, and times out clearly.
 */
const executable = process.env['GCC_CHROMIUM'] || DEFAULT_CHROMIUM
const READY_DELAY_MS = 700

const page = (script: string): string => `<!doctype html><html><body style="margin:0;background:#fff">
<div id="box" style="width:100vw;height:100vh;background:#fff"></div>
<script>${script}</script></body></html>`

const pages: Record<string, string> = {
  // Paints late, then says it is ready: a capture taken early would be white.
  '/late': page(`setTimeout(() => {
    document.getElementById('box').style.background = 'linear-gradient(90deg, #c00, #00c)'
    requestAnimationFrame(() => requestAnimationFrame(() => { document.documentElement.dataset.briefingReady = 'true' }))
  }, ${READY_DELAY_MS})`),
  '/never': page(''),
  '/error': page(`document.documentElement.dataset.briefingError = 'no data for 440311'; document.documentElement.dataset.briefingReady = 'error'`)
}

const spec = (width: number, height: number): BriefingSpec => ({
  id: 'briefing-test',
  target: { kind: 'wall' },
  width,
  height,
  areaCode: '440311',
  classification: '内部资料 注意保密',
  operator: null,
  blurSnapshots: true,
  generatedAt: 0,
  scheduled: false,
  locale: 'zh-CN'
})

describe.skipIf(!existsSync(executable))('ChromiumCapturer (headless Chromium through playwright-core)', () => {
  let server: Server
  let base: string
  const logs: string[] = []
  let capturer: ChromiumCapturer

  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = pages[new URL(req.url ?? '/', 'http://x').pathname]
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    capturer = new ChromiumCapturer({ executablePath: executable, readyTimeoutMs: 1500, log: (l) => logs.push(l) })
  })
  afterAll(async () => {
    await capturer?.close()
    await new Promise((r) => server?.close(r))
  })

  it('waits for briefingReady, then captures exactly the asked size', async () => {
    const started = Date.now()
    const png = await capturer.capture(spec(800, 400), `${base}/late?briefing=x`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(READY_DELAY_MS)
    expect(pngSize(png)).toEqual({ width: 800, height: 400 })
    // What was drawn after the delay is in the image: not a white page (a flat 800×400 page compresses to under 2 kB).
    expect(png.length).toBeGreaterThan(10_000)
  })

  it('times out with a clear message on a page that never becomes ready, and reuses the browser', async () => {
    await expect(capturer.capture(spec(640, 360), `${base}/never`)).rejects.toThrow(/briefing page not ready after 2 s: briefingReady not set/)
    expect(logs.filter((l) => l.includes('starting headless Chromium'))).toHaveLength(1)
  })

  it("reports the page's own error", async () => {
    await expect(capturer.capture(spec(640, 360), `${base}/error`)).rejects.toThrow(/the briefing page failed: no data for 440311/)
  })

  it('says clearly when Chromium is missing', async () => {
    const missing = new ChromiumCapturer({ executablePath: '/nonexistent/chromium', log: () => {} })
    await expect(missing.capture(spec(640, 360), `${base}/late`)).rejects.toThrow(/Chromium not found at \/nonexistent\/chromium.*GCC_CHROMIUM/)
    await missing.close()
  })
})
