/**
 * Regenerates the demo district in the store:
 *   npm run demo -- [--seed N] [--scale S] [--center lon,lat] [--data-dir DIR] [--now TIME]
 * Progress goes to stderr, the summary to stdout. Exit code 0 on success, 1 on any error.
 */
import { parseArgs } from 'node:util'
import { ConfigError, databasePath, defaultDataDir, resolveConfig } from '../config'
import { DemoOptionsError } from '../demo/generate'
import { loadDemoDistrict } from '../demo/load'
import type { DemoSummary } from '../demo/options'
import { progressPrinter } from './progressPrinter'
import { StoreOpenError } from '../store/database'
import { Store } from '../store/store'

const usage = `用法 / usage: npm run demo -- [--seed N] [--scale S] [--center lon,lat] [--data-dir DIR] [--now TIME]
  --seed      整数种子 / integer seed (GCC_DEMO_SEED)
  --scale     规模倍数 / multiplies buildings, cameras, staff and events (GCC_DEMO_SCALE), 0.05–100
  --center    区中心 WGS-84 / district centre, e.g. 113.94,22.76 (GCC_DEMO_CENTER)
  --data-dir  数据目录 / data directory (GCC_DATA_DIR); default: the app's user-data directory
  --now       "今天" / the end of the year of events: epoch ms or ISO 8601 with offset; default: now`

/** `--now` makes a run reproducible: the same seed, scale, centre and now give the same store. */
function parseNow(value: string | undefined): number {
  if (value === undefined) return Date.now()
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value)
  if (!Number.isFinite(t)) throw new ConfigError(`配置无效 / invalid configuration: --now "${value}" is not a time`)
  return t
}

function formatSummary(s: DemoSummary, file: string): string {
  const n = (x: number): string => x.toLocaleString('en-US')
  return [
    `演示数据已生成 / demo district generated: ${s.districtName} (${s.districtCode}), seed ${s.seed}, scale ${s.scale}`,
    `  街道 streets ${s.streets} · 社区 communities ${s.communities} · 网格 grids ${s.grids}`,
    `  楼栋 buildings ${n(s.buildings)} · 摄像机 cameras ${n(s.cameras)} · 网格队伍 staff ${n(s.staff)}`,
    `  事件 events ${n(s.events)} · 流转记录 transitions ${n(s.transitions)}`,
    `  用时 elapsed ${(s.elapsedMs / 1000).toFixed(1)} s`,
    `  数据库 database ${file}`
  ].join('\n')
}

function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: { now: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
  })
  if (values['help'] === true) {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  let store: Store | null = null
  const printer = progressPrinter(process.stderr)
  try {
    const config = resolveConfig(argv, process.env)
    const now = parseNow(typeof values['now'] === 'string' ? values['now'] : undefined)
    const file = databasePath(config.dataDir ?? defaultDataDir())
    store = Store.open(file)
    const summary = loadDemoDistrict(store, {
      seed: config.demoSeed,
      scale: config.demoScale,
      center: config.demoCenter,
      now,
      onProgress: printer.report
    })
    printer.end()
    process.stdout.write(`${formatSummary(summary, file)}\n`)
    return 0
  } catch (err) {
    printer.end()
    const known = err instanceof ConfigError || err instanceof StoreOpenError || err instanceof DemoOptionsError
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(known ? `${message}\n` : `演示数据生成失败 / generating the demo district failed: ${message}\n`)
    if (!known && err instanceof Error && process.env['GCC_DEBUG']) process.stderr.write(`${err.stack}\n`)
    return 1
  } finally {
    store?.close()
  }
}

process.exitCode = main(process.argv.slice(2))
