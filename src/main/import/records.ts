import type { Camera, CameraSite } from '@shared/domain/camera'
import type { CoordinateSystem } from '@shared/domain/geo'
import type { DutyStatus, Staff, StaffRole } from '@shared/domain/people'
import type { Building, BuildingRiskLevel, GridProfile } from '@shared/domain/region'
import { requiredFields, tabularFields, type TabularField, type TabularKind } from '@shared/import/mapping'
import type { GridRouter } from '../alerts/router'
import { normaliseRegionCode } from './codes'
import { toWgs84 } from './coords'
import { rowRef, type IssueList } from './issues'
import { reportPoint } from './shapes'
import type { Table } from './tabular'

/** Accepted cell values (lower-cased) of the enumerated fields: the identifier, Chinese and common forms. */
const riskLevels: Record<string, BuildingRiskLevel> = { safe: 'safe', 放心: 'safe', 低: 'safe', 低风险: 'safe', normal: 'normal', 一般: 'normal', 中: 'normal', 中风险: 'normal', warning: 'warning', 警示: 'warning', 高: 'warning', 高风险: 'warning' }
const sites: Record<string, CameraSite> = { mainroad: 'mainRoad', 主干道: 'mainRoad', 道路: 'mainRoad', park: 'park', 公园: 'park', checkpoint: 'checkpoint', 卡口: 'checkpoint', school: 'school', 学校: 'school', 校园: 'school', residential: 'residential', 小区: 'residential', 住宅: 'residential', market: 'market', 市场: 'market', 商圈: 'market' }
const roles: Record<string, StaffRole> = { gridchief: 'gridChief', 网格长: 'gridChief', gridworker: 'gridWorker', 专职网格员: 'gridWorker', 网格员: 'gridWorker', parttimeworker: 'partTimeWorker', 兼职网格员: 'partTimeWorker', deptstaff: 'deptStaff', 下沉力量: 'deptStaff', 下沉干部: 'deptStaff', vanguardteam: 'vanguardTeam', 党员先锋队: 'vanguardTeam' }
const dutyStatuses: Record<string, DutyStatus> = { onduty: 'onDuty', 在岗: 'onDuty', offduty: 'offDuty', 休息: 'offDuty', 离岗: 'offDuty', 不在岗: 'offDuty', leave: 'leave', 请假: 'leave', 休假: 'leave' }
const booleans: Record<string, boolean> = { true: true, '1': true, 是: true, yes: true, 在线: true, online: true, false: false, '0': false, 否: false, no: false, 离线: false, offline: false }

/** One data row with its mapped fields (trimmed text; '' when empty or unmapped). */
interface Row<K extends TabularKind> {
  index: number
  get(field: TabularField<K>): string
}

/** Reads typed values from rows, reporting each bad one against its row; `ok` turns false on the first. */
class RowChecker {
  ok = true
  constructor(
    private readonly issues: IssueList,
    private readonly file: string,
    readonly index: number
  ) {}

  fail(kind: 'badValue' | 'missingField' | 'pointInNoGrid' | 'unknownGrid' | 'duplicateId', field: string, zh: string, en: string, location?: [number, number]): void {
    this.ok = false
    this.issues.error(kind, this.file, rowRef(this.index), `${zh} / ${en}`, { field, ...(location ? { location } : {}) })
  }

  choice<T>(field: string, text: string, table: Record<string, T>, fallback: T): T {
    if (text === '') return fallback
    const v = table[text.toLowerCase()]
    if (v === undefined) this.fail('badValue', field, `${field} 的值 "${text}" 无法识别`, `unknown ${field} "${text}"; accepted: ${Object.keys(table).join(', ')}`)
    return v ?? fallback
  }

  count(field: string, text: string, fallback = 0): number {
    if (text === '') return fallback
    const n = Number(text)
    if (!Number.isInteger(n) || n < 0) this.fail('badValue', field, `${field} 应为非负整数："${text}"`, `${field} must be a whole number ≥ 0: "${text}"`)
    return Number.isInteger(n) && n >= 0 ? n : fallback
  }

