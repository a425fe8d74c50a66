import type { BriefingSpec } from '@shared/briefing/spec'

/**
 * Renders the briefing page and returns its PNG: headless Chromium in the browser host
 * (./chromium.ts), an off-screen window in Electron (src/main/electron/briefingCapture.ts).
 */
export interface Capturer {
  /** Exactly `spec.width × spec.height` CSS px at device scale factor 1, once the page is ready. */
  capture(spec: BriefingSpec, url: string): Promise<Buffer>
  /** Ends what it started (the browser, windows); a capture still running fails. */
  close(): Promise<void>
}

export const DEFAULT_READY_TIMEOUT_MS = 60_000
const POLL_MS = 100

/**
 * The page's readiness contract (docs/BRIEFINGS.md): `data-briefing-ready` on <html> becomes
 * `true`, or `error` with the reason in `data-briefing-error`. A JavaScript expression (main has
 * no DOM types) giving `[ready, error]`.
 */
export const READY_STATE_EXPRESSION =
  '[document.documentElement.dataset.briefingReady || "", document.documentElement.dataset.briefingError || ""]'

/** The capture failed in a way the operator should read (the page, the browser, the timeout). */
export class CaptureError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CaptureError'
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Polls `readState` (which evaluates READY_STATE_EXPRESSION in the page) until the page is ready;
 * throws CaptureError when it reports an error or is not ready after `timeoutMs`. `detail` says
 * what the page did meanwhile (its errors), for the message.
 */
export async function waitForBriefingReady(
  readState: () => Promise<unknown>,
  timeoutMs: number,
  detail: () => string = () => ''
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last: string
  for (;;) {
    try {
      const state = await readState()
      const [ready, error] = Array.isArray(state) ? state.map(String) : ['', '']
      if (ready === 'true') return
      if (ready === 'error') throw new CaptureError(`简报页面报错 / the briefing page failed: ${error || 'no reason given'}`)
      last = ready ? `briefingReady=${ready}` : 'briefingReady not set'
    } catch (err) {
      if (err instanceof CaptureError) throw err
      last = `page not reachable: ${(err as Error).message.split('\n')[0]}`
    }
    if (Date.now() >= deadline) {
      const more = detail()
      throw new CaptureError(
        `briefing page not ready after ${Math.round(timeoutMs / 1000)} s: ${last}${more ? `; ${more}` : ''} / 简报页面未就绪`
      )
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())))
  }
}

/** The last few things a page complained about, for an error message. */
export class PageComplaints {
  private readonly lines: string[] = []

  add(line: string): void {
    this.lines.push(line.slice(0, 300))
    if (this.lines.length > 5) this.lines.shift()
  }

  toString(): string {
    return this.lines.length ? `page errors: ${this.lines.join(' | ')}` : ''
  }
}
