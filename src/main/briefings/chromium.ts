import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import type { BriefingSpec } from '@shared/briefing/spec'
import { SHANGHAI_TIME_ZONE } from './settings'
import { CaptureError, DEFAULT_READY_TIMEOUT_MS, PageComplaints, READY_STATE_EXPRESSION, waitForBriefingReady, type Capturer } from './capturer'
import { SerialQueue } from './queue'

export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** Flags for a headless renderer on a shared server: no GPU, no background traffic of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

export interface ChromiumCapturerOptions {
  /** The Chromium binary (GCC_CHROMIUM); default /usr/bin/chromium. */
  executablePath?: string
  readyTimeoutMs?: number
  log: (line: string) => void
}

/**
 * The browser host's capturer, the way Grafana's image renderer works: the briefing page in
 * headless Chromium through playwright-core. The browser is launched on the first capture and
 * reused (relaunched if it dies); one page at a time; close() ends it.
 */
export class ChromiumCapturer implements Capturer {
  private readonly executablePath: string
  private readonly readyTimeoutMs: number
  private readonly queue = new SerialQueue()
  private browser: Promise<Browser> | null = null
  private closed = false

  constructor(private readonly options: ChromiumCapturerOptions) {
    this.executablePath = options.executablePath ?? DEFAULT_CHROMIUM
    this.readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS
  }

  capture(spec: BriefingSpec, url: string): Promise<Buffer> {
    return this.queue.run(() => this.captureNow(spec, url))
  }

  async close(): Promise<void> {
    this.closed = true
    const browser = this.browser
    this.browser = null
    if (browser) await browser.then((b) => b.close()).catch(() => undefined)
  }

  private async captureNow(spec: BriefingSpec, url: string): Promise<Buffer> {
    if (this.closed) throw new CaptureError('截图服务已停止 / the capturer has stopped')
    const browser = await this.launch()
    const context = await browser.newContext({
      viewport: { width: spec.width, height: spec.height },
      deviceScaleFactor: 1,
      locale: spec.locale,
      timezoneId: SHANGHAI_TIME_ZONE,
      serviceWorkers: 'block'
    })
    try {
      const page = await context.newPage()
      const complaints = new PageComplaints()
      page.on('pageerror', (err) => complaints.add(err.message))
      page.on('console', (message) => {
        if (message.type() === 'error') complaints.add(message.text())
      })
      const started = Date.now()
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.readyTimeoutMs }).catch((err: Error) => {
        throw new CaptureError(`简报页面打不开 / cannot open the briefing page: ${err.message.split('\n')[0]}`)
      })
      const left = Math.max(0, this.readyTimeoutMs - (Date.now() - started))
      await waitForBriefingReady(() => page.evaluate(READY_STATE_EXPRESSION), left, () => complaints.toString()).catch((err: unknown) => {
        // The message names the whole budget, not what was left after loading.
        if (err instanceof CaptureError) throw new CaptureError(err.message.replace(/after \d+ s/, `after ${Math.round(this.readyTimeoutMs / 1000)} s`))
        throw err
      })
      return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: spec.width, height: spec.height }, timeout: this.readyTimeoutMs })
    } finally {
      await context.close().catch(() => undefined)
    }
  }

  private launch(): Promise<Browser> {
    this.browser ??= this.start().catch((err: unknown) => {
      this.browser = null
      throw err
    })
    return this.browser
  }

  private async start(): Promise<Browser> {
    const executablePath = this.executablePath
    if (!existsSync(executablePath)) {
      throw new CaptureError(
        `找不到 Chromium / Chromium not found at ${executablePath}: install it (apt install chromium) or set GCC_CHROMIUM to its path`
      )
    }
    this.options.log(`[briefings] starting headless Chromium (${executablePath})`)
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }).catch((err: Error) => {
      throw new CaptureError(`Chromium 启动失败 / Chromium did not start (${executablePath}): ${err.message.split('\n')[0]}`)
    })
    browser.on('disconnected', () => {
      if (this.closed) return
      this.options.log('[briefings] headless Chromium exited; it starts again with the next capture')
      this.browser = null
    })
    return browser
  }
}
