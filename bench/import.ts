/**
 * Importing a large district (issue 8): `npx tsx --tsconfig tsconfig.node.json bench/import.ts
 * [--buildings 100000]`.
 *
 * Writes the worked example's boundaries (tests/unit/import/fixtures/district.ts: DataV form, GCJ-02) and a
 * buildings CSV of `--buildings` rows in GBK with GCJ-02 positions spread over the district into
 * a temp directory, then imports them into a temporary store with applyImport (the CLI's and the
 * admin dialog's path: decode, parse, convert, locate every building in its grid, validate, write
 * in one transaction), printing progress. Then imports the same files again (must be "unchanged").
 * Target: the first import under 30 s. Exits non-zero on a failure or a missed target; removes
 * the temp directory always. Unknown arguments are ignored (bench/index.ts passes everyone's).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import gcoord from 'gcoord'
import iconv from 'iconv-lite'
import { applyImport, type ImportFile } from '../src/main/import/index'
import { Store } from '../src/main/store/store'
import { dataVGeoJson } from '../tests/unit/import/fixtures/district'

const TARGET_MS = 30_000
const { values } = parseArgs({ strict: false, options: { buildings: { type: 'string' } } })
const count = Number(values['buildings'] ?? 100_000)

function buildingsCsv(n: number): string {
  const risk = ['放心', '一般', '警示']
  const lines = ['楼栋编码,楼栋地址,经度,纬度,楼栋分级,层数,户数']
  // A deterministic spread over the mainland part of the district (113.90–113.98, 22.72–22.80, WGS-84).
  let seed = 20261122
  const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  for (let i = 0; i < n; i++) {
    const [lon, lat] = gcoord.transform<[number, number]>([113.9005 + 0.079 * next(), 22.7205 + 0.079 * next()], gcoord.WGS84, gcoord.GCJ02)
    lines.push(`B${String(i + 1).padStart(7, '0')},光明区测试路${i + 1}号,${lon.toFixed(7)},${lat.toFixed(7)},${risk[i % 3]},${1 + (i % 33)},${i % 120}`)
  }
  return `${lines.join('\r\n')}\r\n`
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gcc-bench-import-'))
  const store = Store.open(join(dir, 'gcc.sqlite3'))
  try {
    let t = performance.now()
    writeFileSync(join(dir, 'district.geojson'), JSON.stringify(dataVGeoJson()))
    writeFileSync(join(dir, 'buildings.csv'), iconv.encode(buildingsCsv(count), 'gbk'))
    const files: ImportFile[] = [
      { kind: 'grids', name: 'district.geojson', bytes: readFileSync(join(dir, 'district.geojson')) },
      { kind: 'buildings', name: 'buildings.csv', bytes: readFileSync(join(dir, 'buildings.csv')) }
    ]
    console.log(`generated ${count.toLocaleString('en-US')} buildings (${(files[1]!.bytes.byteLength / 1e6).toFixed(1)} MB, GBK) in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    let lastTenth = -1
    const onProgress = (p: { fraction: number; message: string }): void => {
      const tenth = Math.floor(p.fraction * 10)
      if (tenth !== lastTenth) console.log(`  ${String(Math.floor(p.fraction * 100)).padStart(3)}% ${((performance.now() - t) / 1000).toFixed(1)} s ${p.message}`)
      lastTenth = tenth
    }
    t = performance.now()
    const first = await applyImport(store, files, { mapping: { crs: 'GCJ02' }, onProgress })
    const ms = performance.now() - t
    if (!first.applied) throw new Error(`not applied: ${first.report.issues.slice(0, 5).map((i) => i.message).join('; ')}`)
    console.log(`import of ${store.buildings.count().toLocaleString('en-US')} buildings: ${(ms / 1000).toFixed(1)} s (target < ${TARGET_MS / 1000} s)`)
    t = performance.now()
    const again = await applyImport(store, files, { mapping: { crs: 'GCJ02' } })
    console.log(`the same files again: ${again.unchanged ? 'unchanged' : 'CHANGED'} in ${((performance.now() - t) / 1000).toFixed(1)} s`)
    return ms < TARGET_MS && again.unchanged ? 0 : 1
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
