/**
 * Frame-time benchmark of the wall's map: `npx tsx --tsconfig tsconfig.node.json bench/frames.ts
 * [--out out] [--frames 240] [--gl swiftshader|disabled|gpu] [--no-interaction]`.
 *
 * Builds nothing (`npm run bench` builds first): starts the built browser host
 * (`node <out>/main/host.js --port <free> --data-dir <temp>`), opens the wall at 1920×1080 in
 * Debian's Chromium (playwright-core), turns every layer on, zooms to street level and scripts a
 * fixed pan-and-zoom path, one view change per animation frame, as one continuous interaction (the
 * view carries OpenLayers' INTERACTING hint, as during a drag, pinch or wheel zoom). Runs twice in
 * the same browser: buildings on the WebGL layer (the wall's default) and the same buildings on an
 * ordinary canvas VectorLayer (`?buildings=canvas`). Per run it prints the frame interval (rAF to
 * rAF: what the wall shows, including the GPU process' work) and the map's own render time
 * (precompose → postrender on the main thread), median and p95, checks that every measured frame
 * rendered the map, and ends with the ratio canvas / WebGL (> 1: WebGL is faster).
 *
 * --gl: disabled (default, as the e2e tests: `--disable-gpu`: software compositing, WebGL falls back
 * to SwiftShader, a CPU renderer), swiftshader (`--use-gl=angle --use-angle=swiftshader
 * --enable-unsafe-swiftshader`: GPU compositing emulated by SwiftShader too; slower for both
 * renderers on a CPU), gpu (no GL flags: the machine's GPU if Chromium finds one). --no-interaction moves the view without the hint: every
 * frame is then a jump of a view at rest, after which OpenLayers' WebGL layer rebuilds its buffers
 * for every building, which no person's pan does (kept to show the difference).
 *
 * Unknown arguments are ignored (bench/index.ts passes the database benchmark's own). Stops the
 * host and removes the temp directory always; exits non-zero with a message on any failure.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import { percentile, stopHost, waitForHost } from './support/host'

const { values } = parseArgs({
  strict: false,
  options: {
    out: { type: 'string', default: 'out' },
    frames: { type: 'string', default: '240' },
    gl: { type: 'string', default: 'disabled' },
    'no-interaction': { type: 'boolean', default: false }
  }
})
const outDir = resolve(String(values.out))
const frames = Number(values.frames)
const glMode = String(values.gl)
const interaction = values['no-interaction'] !== true
const glFlags: Record<string, string[]> = {
  swiftshader: ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  disabled: ['--disable-gpu'],
  gpu: []
}
const baseFlags = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

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

const stats = (xs: readonly number[]): { median: number; p95: number } => {
  const sorted = [...xs].sort((a, b) => a - b)
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }
}
const ms = (x: number): string => `${x.toFixed(1)} ms`

interface Run {
  renderer: 'webgl' | 'canvas'
  frame: { median: number; p95: number }
  render: { median: number; p95: number }
  frames: number
  /** Measured frames in which the map did not render, or rendered more than once. */
  idle: number
  extra: number
  /** Time from the end of the gesture to the next complete render (the WebGL layer rebuilds its buffers then). */
  settleMs: number
  layers: string[]
  features: { buildings: number; cameras: number; staff: number }
}

interface PageResult {
  intervals: number[]
  renderMs: number[]
  renders: number[]
  settleMs: number
  features: Run['features']
}

