/**
 * Frame-time benchmark of the wall's map: `npx tsx --tsconfig tsconfig.node.json bench/frames.ts
 * [--out out] [--frames 240]`. Builds nothing: starts the built browser host
 * (`node <out>/main/host.js --port <free> --data-dir <temp>`), opens the wall at 1920×1080 in
 * Debian's Chromium (playwright-core), turns every layer on, zooms to street level and scripts a
 * fixed pan-and-zoom path, one view change per animation frame, timing frames with
 * requestAnimationFrame in the page. Runs twice: buildings on a WebGL layer (the wall's default)
 * and the same buildings on an ordinary canvas VectorLayer (`?buildings=canvas`), then prints
 * median and p95 frame times and the ratio. Stops the host and removes the temp directory, always.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'

const { values } = parseArgs({ options: { out: { type: 'string', default: 'out' }, frames: { type: 'string', default: '240' } } })
const outDir = resolve(values.out)
const frames = Number(values.frames)
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => ok(port))
    })
  })
}

async function waitForHost(url: string, host: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (host.exitCode !== null) throw new Error(`host exited with code ${host.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('host did not start in time')
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN

interface Run {
  renderer: string
  median: number
  p95: number
  frames: number
}

async function measure(page: Page, url: string, renderer: 'webgl' | 'canvas'): Promise<Run> {
  await page.goto(`${url}/?buildings=${renderer}`)
  const map = page.getByTestId('district-map')
  await map.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 120_000 })
  // Every layer on.
  for (const toggle of await page.getByTestId('layer-toggles').locator('[aria-pressed="false"]').all()) await toggle.click()
  const used = await map.getAttribute('data-renderer')
  if (used !== renderer) throw new Error(`asked for ${renderer} buildings, the map uses ${used}`)

  const times = await page.evaluate(async (count: number) => {
    // Runs in the page (DOM types are not in this tsconfig): the map's documented test hook.
    const page = globalThis as unknown as {
      requestAnimationFrame(cb: (t: number) => void): number
      __gccMapTest: { view(): { center: number[]; zoom: number }; setView(center: number[], zoom: number): void }
    }
    const hook = page.__gccMapTest
    const start = hook.view()
    const [cx = 0, cy = 0] = start.center
    const base = 14.2 // street level: every building, camera and worker is drawn
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    hook.setView([cx, cy], base)
    for (let i = 0; i < 30; i++) await new Promise<number>((r) => page.requestAnimationFrame(r)) // warm-up: buffers built, tiles of labels cached
    const out: number[] = []
    let last = await new Promise<number>((r) => page.requestAnimationFrame(r))
    for (let i = 0; i < count; i++) {
      const a = (i / count) * 4 * Math.PI
      // A loop of ~2.5 km around the centre while zooming in and out by a level.
      hook.setView([cx + 2500 * Math.cos(a), cy + 2500 * Math.sin(a)], base + 0.8 * Math.sin(a * 1.5))
      const now = await new Promise<number>((r) => page.requestAnimationFrame(r))
      out.push(now - last)
      last = now
    }
    return out
  }, frames)
  const sorted = [...times].sort((a, b) => a - b)
  return { renderer, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), frames: times.length }
}

const dataDir = mkdtempSync(join(tmpdir(), 'gcc-frames-'))
let host: ChildProcess | undefined
let browser: Browser | undefined
try {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  host = spawn(process.execPath, [join(outDir, 'main/host.js'), '--port', String(port), '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] })
  console.log(`host: ${outDir}/main/host.js on port ${port} (generating the demo district…)`)
  await waitForHost(url, host)

  browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs })
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
  const gl = await page.evaluate(() => {
    interface Gl {
      RENDERER: number
      getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null
      getParameter(p: number): unknown
    }
    const doc = (globalThis as unknown as { document: { createElement(tag: 'canvas'): { getContext(kind: 'webgl'): Gl | null } } }).document
    const ctx = doc.createElement('canvas').getContext('webgl')
    const info = ctx?.getExtension('WEBGL_debug_renderer_info')
    return ctx ? String(info ? ctx.getParameter(info.UNMASKED_RENDERER_WEBGL) : ctx.getParameter(ctx.RENDERER)) : 'no WebGL'
  })
  console.log(`Chromium with --disable-gpu: WebGL renderer "${gl}"${/swiftshader/i.test(gl) ? ' (SwiftShader: software WebGL on the CPU, not a GPU)' : ''}`)

  const runs: Run[] = []
  for (const renderer of ['webgl', 'canvas'] as const) {
    const run = await measure(page, url, renderer)
    runs.push(run)
    console.log(`${renderer.padEnd(6)} buildings: median ${run.median.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms over ${run.frames} frames`)
  }
  const [webgl, canvas] = runs as [Run, Run]
  console.log(`canvas / WebGL: median ×${(canvas.median / webgl.median).toFixed(2)}, p95 ×${(canvas.p95 / webgl.p95).toFixed(2)}`)
} finally {
  await browser?.close().catch(() => undefined)
  if (host && host.exitCode === null) {
    host.kill('SIGTERM')
    await new Promise((r) => {
      const timer = setTimeout(() => {
        host?.kill('SIGKILL')
        r(null)
      }, 5000)
      host?.once('exit', () => {
        clearTimeout(timer)
        r(null)
      })
    })
  }
  rmSync(dataDir, { recursive: true, force: true })
}