  /** The WGS-84 position of the row's lon/lat (both empty: null). */
  position(lonText: string, latText: string, convert: (lon: number, lat: number) => [number, number]): [number, number] | null {
    if (lonText === '' && latText === '') return null
    const lon = Number(lonText)
    const lat = Number(latText)
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      this.fail('badValue', 'lon', `经纬度无效："${lonText}", "${latText}"`, `invalid longitude/latitude "${lonText}", "${latText}"`)
      return null
    }
    return convert(lon, lat)
  }
}

/** The rows of a table with their mapped fields; required fields that are unmapped or empty are reported. */
function mappedRows<K extends TabularKind>(kind: K, table: Table, columns: Record<string, string>, file: string, issues: IssueList): Row<K>[] {
  const at = new Map<string, number>()
  for (const field of tabularFields[kind]) {
    const column = columns[field]
    if (column === undefined) continue
    const i = table.columns.indexOf(column)
    if (i < 0) issues.error('missingField', file, 'row 1', `表头中没有列 "${column}"（${field}）/ no column "${column}" (for ${field}) in the header`, { field })
    else at.set(field, i)
  }
  const required = requiredFields[kind] as readonly string[]
  const unmapped = required.filter((f) => !at.has(f) && columns[f] === undefined)
  for (const f of unmapped) issues.error('missingField', file, 'row 1', `必填字段 ${f} 未对应任何列 / the required field ${f} is mapped to no column`, { field: f })
  if (required.some((f) => !at.has(f))) return []
  const rows: Row<K>[] = []
  table.rows.forEach((cells, index) => {
    if (cells.every((c) => c === '')) return
    const get = (field: TabularField<K>): string => {
      const i = at.get(field)
      return i === undefined ? '' : (cells[i] ?? '').trim()
    }
    const empty = required.filter((f) => get(f as TabularField<K>) === '')
    for (const f of empty) issues.error('missingField', file, rowRef(index), `第 ${index + 2} 行缺少 ${f} / row ${index + 2} has no ${f}`, { field: f })
    if (empty.length === 0) rows.push({ index, get })
  })
  return rows
}

export interface RecordContext {
  file: string
  table: Table
  columns: Record<string, string>
  crs: CoordinateSystem
  router: GridRouter
  /** Codes of the imported regions (staff and profiles name one). */
  regionCodes: ReadonlySet<string>
  issues: IssueList
  /** Called every few thousand rows with the share done; awaited, so it may yield to the event loop (progress reaches the walls). */
  step?: (fraction: number) => Promise<void>
}

const STEP_ROWS = 5000

/** A point feature's grid: where it lies; a grid code column that disagrees is a warning (the position wins, as for alerts). */
function locate(c: RecordContext, check: RowChecker, declared: string, position: [number, number]): string | null {
  const found = c.router.locate(position[0], position[1])
  if (!found) {
    check.fail('pointInNoGrid', 'lon', `位置 ${position[0].toFixed(6)}, ${position[1].toFixed(6)} 不在任何网格内`, `the position lies in no grid`, reportPoint(position))
    return null
  }
  const code = declared === '' ? null : normaliseRegionCode(declared)
  if (declared !== '' && code !== found.gridCode) {
    c.issues.warning('gridMismatch', c.file, rowRef(check.index), `网格编码 ${declared} 与位置所在网格 ${found.gridCode} 不符，按位置归入 ${found.gridCode} / grid code ${declared} disagrees with the position's grid ${found.gridCode}: the position wins`, { field: 'gridCode', location: reportPoint(position), codes: [found.gridCode] })
  }
  return found.gridCode
}

/** A row of a file of identified things: its checker, id (checked unique) and WGS-84 position (null when absent or invalid). */
interface IdRow<K extends TabularKind> {
  row: Row<K>
  check: RowChecker
  id: string
  position: [number, number] | null
}

/** The rows of a file of identified things, each with its id checked unique and its position converted. */
async function* idRows<K extends 'buildings' | 'cameras' | 'staff'>(kind: K, c: RecordContext): AsyncGenerator<IdRow<K>> {
  const convert = toWgs84(c.crs)
  const seen = new Set<string>()
  const rows = mappedRows(kind, c.table, c.columns, c.file, c.issues)
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % STEP_ROWS === 0) await c.step?.(i / rows.length)
    const check = new RowChecker(c.issues, c.file, row.index)
    const id = row.get('id' as TabularField<K>)
    if (seen.has(id)) check.fail('duplicateId', 'id', `编号 ${id} 重复`, `duplicate id ${id}`)
    seen.add(id)
    const position = check.position(row.get('lon' as TabularField<K>), row.get('lat' as TabularField<K>), convert)
    yield { row, check, id, position }
  }
}

