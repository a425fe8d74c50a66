/**
 * Alert-to-screen latency in the browser host: `npx tsx --tsconfig tsconfig.node.json
 * bench/latency.ts [--out out] [--rate 200] [--seconds 20]`.
 *
 * Builds nothing (`npm run bench` builds first). Starts Mosquitto (tests/support/mosquitto.ts) and
 * the built browser host (`node <out>/main/host.js --port <free> --data-dir <temp>`) with a
 * `mqtt.json` naming that broker (simulator off), opens the wall at 1920×1080 in Debian's
 * Chromium (playwright-core) and waits for the alert feed. A MutationObserver on the feed panel
 * stamps each `[data-testid="alert-row"][data-alert-id]` when it first enters the DOM
 * (performance.timeOrigin + now(), the machine's clock) and again at the next animation frame
 * (the frame that paints it). This process then publishes new native alerts (QoS 1, a random
 * online camera each, no position: at the camera) at `rate` per second for `seconds`, noting the
 * time of each PUBLISH. Latency = first in the DOM − published; the figures p50 / p95 / max, the
 * same at the painting frame, and how many of the published alerts reached the feed (all should:
 * the feed lists the newest 50 rows, and the alerts' time is their publication; an alert that
 * reached the browser with or after 50 newer ones, when the host or the page fell behind, could
 * not be listed, and counts as shown at the render that took its push in: supersededInFeed).
 * Target (the issue): p95 ≤ 300 ms.
 *
 * Also printed, to tell where the time goes: when each alert's push frame reached the browser
 * (Playwright's WebSocket events, via CDP: late when this process or the browser is saturated)
 * and the page's long tasks (> 50 ms) during the run. GCC_LATENCY_PROFILE=1 adds a CPU profile of
 * the page over the publishing (self time by function, top 40).
 *
 * Unknown arguments are ignored (bench/index.ts passes everyone's). Stops the browser, the host and
 * the broker and removes the temp directory always; exits non-zero on a failure or a missed target.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { connect, type MqttClient } from 'mqtt'
import { chromium, type Browser, type Page } from 'playwright-core'
import { databasePath } from '../src/main/config'
import { freePort, startMosquitto, type MosquittoHandle } from '../tests/support/mosquitto'
import { percentile, stopHost, waitForHost } from './support/host'

const { values } = parseArgs({
  strict: false,
  options: {
    out: { type: 'string', default: 'out' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' }
  }
})
const outDir = resolve(String(values.out))
const rate = Number(values.rate)
const seconds = Number(values.seconds)
const TARGET_P95_MS = 300
const flags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const clock = (): number => performance.timeOrigin + performance.now()
const ms = (x: number): string => `${x.toFixed(0)} ms`

/** In the page: stamps every alert row when it enters the feed panel and at the frame after. */
function observeFeed(page: Page): Promise<void> {
  return page.evaluate(() => {
    // Runs in the page (DOM types are not in this tsconfig).
    interface El {
      matches(s: string): boolean
      getAttribute(a: string): string | null
      querySelectorAll(s: string): ArrayLike<El>
    }
    const g = globalThis as unknown as {
      document: { querySelector(s: string): unknown }
      MutationObserver: new (cb: (records: { addedNodes: ArrayLike<unknown> }[]) => void) => { observe(target: unknown, o: { childList: boolean; subtree: boolean }): void }
      requestAnimationFrame(cb: () => void): number
      performance: { timeOrigin: number; now(): number }
      __gccSeen: Record<string, [number, number]>
    }
    const seen: Record<string, [number, number]> = (g.__gccSeen = {})
    let pending: string[] = []
    const stamp = (id: string | null, t: number): void => {
      if (id === null || id in seen) return
      seen[id] = [t, NaN]
      if (pending.length === 0) {
        g.requestAnimationFrame(() => {
          const f = g.performance.timeOrigin + g.performance.now()
          for (const p of pending) seen[p]![1] = f
          pending = []
        })
      }
      pending.push(id)
    }
    const panel = g.document.querySelector('[data-testid="panel-alerts"]')
    if (!panel) throw new Error('no alert panel')
    // The panel, not the list: a reload re-creates the list element.
    new g.MutationObserver((records) => {
      const t = g.performance.timeOrigin + g.performance.now()
      for (const r of records) {
        for (let i = 0; i < r.addedNodes.length; i++) {
          const n = r.addedNodes[i] as El
          if (typeof n.matches !== 'function') continue
          if (n.matches('[data-testid="alert-row"][data-alert-id]')) stamp(n.getAttribute('data-alert-id'), t)
          const rows = n.querySelectorAll('[data-testid="alert-row"][data-alert-id]')
          for (let j = 0; j < rows.length; j++) stamp(rows[j]!.getAttribute('data-alert-id'), t)
        }
      }
    }).observe(panel, { childList: true, subtree: true })
  })
}

