/**
 * `npm run bench [-- --scale S --runs N]`: generates the demo district into a temporary store
 * (the issue's limit at scale 1 is 20 s on 2 cores), then times each query the wall runs
 * (median and p95 over N runs). Prints a table; writes nothing outside the temp directory.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AuthService } from '../src/main/services/auth'
import { ApiDispatcher } from '../src/main/services/dispatcher'
import { EventHub } from '../src/main/services/events'
import { createHandlers } from '../src/main/services/handlers'
import { SessionRegistry } from '../src/main/services/sessions'
import { loadDemoDistrict } from '../src/main/demo/load'
import { DEFAULT_DEMO_CENTER, DEFAULT_DEMO_SEED } from '../src/main/demo/options'
import { Store } from '../src/main/store/store'

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, runs: { type: 'string', default: '30' } } })
const scale = Number(values.scale)
const runs = Number(values.runs)

const dir = mkdtempSync(join(tmpdir(), 'gcc-bench-'))
const store = Store.open(join(dir, 'gcc.sqlite3'))
try {
  const started = performance.now()
  let last = -1
  const summary = loadDemoDistrict(store, {
    seed: DEFAULT_DEMO_SEED,
    scale,
    center: DEFAULT_DEMO_CENTER,
    now: Date.now(),
    onProgress: (p) => {
      const pct = Math.floor(p.fraction * 20) * 5
      if (pct !== last) {
        last = pct
        process.stderr.write(`\r  generating ${String(pct).padStart(3)}%`)
      }
    }
  })
  const seconds = (performance.now() - started) / 1000
  process.stderr.write('\n')
  console.log(`demo district, scale ${scale}: ${summary.grids} grids, ${summary.buildings} buildings, ${summary.events} events in ${seconds.toFixed(2)} s`)

  const sessions = new SessionRegistry()
  const deps = { store, auth: new AuthService(store), sessions, hub: new EventHub(), runtime: 'browser' as const, productName: 'bench', version: '0', now: Date.now }
  const dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), console.error)
  const ctx = { sessionKey: null, issuesTokens: true }
  const street = store.regions.byLevel('street')[0]!.code
  const community = store.regions.byLevel('community')[0]!.code
  const queries: [string, string, unknown][] = [
    ['system.status', 'system.status', {}],
    ['map.district', 'map.district', {}],
    ['stats.summary (district)', 'stats.summary', { areaCode: summary.districtCode }],
    ['stats.eventsByArea 30 d (district)', 'stats.eventsByArea', { areaCode: summary.districtCode, days: 30 }],
    ['stats.eventsByArea 30 d (street)', 'stats.eventsByArea', { areaCode: street, days: 30 }],
    ['stats.eventsByArea 365 d (community)', 'stats.eventsByArea', { areaCode: community, days: 365 }]
  ]
  console.log(`\n${'query'.padEnd(40)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)}`)
  for (const [label, method, input] of queries) {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      const r = await dispatcher.handle(ctx, method, input)
      times.push(performance.now() - t)
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    }
    times.sort((a, b) => a - b)
    const at = (q: number): string => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2)
    console.log(`${label.padEnd(40)} ${at(0.5).padStart(10)} ${at(0.95).padStart(10)}`)
  }
} finally {
  store.close()
  rmSync(dir, { recursive: true, force: true })
}
