import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/main/import/encoding'
import { readTable, suggestColumns } from '../../../src/main/import/tabular'
import { cameraRows, staffCsv } from './fixtures/district'
import { xlsxBytes } from './fixtures/make'
import { gbk, utf8 } from './files'

describe('tabular files', () => {
  it('detects UTF-8 and GBK and reads the same rows from both', async () => {
    const fromUtf8 = await readTable(utf8(staffCsv()))
    const fromGbk = await readTable(gbk(staffCsv()))
    expect(fromUtf8.encoding).toBe('utf-8')
    expect(fromGbk.encoding).toBe('gb18030')
    expect(fromGbk.columns).toEqual(['人员编号', '姓名', '岗位', '所属网格', '联系电话', '在岗状态'])
    expect(fromGbk.rows).toEqual(fromUtf8.rows)
    expect(fromGbk.rows[0]).toEqual(['WGY001', '张一', '网格长', '440311-001-01-001', '13800000001', '在岗'])
  })
  it('drops a UTF-8 BOM and honours a declared encoding', async () => {
    expect((await readTable(utf8('\ufeff编号,名称\r\n1,甲\r\n'))).columns).toEqual(['编号', '名称'])
    expect(decodeText(gbk('网格'), 'gb18030').text).toBe('网格')
  })
  it('reads semicolon- and tab-separated files', async () => {
    expect((await readTable(utf8('a;b\n1;2\n'))).rows).toEqual([['1', '2']])
    expect((await readTable(utf8('a\tb\n1\t2\n'))).rows).toEqual([['1', '2']])
  })
  it('reads an XLSX sheet as text cells', async () => {
    const table = await readTable(await xlsxBytes(cameraRows()))
    expect(table.format).toBe('xlsx')
    expect(table.columns).toEqual(cameraRows()[0])
    expect(table.rows.length).toBe(cameraRows().length - 1)
    expect(table.rows[0]![0]).toBe('SXJ001')
    expect(Number(table.rows[0]![2])).toBeCloseTo(Number(cameraRows()[1]![2]), 7)
  })
  it('suggests columns from Chinese and English headers', () => {
    expect(suggestColumns('buildings', ['楼栋编码', '楼栋地址', '经度', '纬度', '楼栋分级', '层数', '户数', '所属网格'])).toEqual({
      id: '楼栋编码', name: '楼栋地址', lon: '经度', lat: '纬度', gridCode: '所属网格', riskLevel: '楼栋分级', floors: '层数', households: '户数'
    })
    expect(suggestColumns('cameras', ['ID', 'Name', 'Lng', 'Lat', 'Online'])).toEqual({ id: 'ID', name: 'Name', lon: 'Lng', lat: 'Lat', online: 'Online' })
  })
})
