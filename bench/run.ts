/**
 * `npm run bench [-- --scale S --runs N --million]`: generates the demo district into a temporary
 * store (the issue's limit at scale 1 is 20 s on 2 cores), then times each query the wall runs
 * (median and p95 over N runs) for the district, a street and a community, and marks each against
 * the wall's limit: 30 ms on the default district, 100 ms at a million events (`--million`, which
 * is scale 30: ~80 s and 1.2 GB in the temp directory). Writes nothing outside the temp directory.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { AuthService } from '../src/main/services/auth'
import { ApiDispatcher } from '../src/main/services/dispatcher'
import { EventHub } from '../src/main/services/events'
import { createHandlers } from '../src/main/services/handlers/index'
import { SessionRegistry } from '../src/main/services/sessions'
import { loadDemoDistrict } from '../src/main/demo/load'
import { DEFAULT_DEMO_CENTER, DEFAULT_DEMO_SEED, type DemoSummary } from '../src/main/demo/options'
import { metaKeys } from '../src/main/store/metaKeys'
import { Store } from '../src/main/store/store'
import { rankingDays } from '../src/main/services/handlers/stats'
import { shanghaiDayStart } from '../src/shared/time'

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '30' },
    million: { type: 'boolean', default: false },
    // Keep the generated store at this path, or reuse it if it exists (for repeated timings).
    db: { type: 'string' }
  }
})
const scale = values.million ? 30 : Number(values.scale)
const runs = Number(values.runs)
/** The wall's budget per query: 30 ms on the default district, 100 ms at a million events. */
const limitMs = scale >= 30 ? 100 : 30
/** The event list, supervision and dispute early warning (issue 5): 50 ms at a million events. */
const eventsLimitMs = scale >= 30 ? 50 : 30

