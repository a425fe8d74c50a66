import type { ImportMapping } from '@shared/import/mapping'
import type { ImportPreview, ImportResult } from '@shared/import/report'
import { Progress } from '../demo/progress'
import type { DemoProgress } from '../demo/options'
import { metaKeys } from '../store/metaKeys'
import type { Store } from '../store/store'
import { planImport, type ImportFile, type ImportPlan } from './plan'

export type { ImportFile } from './plan'

/** Facts about the imported district kept in meta (beside `district.code` and `district.name`). */
export const importMetaKeys = { hash: 'import.hash', at: 'import.at', files: 'import.files' } as const

export interface ImportOptions {
  mapping?: ImportMapping
  onProgress?: (p: DemoProgress) => void
  now?: () => number
}

/** What the store holds now that an import would replace. */
function replaced(store: Store): ImportPreview['replaces'] {
  return { districtCode: store.meta.get(metaKeys.districtCode), events: store.events.count(), alerts: store.alerts.count(), demo: store.meta.get(metaKeys.demoSeed) !== null }
}

/** Reads and validates the files and says what an apply would do; writes nothing. */
export async function previewImport(store: Store, files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportPreview> {
  const plan = await planImport(files, options.mapping ?? {}, new Progress(options.onProgress))
  return { files: plan.files, mapping: plan.mapping, report: plan.report, unchanged: plan.report.ok && store.meta.get(importMetaKeys.hash) === plan.hash, replaces: replaced(store) }
}

/**
 * Validates the files again and, when there is no error, replaces the district in one
 * transaction (docs/IMPORT.md): the previous district stays on any error or failure, and the
 * same data imported again changes nothing.
 */
export async function applyImport(store: Store, files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now()
  const progress = new Progress(options.onProgress)
  const plan = await planImport(files, options.mapping ?? {}, progress.span(0, 0.6))
  const result = (applied: boolean, unchanged: boolean): ImportResult => ({ applied, unchanged, report: plan.report, hash: plan.hash, elapsedMs: Math.round(performance.now() - started) })
  if (!plan.report.ok) {
    progress.report('refused', 1, '校验未通过，未写入任何数据', 'validation failed: nothing was written')
    return result(false, false)
  }
  if (store.meta.get(importMetaKeys.hash) === plan.hash) {
    progress.report('done', 1, '数据与已导入的相同，未做改动', 'the same data is already loaded: nothing changed')
    return result(false, true)
  }
  writeDistrict(store, plan, files, options.now?.() ?? Date.now(), progress.span(0.6, 1))
  progress.report('done', 1, '导入完成', 'import complete')
  return result(true, false)
}

/**
 * The district's replacement, all in one transaction: clearDistrict (regions, base data, and the
 * events, alerts and emergency resources recorded in the old grids: they reference its grids and
 * cameras), then the new regions, buildings, cameras and staff, and the meta facts (the demo's
 * are removed: the store no longer holds the demo district).
 */
function writeDistrict(store: Store, plan: ImportPlan, files: readonly ImportFile[], now: number, progress: Progress): void {
  store.transaction(() => {
    progress.report('writing', 0, '清除旧数据', 'clearing the previous district')
    store.clearDistrict()
    progress.report('writing', 0.1, `写入区划 ${plan.regions.length}`, `writing ${plan.regions.length} regions`)
    store.regions.insertMany(plan.regions)
    progress.report('writing', 0.15, `写入楼栋 ${plan.buildings.length}`, `writing ${plan.buildings.length} buildings`)
    store.buildings.insertMany(plan.buildings)
    progress.report('writing', 0.9, '写入摄像机和网格队伍', 'writing cameras and staff')
    store.cameras.insertMany(plan.cameras)
    store.staff.insertMany(plan.staff)
    // The meta table has no repository method to delete; the demo's keys all start with "demo.".
    store.db.prepare("DELETE FROM meta WHERE key LIKE 'demo.%'").run()
    const district = plan.regions.find((r) => r.level === 'district')!
    store.meta.set(metaKeys.districtCode, district.code)
    store.meta.set(metaKeys.districtName, district.name)
    store.meta.set(importMetaKeys.hash, plan.hash)
    store.meta.set(importMetaKeys.at, String(now))
    store.meta.set(importMetaKeys.files, JSON.stringify(files.map((f) => ({ kind: f.kind, name: f.name, bytes: f.bytes.byteLength }))))
    store.db.pragma('analysis_limit = 1000')
    store.db.exec('ANALYZE')
  })
}
