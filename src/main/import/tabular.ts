import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { tabularFields, type TabularKind, type TabularMapping } from '@shared/import/mapping'
import { decodeText, type TextEncoding } from './encoding'

/** A CSV or XLSX sheet as text cells: the header row and the data rows. */
export interface Table {
  format: 'csv' | 'xlsx'
  encoding: TextEncoding | null
  columns: string[]
  rows: string[][]
}

export class TableError extends Error {}

const isXlsx = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** Reads a CSV (any of `,` `\t` `;`, UTF-8 or GBK) or an XLSX (by its ZIP signature, whatever its name). */
export async function readTable(bytes: Uint8Array, mapping: TabularMapping = {}): Promise<Table> {
  return isXlsx(bytes) ? readXlsx(bytes, mapping.sheet) : readCsv(bytes, mapping.encoding ?? 'auto')
}

function readCsv(bytes: Uint8Array, encoding: 'auto' | TextEncoding): Table {
  const decoded = decodeText(bytes, encoding)
  const firstLine = decoded.text.slice(0, decoded.text.indexOf('\n') >>> 0)
  const delimiter = [',', '\t', ';'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',')
  let records: string[][]
  try {
    records = parse(decoded.text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][]
  } catch (err) {
    throw new TableError(`CSV 解析失败 / the CSV could not be parsed: ${(err as Error).message}`)
  }
  const [columns = [], ...rows] = records
  return { format: 'csv', encoding: decoded.encoding, columns, rows }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}

async function readXlsx(bytes: Uint8Array, sheetName: string | undefined): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  } catch (err) {
    throw new TableError(`XLSX 读取失败 / the XLSX could not be read: ${(err as Error).message}`)
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName)
  if (!sheet) throw new TableError(`XLSX 中没有工作表 ${sheetName ?? ''} / no such sheet in the workbook`)
  const records: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value).trim()
    })
    records.push(Array.from(cells, (c) => c ?? ''))
  })
  const [columns = [], ...rows] = records
  return { format: 'xlsx', encoding: null, columns, rows }
}

/** Header names (normalised: lower case, no spaces, `_`, `-` or brackets) each field is suggested for, best first. */
const synonyms: Record<string, readonly string[]> = {
  id: ['id', '编号', '编码', '楼栋编码', '楼栋编号', '建筑编码', '摄像机编号', '设备编号', '设备编码', '人员编号', '工号'],
  name: ['name', '名称', '姓名', '楼栋名称', '楼栋地址', '地址', '建筑名称', '设备名称', '摄像机名称', '点位名称'],
  lon: ['lon', 'lng', 'longitude', 'x', '经度'],
  lat: ['lat', 'latitude', 'y', '纬度'],
  gridCode: ['gridcode', 'grid', '网格编码', '网格编号', '所属网格编码', '所属网格', '网格'],
  riskLevel: ['risklevel', 'risk', '风险等级', '楼栋分级', '分类分级', '分级', '安全等级'],
  floors: ['floors', '层数', '楼层数', '楼层', '地上层数'],
  households: ['households', '户数', '住户数', '总户数'],
  site: ['site', '点位类型', '场所类型', '场所', '安装位置'],
  online: ['online', '在线', '在线状态', '设备状态'],
  role: ['role', '角色', '岗位', '人员类别', '类别'],
  phone: ['phone', '电话', '手机', '手机号', '联系电话'],
  dutyStatus: ['dutystatus', '在岗状态', '值班状态', '状态'],
  population: ['population', '实有人口', '人口', '常住人口', '户籍人口'],
  partyMembers: ['partymembers', '党员', '党员数'],
  elderlyAlone: ['elderlyalone', '独居老人', '独居老人数'],
  disabled: ['disabled', '残疾人', '残疾人数'],
  underCare: ['undercare', '关爱对象', '重点关爱对象', '特殊关爱']
}

const normalise = (header: string): string => header.toLowerCase().replace(/[\s_\-()（）]/g, '')

/** Field → column suggested from the headers; a column is used for one field at most. */
export function suggestColumns(kind: TabularKind, columns: readonly string[]): Record<string, string> {
  const byName = new Map(columns.map((c) => [normalise(c), c]))
  const used = new Set<string>()
  const out: Record<string, string> = {}
  for (const field of tabularFields[kind]) {
    const column = (synonyms[field] ?? []).map((s) => byName.get(s)).find((c) => c !== undefined && !used.has(c))
    if (column !== undefined) {
      out[field] = column
      used.add(column)
    }
  }
  return out
}