async function measure(page: Page, url: string, renderer: 'webgl' | 'canvas'): Promise<Run> {
  await page.goto(`${url}/?buildings=${renderer}`)
  const map = page.getByTestId('district-map')
  await map.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 120_000 })
  const toggles = page.getByTestId('layer-toggles')
  // Every layer on.
  for (const toggle of await toggles.locator('[aria-pressed="false"]').all()) await toggle.click()
  const off = await toggles.locator('[aria-pressed="false"]').count()
  if (off > 0) throw new Error(`${off} layer toggle(s) still off`)
  const layers = await toggles.locator('[aria-pressed="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-layer') ?? '?'))
  const used = await map.getAttribute('data-renderer')
  if (used !== renderer) throw new Error(`asked for ${renderer} buildings, the map uses ${used}`)

  const result = await page.evaluate(
    async ({ count, interaction }: { count: number; interaction: boolean }): Promise<PageResult> => {
      // Runs in the page (DOM types are not in this tsconfig): the map's documented test hook.
      const page = globalThis as unknown as {
        requestAnimationFrame(cb: (t: number) => void): number
        performance: { now(): number }
        document: { querySelector(s: string): { getAttribute(a: string): string | null } | null }
        __gccMapTest: {
          view(): { center: number[]; zoom: number }
          setView(center: number[], zoom: number): void
          interacting(active: boolean): void
          stats(): { renders: number; renderMs: number; features: PageResult['features'] }
        }
      }
      const hook = page.__gccMapTest
      const frame = (): Promise<number> => new Promise<number>((r) => page.requestAnimationFrame(r))
      const start = hook.view()
      const [cx = 0, cy = 0] = start.center
      const base = 14.2 // street level: every building, camera and worker is drawn
      hook.setView([cx, cy], base)
      // At rest at street zoom: the layers build what they draw (WebGL buffers, label cache).
      for (let i = 0; i < 60; i++) await frame()
      const path = (i: number): [number[], number] => {
        const a = (i / count) * 4 * Math.PI
        // A loop of ~2.5 km around the centre while zooming in and out by a level.
        return [[cx + 2500 * Math.cos(a), cy + 2500 * Math.sin(a)], base + 0.8 * Math.sin(a * 1.5)]
      }
      if (interaction) hook.interacting(true)
      // Warm-up on the path (not measured).
      for (let i = 0; i < 20; i++) {
        const [c, z] = path(i)
        hook.setView(c, z)
        await frame()
      }
      const intervals: number[] = []
      const renderMs: number[] = []
      const renders: number[] = []
      let last = await frame()
      let before = hook.stats()
      for (let i = 0; i < count; i++) {
        const [c, z] = path(i)
        hook.setView(c, z)
        const now = await frame()
        const after = hook.stats()
        intervals.push(now - last)
        renderMs.push(after.renderMs - before.renderMs)
        renders.push(after.renders - before.renders)
        last = now
        before = after
      }
      // End of the gesture: time to the next complete render (buffers rebuilt for the final view).
      const ended = page.performance.now()
      if (interaction) hook.interacting(false)
      let settleMs = NaN
      for (let i = 0; i < 600; i++) {
        await frame()
        const rendersNow = hook.stats().renders
        if (rendersNow > before.renders + 1) {
          // a render after the hint was dropped, then a frame without one: settled
          await frame()
          if (hook.stats().renders === rendersNow) {
            settleMs = page.performance.now() - ended
            break
          }
          before = hook.stats()
        }
      }
      return { intervals, renderMs, renders, settleMs, features: hook.stats().features }
    },
    { count: frames, interaction }
  )
  return {
    renderer,
    frame: stats(result.intervals),
    render: stats(result.renderMs),
    frames: result.intervals.length,
    idle: result.renders.filter((n) => n === 0).length,
    extra: result.renders.filter((n) => n > 1).length,
    settleMs: result.settleMs,
    layers,
    features: result.features
  }
}