/**
 * Alerts missing from the feed's DOM that could not be in it: the feed lists the newest `feedRows`,
 * and when the page took such an alert in, at least that many above it (newer, or as new with a
 * smaller id) were already listed (the page or the host had fallen behind and a burst came in at
 * once, or more alerts than that share its millisecond); it is in the wall's window and
 * on the map, and in SQLite. Counted conservatively: the newer rows listed by the first render at
 * or after the page received it (its own render cannot be earlier). Each counts as shown at the
 * first render of an alert the page received after it (its own render cannot be later).
 */
function supersededInFeed(
  missed: readonly string[],
  feedRows: number,
  received: Readonly<Record<string, number>>,
  sentTime: ReadonlyMap<string, number>,
  stamps: Readonly<Record<string, [number, number]>>
): { superseded: number; shownAt: Map<string, number> } {
  const listed = Object.entries(stamps).map(([id, [t]]) => ({ id, t, time: sentTime.get(id) ?? -Infinity, received: received[id] ?? -Infinity }))
  const shownAt = new Map<string, number>()
  for (const id of missed) {
    const got = received[id]
    const time = sentTime.get(id)
    if (got === undefined || time === undefined) continue
    let firstRender = Infinity
    let laterRender = Infinity
    for (const r of listed) {
      if (r.t >= got) firstRender = Math.min(firstRender, r.t)
      if (r.received >= got) laterRender = Math.min(laterRender, r.t)
    }
    // Above it in the feed: newer, or as new and a smaller id (the feed's order, stores/alerts.ts).
    const newer = listed.filter((r) => (r.time > time || (r.time === time && r.id < id)) && r.t <= firstRender).length
    if (newer >= feedRows && Number.isFinite(laterRender)) shownAt.set(id, laterRender)
  }
  return { superseded: shownAt.size, shownAt }
}

function publisherClient(url: string): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const c = connect(url, { clientId: `gcc-bench-latency-${process.pid}`, clean: true, protocolVersion: 4, reconnectPeriod: 0 })
    c.once('connect', () => resolve(c))
    c.once('error', reject)
  })
}

