import type { ImportMapping } from './mapping'

/**
 * What an import found (docs/IMPORT.md): every issue names the file, the feature or row, and
 * the problem; geometric ones carry the area and a point inside the problem (WGS-84).
 */
export const importIssueKinds = [
  'fileError',
  'malformedCode',
  'duplicateCode',
  'levelMismatch',
  'parentMismatch',
  'missingParent',
  'districtCount',
  'invalidGeometry',
  'outsideParent',
  'overlap',
  'gap',
  'missingField',
  'badValue',
  'duplicateId',
  'pointInNoGrid',
  'unknownGrid',
  'gridMismatch'
] as const
export type ImportIssueKind = (typeof importIssueKinds)[number]

/** An `error` refuses the import; a `warning` is reported and the import goes ahead. */
export type ImportSeverity = 'error' | 'warning'

export const importFileKinds = ['grids', 'buildings', 'cameras', 'staff', 'profiles'] as const
export type ImportFileKind = (typeof importFileKinds)[number]

export interface ImportIssue {
  kind: ImportIssueKind
  severity: ImportSeverity
  /** The file's name as given. */
  file: string
  /** The feature (its code, or `#index` when it has none) or the row (`row 17`, counting the header as row 1). */
  ref: string
  /** Chinese first, then English: `中文 / English`. */
  message: string
  field?: string
  /** Codes involved (both grids of an overlap, the parent of a gap). */
  codes?: string[]
  /** Area of the gap, overlap or part outside, m². */
  areaM2?: number
  /** A point inside the problem, WGS-84 [lon, lat]. */
  location?: [number, number]
}

/** What an import holds (or would write). */
export interface ImportCounts {
  streets: number
  communities: number
  grids: number
  subgrids: number
  buildings: number
  cameras: number
  staff: number
  profiles: number
}

export interface ImportReport {
  /** No error: the import may be (or was) applied. */
  ok: boolean
  /** At most `ISSUE_LIST_MAX` issues, errors first; `issueCounts` counts all of them. */
  issues: ImportIssue[]
  issueCounts: Partial<Record<ImportIssueKind, number>>
  errors: number
  warnings: number
  districtCode: string | null
  districtName: string | null
  counts: ImportCounts
}

export const ISSUE_LIST_MAX = 1000

/** Per file, what the preview found. */
export interface ImportFilePreview {
  name: string
  kind: ImportFileKind
  format: 'geojson' | 'csv' | 'xlsx'
  /** For CSV: the encoding used (declared or detected). */
  encoding: 'utf-8' | 'gb18030' | null
  /** Column names (tabular) or property names (GeoJSON). */
  columns: string[]
  /** Rows or features. */
  records: number
  /** The first rows (tabular: cell texts; GeoJSON: property values by column) for the column-mapping table. */
  sample: string[][]
}

export interface ImportPreview {
  files: ImportFilePreview[]
  /** The mapping used: the given one completed by what the headers suggest. */
  mapping: ImportMapping
  report: ImportReport
  /** The same data is already loaded: apply would change nothing. */
  unchanged: boolean
  /** What apply would remove with the previous district (docs/IMPORT.md). */
  replaces: { districtCode: string | null; events: number; alerts: number; demo: boolean }
}

export interface ImportResult {
  applied: boolean
  /** Nothing written because the same data is already loaded. */
  unchanged: boolean
  report: ImportReport
  /** Hash of the imported content (kept in meta `import.hash`). */
  hash: string
  elapsedMs: number
}

/** Progress of an import, pushed as the `import` event. */
export interface ImportProgress {
  id: string
  phase: string
  /** 0–1 over the whole run. */
  fraction: number
  message: string
}