const dir = values.db ? dirname(values.db) : mkdtempSync(join(tmpdir(), 'gcc-bench-'))
const file = values.db ?? join(dir, 'gcc.sqlite3')
const reuse = values.db !== undefined && existsSync(values.db)
const store = Store.open(file)
try {
  const started = performance.now()
  let last = -1
  const reused = (): DemoSummary => {
    const districtCode = store.meta.get(metaKeys.districtCode)!
    const n = (sql: string): number => (store.db.prepare(sql).get() as { n: number }).n
    return { districtCode, grids: n("SELECT count(*) AS n FROM regions WHERE level = 'grid'"), buildings: n('SELECT count(*) AS n FROM buildings'), events: n('SELECT count(*) AS n FROM events') } as DemoSummary
  }
  const summary = reuse ? reused() : loadDemoDistrict(store, {
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
  if (reuse) console.log(`reusing ${file}`)
  console.log(`demo district, scale ${scale}: ${summary.grids} grids, ${summary.buildings} buildings, ${summary.events} events in ${seconds.toFixed(2)} s`)

  const sessions = new SessionRegistry()
  const deps = { store, auth: new AuthService(store), sessions, hub: new EventHub(), runtime: 'browser' as const, productName: 'bench', version: '0', now: Date.now }
  const dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), console.error)
  const ctx = { sessionKey: null, issuesTokens: true }
  const size = ['', '-wal'].reduce((sum, suffix) => {
    try {
      return sum + statSync(`${file}${suffix}`).size
    } catch {
      return sum
    }
  }, 0)
  console.log(`database ${(size / 1e6).toFixed(0)} MB; limit ${limitMs} ms per query (${runs} runs each)`)

  const street = store.regions.byLevel('street')[0]!.code
  const community = store.regions.byLevel('community')[0]!.code
  const grid = store.regions.byLevel('grid')[0]!.code
  const queries: [string, string, unknown][] = [
    ['system.status', 'system.status', {}],
    ['map.district', 'map.district', {}],
    ['stats.summary (district)', 'stats.summary', { areaCode: summary.districtCode }],
    ['stats.eventsByArea 30 d (district)', 'stats.eventsByArea', { areaCode: summary.districtCode, days: 30 }],
    ['stats.eventsByArea 30 d (street)', 'stats.eventsByArea', { areaCode: street, days: 30 }],
    ['stats.eventsByArea 365 d (community)', 'stats.eventsByArea', { areaCode: community, days: 365 }]
  ]
  for (const [level, areaCode] of [['district', summary.districtCode], ['street', street], ['community', community]] as const) {
    queries.push(
      [`stats.kpis (${level})`, 'stats.kpis', { areaCode }],
      [`stats.trend 30 d (${level})`, 'stats.trend', { areaCode, days: 30 }],
      [`stats.hourly (${level})`, 'stats.hourly', { areaCode }],
      [`stats.categories 30 d (${level})`, 'stats.categories', { areaCode, days: 30 }],
      [`stats.sources 30 d (${level})`, 'stats.sources', { areaCode, days: 30 }],
      [`stats.workerRanking week (${level})`, 'stats.workerRanking', { areaCode, period: 'week', limit: 10 }],
      [`stats.workerRanking month (${level})`, 'stats.workerRanking', { areaCode, period: 'month', limit: 10 }],
      [`stats.hotspots 30 d (${level})`, 'stats.hotspots', { areaCode, days: 30, limit: 10 }],
      [`stats.heat 30 d (${level})`, 'stats.heat', { areaCode, days: 30 }],
      [`stats.heat 90 d, one category (${level})`, 'stats.heat', { areaCode, days: 90, category: 'cityManagement' }],
      [`stats.hourWeekday 30 d (${level})`, 'stats.hourWeekday', { areaCode, days: 30 }],
      [`stats.hourWeekday 90 d, one category (${level})`, 'stats.hourWeekday', { areaCode, days: 90, category: 'cityManagement' }],
      [`stats.hotDemands (${level})`, 'stats.hotDemands', { areaCode }],
      [`events.supervision (${level})`, 'events.supervision', { areaCode, limit: 50 }],
      [`events.list (${level})`, 'events.list', { areaCode, limit: 50 }],
      [`events.list overdue (${level})`, 'events.list', { areaCode, limit: 50, filters: { overdue: true } }],
      [`events.list closed, level 2 (${level})`, 'events.list', { areaCode, limit: 50, filters: { status: ['closed', 'rated'], level: [2] } }],
      [`events.disputes (${level})`, 'events.disputes', { areaCode, limit: 50 }]
    )
  }
  for (const metric of ['eventsToday', 'openEvents', 'overdueEvents', 'warningBuildings']) {
    queries.push([`map.metrics ${metric}`, 'map.metrics', { metric }])
  }
  queries.push(['region.gridDetail', 'region.gridDetail', { gridCode: grid }])

  // The worker ranking's windows (migration 4): made on first use, shifted when the day moves on.
  // Made here, as the wall's first load makes them, so the timings below are the steady state.
  {
    const day = 86_400_000
    const now = Date.now()
    const since = (days: number): number => shanghaiDayStart(now) - (days - 1) * day
    store.db.exec('DELETE FROM worker_window; DELETE FROM worker_window_since')
    const timed = (f: () => unknown): string => {
      const t = performance.now()
      f()
      return (performance.now() - t).toFixed(0)
    }
    const activity = (s: number) => () => store.workers.activity(summary.districtCode, s, now + 1)
    const week = timed(activity(since(rankingDays.week)))
    const month = timed(activity(since(rankingDays.month)))
    const forward = timed(activity(since(rankingDays.month) + day))
    const back = timed(activity(since(rankingDays.month)))
    console.log(`worker ranking windows made on first use: week ${week} ms, month ${month} ms; month moved on by a day in ${forward} ms (back in ${back} ms)`)

    // The analysis windows (migration 9: heat cells and hours of the week) for the wall's periods.
    store.db.exec('DELETE FROM analysis_cells; DELETE FROM analysis_hours; DELETE FROM analysis_window_since')
    const cells = (s: number) => () => store.analysis.cells(summary.districtCode, null, s, now + 1)
    const made = [7, 30, 90].map((days) => `${days} d ${timed(cells(since(days)))} ms`).join(', ')
    const moved = timed(cells(since(30) + day))
    timed(cells(since(30)))
    console.log(`analysis windows made on first use: ${made}; 30 d moved on by a day in ${moved} ms`)
  }

  console.log(`\n${'query'.padEnd(48)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)}  ≤ ${limitMs} ms`)
  let failures = 0
  for (const [label, method, input] of queries) {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      const r = await dispatcher.handle(ctx, method, input)
      times.push(performance.now() - t)
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    }
    times.sort((a, b) => a - b)
    const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
    // map.district and map.buildings ship geometry, not statistics: outside the statistics budget.
    const judged = method.startsWith('stats.') || method.startsWith('events.') || method === 'map.metrics' || method === 'region.gridDetail'
    const limit = method.startsWith('events.') ? eventsLimitMs : limitMs
    const ok = at(0.95) <= limit
    if (judged && !ok) failures++
    const mark = judged ? `${ok ? '✓' : '✗'}${limit !== limitMs ? ` (≤ ${limit} ms)` : ''}` : ' '
    console.log(`${label.padEnd(48)} ${at(0.5).toFixed(2).padStart(10)} ${at(0.95).toFixed(2).padStart(10)}  ${mark}`)
  }
  console.log(failures === 0 ? `\nevery query within its limit (p95)` : `\n${failures} quer${failures === 1 ? 'y' : 'ies'} over the limit (p95)`)
} finally {
  store.close()
  if (!values.db) rmSync(dir, { recursive: true, force: true })
}