async function main(): Promise<void> {
  if (!(rate > 0) || !(seconds > 0)) throw new Error('--rate and --seconds must be > 0')
  const hostJs = join(outDir, 'main/host.js')
  if (!existsSync(hostJs)) throw new Error(`${hostJs} not found: build first (npx electron-vite build, or npm run bench)`)
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH)`)

  const dataDir = mkdtempSync(join(tmpdir(), 'gcc-latency-'))
  let broker: MosquittoHandle | undefined
  let host: ChildProcess | undefined
  let browser: Browser | undefined
  let client: MqttClient | undefined
  try {
    broker = await startMosquitto({ autosaveInterval: 1800 })
    writeFileSync(join(dataDir, 'mqtt.json'), JSON.stringify({ broker: { url: broker.url, protocolVersion: 5 }, simulator: { enabled: false } }))
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    host = spawn(process.execPath, [hostJs, '--port', String(port), '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] })
    console.log(`host: ${hostJs} on port ${port}, broker ${broker.url} (generating the demo district…)`)
    await waitForHost(url, host)

    const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true })
    const cameras = db.prepare<[], { id: string }>('SELECT id FROM cameras WHERE online = 1 ORDER BY id').all().map((c) => c.id)
    db.close()
    if (cameras.length === 0) throw new Error('the district has no online camera')

    browser = await chromium.launch({ executablePath, args: flags })
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
    await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)')
    // Where the time goes: when each alert's push frame reached the browser (CDP network events,
    // off the page's main thread), and how long the page's main thread was busy in long tasks.
    const wsAt = new Map<string, number>()
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (typeof f.payload !== 'string' || !f.payload.includes('lat-')) return
        const t = clock()
        for (const m of f.payload.matchAll(/"id":"(lat-[^"]+)"/g)) if (!wsAt.has(m[1]!)) wsAt.set(m[1]!, t)
      })
    )
    await page.addInitScript(() => {
      const g = globalThis as unknown as {
        __gccLong: number[]
        __gccReceived: Record<string, number>
        PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => { observe(o: { type: string }): void }
        WebSocket: new (...args: unknown[]) => { addEventListener(type: 'message', cb: (e: { data: unknown }) => void): void }
        performance: { timeOrigin: number; now(): number }
      }
      g.__gccLong = []
      new g.PerformanceObserver((list) => {
        for (const e of list.getEntries()) g.__gccLong.push(e.duration)
      }).observe({ type: 'longtask' })
      // When the page's main thread took each alert's push in (the app's listener runs next).
      const received: Record<string, number> = (g.__gccReceived = {})
      const Native = g.WebSocket
      g.WebSocket = class extends Native {
        constructor(...args: unknown[]) {
          super(...args)
          this.addEventListener('message', (e) => {
            if (typeof e.data !== 'string' || !e.data.includes('lat-')) return
            const t = g.performance.timeOrigin + g.performance.now()
            for (const m of e.data.matchAll(/"id":"(lat-[^"]+)"/g)) received[m[1]!] ??= t
          })
        }
      }
    })
    await page.goto(url)
    await page.locator('[data-testid="panel-alerts"][data-ready="true"]').waitFor({ timeout: 120_000 })
    await observeFeed(page)

    const c = await publisherClient(broker.url)
    client = c
    const runId = Date.now().toString(36)
    let seq = 0
    const published = new Map<string, number>()
    /** Each alert's time as sent (the feed's order). */
    const sentTime = new Map<string, number>()
    const send = (id: string): Promise<void> => {
      const camera = cameras[seq % cameras.length * 7919 % cameras.length]!
      const time = Date.now()
      const payload = JSON.stringify({ schemaVersion: 1, id, cameraId: camera, type: 'intrusion', score: 0.8, time, trackId: null })
      published.set(id, clock())
      sentTime.set(id, time)
      return new Promise((res, rej) => c.publish(`alerts/${camera}`, payload, { qos: 1 }, (err) => (err ? rej(err) : res())))
    }
    const seen = (): Promise<Record<string, [number, number]>> => page.evaluate(() => (globalThis as unknown as { __gccSeen: Record<string, [number, number]> }).__gccSeen)

    // The host's link is subscribed once a probe reaches the feed.
    for (let i = 0; ; i++) {
      const id = `lat-${runId}-probe-${i}`
      await send(id)
      const until = Date.now() + 1000
      while (Date.now() < until && !(id in (await seen()))) await new Promise((r) => setTimeout(r, 50))
      if (id in (await seen())) break
      if (i >= 60) throw new Error('no probe alert reached the feed in 60 s: is the host connected to the broker?')
    }
    await new Promise((r) => setTimeout(r, 1000))
    published.clear()
    sentTime.clear()
    const longBefore = await page.evaluate(() => (globalThis as unknown as { __gccLong: number[] }).__gccLong.length)

    const cdp = process.env['GCC_LATENCY_PROFILE'] ? await page.context().newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
      await cdp.send('Profiler.start')
    }
    // Publish at `rate` for `seconds`, paced every 5 ms.
    const total = Math.round(rate * seconds)
    const acks: Promise<void>[] = []
    const start = clock()
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        const due = Math.min(total, Math.floor(((clock() - start) * rate) / 1000) + 1)
        while (seq < due) acks.push(send(`lat-${runId}-${++seq}`))
        if (seq >= total) {
          clearInterval(timer)
          done()
        }
      }, 5)
    })
    const elapsed = (clock() - start) / 1000
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[] } }
      const self = new Map<number, number>()
      for (const s of profile.samples) self.set(s, (self.get(s) ?? 0) + 1)
      const byFn = new Map<string, number>()
      for (const n of profile.nodes) {
        const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
        byFn.set(k, (byFn.get(k) ?? 0) + (self.get(n.id) ?? 0))
      }
      const total = profile.samples.length
      console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} % ${k}`).join('\n'))
    }
    await Promise.all(acks)
    await new Promise((r) => setTimeout(r, 2000))
    const stamps = await seen()
    const received = await page.evaluate(() => (globalThis as unknown as { __gccReceived: Record<string, number> }).__gccReceived)
    // How many rows the feed lists (its DOM holds the newest that many).
    const feedRows = await page.locator('[data-testid="panel-alerts"] [data-testid="alert-row"]').count()
    const long = (await page.evaluate(() => (globalThis as unknown as { __gccLong: number[] }).__gccLong)).slice(longBefore)

    const dom: number[] = []
    const frame: number[] = []
    const ws: number[] = []
    const missed: string[] = []
    for (const [id, at] of published) {
      const w = wsAt.get(id)
      if (w !== undefined) ws.push(w - at)
      const s = stamps[id]
      if (!s) {
        missed.push(id)
        continue
      }
      dom.push(s[0] - at)
      if (Number.isFinite(s[1])) frame.push(s[1] - at)
    }
    const { superseded, shownAt } = supersededInFeed(missed, feedRows, received, sentTime, stamps)
    for (const [id, t] of shownAt) dom.push(t - published.get(id)!)
    ws.sort((a, b) => a - b)
    dom.sort((a, b) => a - b)
    frame.sort((a, b) => a - b)
    const p95 = percentile(dom, 0.95)
    const ok = dom.length === total && p95 <= TARGET_P95_MS
    console.log(`Chromium ${browser.version()} (${flags.join(' ')}), 1920×1080; ${total} alerts published at ${(total / elapsed).toFixed(0)}/s over ${elapsed.toFixed(1)} s (QoS 1)`)
    console.log(`\n${'alert → screen'.padEnd(34)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  target`)
    console.log(`${'in the feed (DOM)'.padEnd(34)} ${ms(percentile(dom, 0.5)).padStart(8)} ${ms(p95).padStart(8)} ${ms(dom.at(-1) ?? NaN).padStart(8)}  p95 ≤ ${TARGET_P95_MS} ms ${p95 <= TARGET_P95_MS ? '✓' : '✗'}`)
    console.log(`${'painted (next animation frame)'.padEnd(34)} ${ms(percentile(frame, 0.5)).padStart(8)} ${ms(percentile(frame, 0.95)).padStart(8)} ${ms(frame.at(-1) ?? NaN).padStart(8)}`)
    console.log(`${'pushed to the browser (WebSocket)'.padEnd(34)} ${ms(percentile(ws, 0.5)).padStart(8)} ${ms(percentile(ws, 0.95)).padStart(8)} ${ms(ws.at(-1) ?? NaN).padStart(8)}  (${ws.length} of ${total})`)
    const busy = long.reduce((a, b) => a + b, 0)
    console.log(`page main thread: ${long.length} long tasks (> 50 ms), ${ms(busy)} in all (${((busy / 1000 / (elapsed + 2)) * 100).toFixed(0)} % of the run), longest ${ms(Math.max(0, ...long))}`)
    console.log(
      `reached the feed: ${dom.length} of ${total} ${dom.length === total ? '✓' : '✗'}` +
        (superseded > 0
          ? `, ${superseded} of them below ${feedRows} newer ones when they arrived (the feed lists ${feedRows}; counted as shown at the render that took them in)`
          : '')
    )
    console.log(ok ? '\nalert-to-screen latency meets its target' : '\nalert-to-screen latency MISSES its target')
    if (!ok) process.exitCode = 1
  } finally {
    client?.end(true)
    await browser?.close().catch(() => undefined)
    if (host) await stopHost(host)
    await broker?.dispose().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

try {
  await main()
} catch (error) {
  console.error(`bench/latency: FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}