export async function buildingRecords(c: RecordContext): Promise<Building[]> {
  const out: Building[] = []
  for await (const { row, check, id, position } of idRows('buildings', c)) {
    const riskLevel = check.choice('riskLevel', row.get('riskLevel'), riskLevels, 'normal')
    const floors = check.count('floors', row.get('floors'))
    const households = check.count('households', row.get('households'))
    const gridCode = position && locate(c, check, row.get('gridCode'), position)
    if (check.ok && position && gridCode) out.push({ id, gridCode, name: row.get('name'), lon: position[0], lat: position[1], riskLevel, floors, households })
  }
  return out
}

export async function cameraRecords(c: RecordContext): Promise<Camera[]> {
  const out: Camera[] = []
  for await (const { row, check, id, position } of idRows('cameras', c)) {
    const site = check.choice('site', row.get('site'), sites, 'residential')
    const online = check.choice('online', row.get('online'), booleans, true)
    const gridCode = position && locate(c, check, row.get('gridCode'), position)
    if (check.ok && position && gridCode) out.push({ id, name: row.get('name'), site, gridCode, lon: position[0], lat: position[1], online })
  }
  return out
}

/** Staff belong to the grid in their grid code column; without one, to the grid of their position. */
export async function staffRecords(c: RecordContext): Promise<Staff[]> {
  const out: Staff[] = []
  for await (const { row, check, id, position } of idRows('staff', c)) {
    const role = check.choice('role', row.get('role'), roles, 'gridWorker')
    const dutyStatus = check.choice('dutyStatus', row.get('dutyStatus'), dutyStatuses, 'onDuty')
    const declared = row.get('gridCode')
    let gridCode: string | null = null
    if (declared !== '') {
      gridCode = normaliseRegionCode(declared)
      if (gridCode === null || !c.regionCodes.has(gridCode)) {
        check.fail('unknownGrid', 'gridCode', `网格 ${declared} 不在导入的区划中`, `grid ${declared} is not among the imported regions`)
      }
    } else if (position) {
      gridCode = locate(c, check, '', position)
    } else if (check.ok) {
      check.fail('missingField', 'gridCode', '既无网格编码也无位置', 'neither a grid code nor a position')
    }
    if (check.ok && gridCode) out.push({ id, name: row.get('name'), role, gridCode, phone: row.get('phone'), dutyStatus, lon: position?.[0] ?? null, lat: position?.[1] ?? null })
  }
  return out
}

/** Base data per grid (人口、户数、党员、特殊群体), by grid code. */
export function profileRecords(c: RecordContext): Map<string, GridProfile> {
  const out = new Map<string, GridProfile>()
  for (const row of mappedRows('profiles', c.table, c.columns, c.file, c.issues)) {
    const check = new RowChecker(c.issues, c.file, row.index)
    const declared = row.get('gridCode')
    const code = normaliseRegionCode(declared)
    if (code === null || !c.regionCodes.has(code)) check.fail('unknownGrid', 'gridCode', `网格 ${declared} 不在导入的区划中`, `grid ${declared} is not among the imported regions`)
    else if (out.has(code)) check.fail('duplicateId', 'gridCode', `网格 ${code} 的基础数据重复`, `a second row for grid ${code}`)
    const profile: GridProfile = {
      population: check.count('population', row.get('population')),
      households: check.count('households', row.get('households')),
      partyMembers: check.count('partyMembers', row.get('partyMembers')),
      specialGroups: {
        elderlyAlone: check.count('elderlyAlone', row.get('elderlyAlone')),
        disabled: check.count('disabled', row.get('disabled')),
        underCare: check.count('underCare', row.get('underCare'))
      }
    }
    if (check.ok && code) out.set(code, profile)
  }
  return out
}
