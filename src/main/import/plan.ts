import { createHash } from 'node:crypto'
import type { Camera } from '@shared/domain/camera'
import type { Staff } from '@shared/domain/people'
import type { Building } from '@shared/domain/region'
import { dataVGridFields, type ImportMapping, type TabularKind } from '@shared/import/mapping'
import type { ImportFileKind, ImportFilePreview, ImportReport } from '@shared/import/report'
import { GridRouter } from '../alerts/router'
import type { Progress } from '../demo/progress'
import type { RegionRecord } from '../store/repositories/regions'
import { decodeText } from './encoding'
import { readBoundaries, type BoundaryFeature } from './geojson'
import { IssueList } from './issues'
import { buildingRecords, cameraRecords, profileRecords, staffRecords, type RecordContext } from './records'
import { planRegions } from './regions'
import { readTable, suggestColumns, TableError, type Table } from './tabular'
import { checkTopology } from './topology'

/** One file of an import: what it holds (several `grids` files, e.g. one per level, are merged), its name and bytes. */
export interface ImportFile {
  kind: ImportFileKind
  name: string
  bytes: Uint8Array
}

/** Everything an import would write, validated, and the report. */
export interface ImportPlan {
  files: ImportFilePreview[]
  /** The mapping given, completed by the suggestions (what was used). */
  mapping: ImportMapping
  report: ImportReport
  regions: RegionRecord[]
  buildings: Building[]
  cameras: Camera[]
  staff: Staff[]
  /** SHA-256 of the planned content: the same data gives the same hash, whatever the files' encoding or order. */
  hash: string
}

/** Lets the event loop run (pushed progress, other requests) between parts of a long import. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

const tabularKinds: readonly TabularKind[] = ['buildings', 'cameras', 'staff', 'profiles']

/**
 * Reads, maps and validates the files without touching the store: boundaries (GeoJSON, plain or
 * DataV) into the region tree with its topology checked, then each tabular file into records
 * placed in the imported grids by the alert router's point-in-polygon.
 */
export async function planImport(files: readonly ImportFile[], given: ImportMapping, progress: Progress): Promise<ImportPlan> {
  const issues = new IssueList()
  const mapping: ImportMapping = structuredClone(given)
  const previews: ImportFilePreview[] = []
  const defaultCrs = mapping.crs ?? 'WGS84'

  progress.report('reading', 0, '读取边界文件', 'reading boundaries')
  const gridFiles = files.filter((f) => f.kind === 'grids')
  if (gridFiles.length === 0) issues.error('fileError', '-', '-', '缺少区划边界文件（GeoJSON）/ no boundary file (GeoJSON) given')
  const fields = mapping.grids?.fields ?? dataVGridFields
  mapping.grids = { ...mapping.grids, fields, crs: mapping.grids?.crs ?? defaultCrs }
  const features: BoundaryFeature[] = []
  for (const f of gridFiles) {
    const read = readBoundaries(f.name, decodeText(f.bytes).text, fields, mapping.grids.crs!, issues)
    features.push(...read.features)
    previews.push({ name: f.name, kind: 'grids', format: 'geojson', encoding: null, columns: read.properties, records: read.features.length, sample: read.sample })
  }
  const regions = planRegions(features, issues)
  const fileByCode = new Map(features.map((f) => [f.code ?? f.ref, f.file]))
  const fileOf = (code: string): string => fileByCode.get(code) ?? gridFiles[0]?.name ?? '-'
  // Progress is shared out by the files' sizes: boundaries (topology) first, then each table.
  const bytes = (kinds: readonly ImportFileKind[]): number => files.filter((f) => kinds.includes(f.kind)).reduce((n, f) => n + f.bytes.byteLength, 0)
  const tabularBytes = bytes(tabularKinds)
  const topologyEnd = Math.min(0.6, Math.max(0.15, 0.95 * (bytes(['grids']) / (bytes(['grids']) + tabularBytes || 1))))
  const topology = progress.span(0.05, topologyEnd)
  await checkTopology(regions, fileOf, issues, async (done, total) => {
    topology.report('topology', done / total, `检查边界拓扑 ${done}/${total}`, `checking boundaries ${done}/${total}`)
    await yieldToLoop()
  })

  const router = new GridRouter(regions.filter((r) => r.level === 'grid'))
  const regionCodes = new Set(regions.map((r) => r.code))
  const records = { buildings: [] as Building[], cameras: [] as Camera[], staff: [] as Staff[] }
  let done = 0
  for (const kind of tabularKinds) {
    const [file, ...extra] = files.filter((f) => f.kind === kind)
    for (const e of extra) issues.error('fileError', e.name, e.name, `每类只能有一个文件，已有 ${file!.name} / one ${kind} file only: ${file!.name} is already given`)
    if (!file) continue
    const reading = progress.span(topologyEnd + ((0.95 - topologyEnd) * done) / tabularBytes, topologyEnd + ((0.95 - topologyEnd) * (done + file.bytes.byteLength)) / tabularBytes)
    done += file.bytes.byteLength
    reading.report(kind, 0, `读取并定位 ${file.name}`, `reading and locating ${file.name}`)
    await yieldToLoop()
    let table: Table
    try {
      table = await readTable(file.bytes, mapping[kind] ?? {})
    } catch (err) {
      issues.error('fileError', file.name, file.name, err instanceof TableError ? err.message : `读取失败 / could not be read: ${(err as Error).message}`)
      continue
    }
    const columns = { ...suggestColumns(kind, table.columns), ...mapping[kind]?.columns }
    const crs = mapping[kind]?.crs ?? defaultCrs
    mapping[kind] = { ...mapping[kind], columns, crs, ...(table.encoding ? { encoding: table.encoding } : {}) }
    previews.push({ name: file.name, kind, format: table.format, encoding: table.encoding, columns: table.columns, records: table.rows.length, sample: table.rows.slice(0, 10) })
    const step = async (fraction: number): Promise<void> => {
      reading.report(kind, fraction, `读取并定位 ${file.name}：${Math.round(fraction * table.rows.length)}/${table.rows.length}`, `reading and locating ${file.name}: ${Math.round(fraction * table.rows.length)}/${table.rows.length}`)
      await yieldToLoop()
    }
    const context: RecordContext = { file: file.name, table, columns, crs, router, regionCodes, issues, step }
    if (kind === 'buildings') records.buildings = await buildingRecords(context)
    else if (kind === 'cameras') records.cameras = await cameraRecords(context)
    else if (kind === 'staff') records.staff = await staffRecords(context)
    else {
      const byCode = new Map(regions.map((r) => [r.code, r]))
      for (const [code, profile] of profileRecords(context)) byCode.get(code)!.profile = profile
    }
  }

  const district = regions.find((r) => r.level === 'district') ?? null
  const count = (level: RegionRecord['level']): number => regions.filter((r) => r.level === level).length
  const report = issues.report(district?.code ?? null, district?.name ?? null, {
    streets: count('street'),
    communities: count('community'),
    grids: count('grid'),
    subgrids: count('subgrid'),
    buildings: records.buildings.length,
    cameras: records.cameras.length,
    staff: records.staff.length,
    profiles: regions.filter((r) => r.profile !== null).length
  })
  const hash = createHash('sha256').update(JSON.stringify([regions, records.buildings, records.cameras, records.staff])).digest('hex')
  progress.report('validated', 1, report.ok ? '校验通过' : `校验发现 ${report.errors} 个错误`, report.ok ? 'valid' : `${report.errors} errors found`)
  return { files: previews, mapping, report, regions, ...records, hash }
}
