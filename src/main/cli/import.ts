/**
 * Loads a real district from its files (docs/IMPORT.md):
 *   npm run import -- --grids grids.geojson [--grids streets.geojson …] [--crs gcj02]
 *     [--buildings b.csv] [--cameras c.xlsx] [--staff s.csv] [--profiles p.csv]
 *     [--mapping mapping.json] [--data-dir DIR] [--dry-run]
 * Progress goes to stderr, the report to stdout. Exit code 0: imported, unchanged or (dry run)
 * valid; 2: refused by validation (nothing written); 1: any other error.
 */
import { readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { importMappingSchema, parseCrs, type ImportMapping } from '@shared/import/mapping'
import type { ImportFileKind } from '@shared/import/report'
import { ConfigError, databasePath, defaultDataDir, resolveConfig } from '../config'
import { progressPrinter } from './progressPrinter'
import { applyImport, previewImport, type ImportFile } from '../import/index'
import { formatReport } from '../import/format'
import { StoreOpenError } from '../store/database'
import { Store } from '../store/store'

const usage = `用法 / usage: npm run import -- --grids FILE.geojson [--crs wgs84|cgcs2000|gcj02|bd09]
    [--buildings FILE] [--cameras FILE] [--staff FILE] [--profiles FILE] [--mapping mapping.json]
    [--data-dir DIR] [--dry-run]
  --grids      区划边界 GeoJSON（DataV 或普通），可多个 / boundaries (DataV or plain GeoJSON), repeatable
  --buildings  楼栋 / buildings, CSV (UTF-8 or GBK) or XLSX; likewise --cameras, --staff, --profiles (网格基础数据)
  --crs        坐标系 / coordinate system of every file without its own in the mapping (default WGS-84)
  --mapping    字段对应 / field and column mapping, JSON (docs/IMPORT.md); absent parts are suggested from the headers
  --dry-run    只校验不写入 / validate and report, write nothing
  --data-dir   数据目录 / data directory (GCC_DATA_DIR)`

export class CliInputError extends Error {}

function readMapping(path: string | undefined): ImportMapping {
  if (path === undefined) return {}
  let json: unknown
  try {
    json = JSON.parse(readFileSync(resolve(process.env['INIT_CWD'] ?? process.cwd(), path), 'utf8'))
  } catch (err) {
    throw new CliInputError(`字段对应文件无法读取 / the mapping file could not be read: ${(err as Error).message}`)
  }
  const parsed = importMappingSchema.safeParse(json)
  if (!parsed.success) throw new CliInputError(`字段对应文件无效 / invalid mapping file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      grids: { type: 'string', multiple: true },
      buildings: { type: 'string' },
      cameras: { type: 'string' },
      staff: { type: 'string' },
      profiles: { type: 'string' },
      crs: { type: 'string' },
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values['help'] === true || values['grids'] === undefined) {
    process.stdout.write(`${usage}\n`)
    return values['help'] === true ? 0 : 1
  }
  let store: Store | null = null
  const printer = progressPrinter(process.stderr)
  try {
    const config = resolveConfig(argv, process.env)
    const mapping = readMapping(typeof values['mapping'] === 'string' ? values['mapping'] : undefined)
    if (typeof values['crs'] === 'string') {
      const crs = parseCrs(values['crs'])
      if (!crs) throw new CliInputError(`未知坐标系 / unknown coordinate system "${values['crs']}": wgs84, cgcs2000, gcj02 or bd09`)
      mapping.crs = crs
    }
    const files: ImportFile[] = []
    const add = (kind: ImportFileKind, path: unknown): void => {
      if (typeof path !== 'string') return
      try {
        // `npm run` starts in the package's folder: relative paths are taken from where npm was run.
        files.push({ kind, name: basename(path), bytes: readFileSync(resolve(process.env['INIT_CWD'] ?? process.cwd(), path)) })
      } catch (err) {
        throw new CliInputError(`文件无法读取 / cannot read ${path}: ${(err as Error).message}`)
      }
    }
    for (const g of values['grids'] as unknown[]) add('grids', g)
    for (const kind of ['buildings', 'cameras', 'staff', 'profiles'] as const) add(kind, values[kind])
    const file = databasePath(config.dataDir ?? defaultDataDir())
    store = Store.open(file)
    if (values['dry-run'] === true) {
      const preview = await previewImport(store, files, { mapping, onProgress: printer.report })
      printer.end()
      process.stdout.write(`${formatReport(preview.report)}\n`)
      const verdict = !preview.report.ok ? '校验未通过 / validation failed' : preview.unchanged ? '与已导入数据相同 / same as the loaded data' : '校验通过，未写入（试运行）/ valid, nothing written (dry run)'
      process.stdout.write(`结果 / result: ${verdict}\n`)
      return preview.report.ok ? 0 : 2
    }
    const result = await applyImport(store, files, { mapping, onProgress: printer.report })
    printer.end()
    process.stdout.write(`${formatReport(result.report)}\n`)
    const verdict = result.applied
      ? `已导入，用时 ${(result.elapsedMs / 1000).toFixed(1)} s / imported in ${(result.elapsedMs / 1000).toFixed(1)} s into ${file}`
      : result.unchanged
        ? '数据与已导入的相同，未做改动 / the same data is already loaded: nothing changed'
        : '校验未通过，未写入任何数据，原有数据保持不变 / refused: nothing was written, the previous district stays'
    process.stdout.write(`结果 / result: ${verdict}\n`)
    return result.report.ok ? 0 : 2
  } catch (err) {
    printer.end()
    const known = err instanceof ConfigError || err instanceof StoreOpenError || err instanceof CliInputError
    const message = err instanceof Error ? err.message : String(err)
    process.stderr.write(known ? `${message}\n` : `导入失败 / the import failed: ${message}\n`)
    if (!known && err instanceof Error && process.env['GCC_DEBUG']) process.stderr.write(`${err.stack}\n`)
    return 1
  } finally {
    store?.close()
  }
}

process.exitCode = await main(process.argv.slice(2))
