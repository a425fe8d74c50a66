/**
 * `npm run bench [-- --scale S --runs N --million] [-- --frames N --gl MODE --no-interaction]
 * [-- --count N --publishers N --steps R,R --step-seconds S --batch-ms N --batch-size N]
 * [-- --rate R --seconds S] [-- --buildings N]`: the database benchmark (bench/run.ts), the map's frame-time
 * benchmark (bench/frames.ts), alert ingest through a real Mosquitto (bench/alerts.ts),
 * alert-to-screen latency in the browser host (bench/latency.ts) and a district import of 100,000
 * buildings (bench/import.ts) (frames.ts and latency.ts need the
 * build that `npm run bench` makes first), each given only its own options. Runs all even if one
 * fails; exits non-zero if any did.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    runs: { type: 'string' },
    million: { type: 'boolean' },
    frames: { type: 'string' },
    gl: { type: 'string' },
    'no-interaction': { type: 'boolean' },
    out: { type: 'string' },
    count: { type: 'string' },
    publishers: { type: 'string' },
    steps: { type: 'string' },
    'step-seconds': { type: 'string' },
    'batch-ms': { type: 'string' },
    'batch-size': { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    buildings: { type: 'string' }
  }
})
const pick = (keys: readonly (keyof typeof values)[]): string[] =>
  keys.flatMap((k) => {
    const v = values[k]
    if (v === undefined || v === false) return []
    return v === true ? [`--${k}`] : [`--${k}`, v]
  })

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const tsx = join(root, 'node_modules/.bin/tsx')
const steps: [string, string[]][] = [
  ['run.ts', pick(['scale', 'runs', 'million'])],
  ['frames.ts', pick(['frames', 'gl', 'no-interaction', 'out'])],
  ['alerts.ts', pick(['count', 'publishers', 'steps', 'step-seconds', 'batch-ms', 'batch-size'])],
  ['latency.ts', pick(['out', 'rate', 'seconds'])],
  ['import.ts', pick(['buildings'])]
]
const failed: string[] = []
for (const [script, args] of steps) {
  console.log(`\n== bench/${script} ${args.join(' ')}`)
  const r = spawnSync(tsx, ['--tsconfig', join(root, 'tsconfig.node.json'), join(here, script), ...args], { stdio: 'inherit', cwd: root })
  if (r.status !== 0) failed.push(`bench/${script} (${r.error?.message ?? (r.signal ? `signal ${r.signal}` : `exit ${r.status}`)})`)
}
if (failed.length > 0) {
  console.error(`\nbench: FAILED: ${failed.join(', ')}`)
  process.exitCode = 1
}