async function main(): Promise<void> {
  const flags = glFlags[glMode]
  if (!flags) throw new Error(`--gl must be one of ${Object.keys(glFlags).join(', ')}, not "${glMode}"`)
  if (!Number.isInteger(frames) || frames < 10) throw new Error(`--frames must be an integer ≥ 10, not "${String(values.frames)}"`)
  const hostJs = join(outDir, 'main/host.js')
  if (!existsSync(hostJs)) throw new Error(`${hostJs} not found: build first (npx electron-vite build, or npm run bench)`)
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH)`)

  const dataDir = mkdtempSync(join(tmpdir(), 'gcc-frames-'))
  let host: ChildProcess | undefined
  let browser: Browser | undefined
  try {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    host = spawn(process.execPath, [hostJs, '--port', String(port), '--data-dir', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] })
    console.log(`host: ${hostJs} on port ${port} (generating the demo district…)`)
    await waitForHost(url, host)

    const args = [...baseFlags, ...flags]
    browser = await chromium.launch({ executablePath, args })
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 })
    // tsx (esbuild, keepNames) wraps the named functions of the page.evaluate callbacks in __name().
    await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)')
    const gl = await page.evaluate(() => {
      interface Gl {
        RENDERER: number
        getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null
        getParameter(p: number): unknown
      }
      const doc = (globalThis as unknown as { document: { createElement(tag: 'canvas'): { getContext(kind: 'webgl2'): Gl | null } } }).document
      const ctx = doc.createElement('canvas').getContext('webgl2')
      const info = ctx?.getExtension('WEBGL_debug_renderer_info')
      return ctx ? String(info ? ctx.getParameter(info.UNMASKED_RENDERER_WEBGL) : ctx.getParameter(ctx.RENDERER)) : ''
    })
    if (!gl) throw new Error(`Chromium (${args.join(' ')}) offers no WebGL 2: the WebGL layer cannot be measured`)
    const software = /swiftshader|llvmpipe|software/i.test(gl)
    console.log(`Chromium ${browser.version()}, GL flags: ${flags.join(' ') || '(none)'}`)
    console.log(`WebGL renderer: ${gl} → ${software ? 'SOFTWARE (SwiftShader: WebGL emulated on the CPU, no GPU)' : 'GPU'}`)
    console.log(`viewport 1920×1080 @1x, ${frames} frames of pan + zoom (z 13.4–15.0), ${interaction ? 'as one interaction (INTERACTING hint)' : 'WITHOUT the interaction hint (every frame a view at rest)'}`)

    const runs: Run[] = []
    for (const renderer of ['webgl', 'canvas'] as const) {
      const run = await measure(page, url, renderer)
      runs.push(run)
      if (renderer === 'webgl') {
        const f = run.features
        console.log(`layers on: ${run.layers.join(', ')}; points: ${f.buildings} buildings, ${f.cameras} cameras, ${f.staff} workers`)
      }
      const flags = [run.idle ? `${run.idle} frame(s) without a map render` : '', run.extra ? `${run.extra} frame(s) with extra renders` : ''].filter(Boolean)
      console.log(
        `${renderer.padEnd(6)} buildings: frame ${ms(run.frame.median)} median / ${ms(run.frame.p95)} p95; map render ${ms(run.render.median)} / ${ms(run.render.p95)}` +
          ` over ${run.frames} frames; settle after gesture ${Number.isNaN(run.settleMs) ? 'n/a' : ms(run.settleMs)}${flags.length ? ` (${flags.join(', ')})` : ''}`
      )
    }
    const [webgl, canvas] = runs as [Run, Run]
    if (webgl.idle > webgl.frames / 10 || canvas.idle > canvas.frames / 10) throw new Error('more than 10 % of the measured frames did not render the map: the figures would not be frame times')
    const median = canvas.frame.median / webgl.frame.median
    const p95 = canvas.frame.p95 / webgl.frame.p95
    console.log(`ratio canvas / WebGL (frame interval, > 1: WebGL faster): median ×${median.toFixed(2)}, p95 ×${p95.toFixed(2)}`)
    console.log(`ratio canvas / WebGL (map render on the main thread): median ×${(canvas.render.median / webgl.render.median).toFixed(2)}, p95 ×${(canvas.render.p95 / webgl.render.p95).toFixed(2)}`)
    const verdict = median > 1.1 ? `WebGL is ${median.toFixed(1)}× faster` : median < 0.9 ? `WebGL is ${(1 / median).toFixed(1)}× slower` : 'WebGL and canvas are on par'
    console.log(
      `→ ${verdict} per frame ${
        software
          ? 'here, but WebGL ran on SwiftShader (the GPU emulated on the CPU, which pays per pixel for the antialiased circle shader): this measures the CPU, not the wall\'s GPU; rerun with --gl gpu on the wall PC for the figure that counts.'
          : `on this GPU (${gl}).`
      }`
    )
  } finally {
    await browser?.close().catch(() => undefined)
    if (host) await stopHost(host)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

try {
  await main()
} catch (error) {
  console.error(`bench/frames: FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
