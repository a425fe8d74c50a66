import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportIssue, ImportReport } from '@shared/import/report'
import { GridRouter } from '../../../src/main/alerts/router'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import { DEFAULT_DEMO_CENTER, DEFAULT_DEMO_SEED } from '../../../src/main/demo/options'
import { applyImport, importMetaKeys, previewImport, type ImportFile } from '../../../src/main/import/index'
import { metaKeys } from '../../../src/main/store/metaKeys'
import type { Store } from '../../../src/main/store/store'
import { buildingsCsv, fixtureRegions, type FixtureRegion } from './fixtures/district'
import { tempStore } from '../../support/tempStore'
import { exampleFiles, gbk, mapping, replaceFile, utf8 } from './files'

const counts = (store: Store): Record<string, number> => {
  const n = (t: string): number => (store.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
  return { regions: n('regions'), buildings: n('buildings'), cameras: n('cameras'), staff: n('staff') }
}
const issuesOf = (r: ImportReport, kind: ImportIssue['kind']): ImportIssue[] => r.issues.filter((i) => i.kind === kind)

/** The fixture with one grid's first polygon replaced by a rectangle. */
function withGrid(regions: FixtureRegion[], code: string, rect: [number, number, number, number]): FixtureRegion[] {
  const [x0, y0, x1, y1] = rect
  return regions.map((r) => (r.code === code ? { ...r, polygons: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]] } : r))
}

describe('importing a real district', () => {
  let store: Store
  let remove: () => void
  beforeEach(() => ({ store, remove } = tempStore('import')))
  afterEach(() => remove())

  it('imports the DataV GeoJSON (GCJ-02, island and enclave), UTF-8 and GBK CSV and XLSX', async () => {
    const progress: number[] = []
    const result = await applyImport(store, await exampleFiles(), { mapping, onProgress: (p) => progress.push(p.fraction) })
    expect(result.report.issues).toEqual([])
    expect(result.applied).toBe(true)
    expect(result.report.counts).toEqual({ streets: 2, communities: 4, grids: 9, subgrids: 0, buildings: 34, cameras: 9, staff: 18, profiles: 9 })
    expect(counts(store)).toEqual({ regions: 16, buildings: 34, cameras: 9, staff: 18 })
    expect(store.meta.get(metaKeys.districtCode)).toBe('440311')
    expect(store.meta.get(metaKeys.districtName)).toBe('光明区')
    expect(progress.at(-1)).toBe(1)
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true)
    // Converted from GCJ-02: the grid's corner is back near its WGS-84 position (gcoord's inverse is within a metre).
    const grid = store.regions.withGeometry(['grid']).find((g) => g.code === '440311-001-01-001')!
    const corner = (grid.geometry.coordinates as [number, number][][])[0]![0]!
    expect(corner[0]).toBeCloseTo(113.9, 5)
    expect(corner[1]).toBeCloseTo(22.72, 5)
    expect(store.regions.get('440311-002-01-002')!.profile?.population).toBe(1200 + 37 * 6)
    const staff = store.staff.ofGrid('440311-001-01-001')
    expect(staff.map((s) => [s.name, s.role, s.dutyStatus])).toEqual([['张一', 'gridChief', 'onDuty'], ['李一', 'gridWorker', 'leave']])
    expect(store.buildings.get('LD0001')).toMatchObject({ name: '光明区示例路1号', riskLevel: 'safe', floors: 3, households: 10, gridCode: '440311-001-01-001' })
  })

  it('routes alerts to the imported grids: the island, the enclave and the grid around it', async () => {
    await applyImport(store, await exampleFiles(), { mapping })
    const router = GridRouter.fromStore(store)
    expect(router.size).toBe(9)
    expect(router.locate(113.995, 22.735)?.gridCode).toBe('440311-002-01-002')
    expect(router.locate(113.9475, 22.7375)?.gridCode).toBe('440311-002-01-003')
    expect(router.locate(113.955, 22.75)).toMatchObject({ gridCode: '440311-002-01-001', communityCode: '440311-002-01', streetCode: '440311-002' })
    expect(router.locate(113.985, 22.75)).toBeNull()
  })

  it('names a gap, an overlap and a duplicate code with their area and location, and writes nothing', async () => {
    let regions = fixtureRegions()
    regions = withGrid(regions, '440311-001-01-001', [113.9, 22.72, 113.915, 22.76]) // gap 113.915–113.92
    regions = withGrid(regions, '440311-001-02-001', [113.9, 22.76, 113.925, 22.8]) // overlaps 113.92–113.925
    regions.push({ ...regions.find((r) => r.code === '440311-002-02-002')!, name: '重复网格' })
    const files = await exampleFiles(regions)
    const preview = await previewImport(store, files, { mapping })
    const r = preview.report
    expect(r.ok).toBe(false)

    const [gap] = issuesOf(r, 'gap')
    expect(gap).toMatchObject({ severity: 'error', file: 'district.geojson', ref: '440311-001-01', codes: ['440311-001-01'] })
    // 0.005° × 0.04° at 22.7°N: about 514 m × 4,430 m.
    expect(gap!.areaM2).toBeGreaterThan(2.1e6)
    expect(gap!.areaM2).toBeLessThan(2.5e6)
    expect(gap!.location![0]).toBeGreaterThan(113.915)
    expect(gap!.location![0]).toBeLessThan(113.92)

    const [overlap] = issuesOf(r, 'overlap')
    expect(overlap).toMatchObject({ ref: '440311-001-02-001 × 440311-001-02-002', codes: ['440311-001-02-001', '440311-001-02-002'] })
    expect(overlap!.areaM2).toBeGreaterThan(2.1e6)
    expect(overlap!.location![0]).toBeGreaterThan(113.92)
    expect(overlap!.location![0]).toBeLessThan(113.925)

    expect(issuesOf(r, 'duplicateCode')).toEqual([expect.objectContaining({ ref: '440311-002-02-002', codes: ['440311-002-02-002'] })])
    expect(issuesOf(r, 'duplicateCode')[0]!.message).toContain('合水口第二网格')
    expect(r.issueCounts).toMatchObject({ gap: 1, overlap: 1, duplicateCode: 1 })

    const result = await applyImport(store, files, { mapping })
    expect(result.applied).toBe(false)
    expect(counts(store)).toEqual({ regions: 0, buildings: 0, cameras: 0, staff: 0 })
  })

  it('reports features outside their parent, missing parents and malformed codes', async () => {
    let regions = fixtureRegions()
    // Pushes past the district's western edge (and leaves the rest of its old place uncovered).
    regions = withGrid(regions, '440311-001-02-001', [113.89, 22.76, 113.92, 22.8])
    regions.push({ code: '440311-009-01', adcode: '440311-009-01', name: '孤儿社区', level: 'community', parent: 440311009, polygons: [] as never })
    regions.push({ code: 'x', adcode: '44-03', name: '坏编码', level: 'grid', parent: 440311001001, polygons: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] })
    const r = (await previewImport(store, await exampleFiles(regions), { mapping })).report
    expect(issuesOf(r, 'outsideParent')[0]).toMatchObject({ ref: '440311-001-02-001', codes: ['440311-001-02-001', '440311-001-02'] })
    expect(issuesOf(r, 'outsideParent')[0]!.areaM2).toBeGreaterThan(4e6)
    expect(issuesOf(r, 'missingParent')).toEqual([expect.objectContaining({ ref: '440311-009-01', codes: ['440311-009'] })])
    expect(issuesOf(r, 'malformedCode')).toEqual([expect.objectContaining({ ref: '44-03' })])
    expect(issuesOf(r, 'invalidGeometry').map((i) => i.ref)).toContain('440311-009-01')
  })

  it('names rows with missing fields, bad values and points in no grid', async () => {
    const rows = buildingsCsv().trimEnd().split('\r\n')
    rows[2] = rows[2]!.replace('光明区示例路2号', '') // row 3: no name
    rows[3] = rows[3]!.replace(/,(放心|一般|警示),/, ',很危险,') // row 4: unknown risk level
    rows.push('LD9999,海上楼栋,114.2,22.5,一般,3,10,') // row 36: in the sea
    rows.push(rows[5]!) // row 37: duplicate id
    const files = replaceFile(await exampleFiles(), { kind: 'buildings', name: 'buildings.csv', bytes: utf8(rows.join('\r\n')) })
    const r = (await previewImport(store, files, { mapping })).report
    expect(r.ok).toBe(false)
    expect(issuesOf(r, 'missingField')).toEqual([expect.objectContaining({ file: 'buildings.csv', ref: 'row 3', field: 'name' })])
    expect(issuesOf(r, 'badValue')).toEqual([expect.objectContaining({ ref: 'row 4', field: 'riskLevel' })])
    const [sea] = issuesOf(r, 'pointInNoGrid')
    expect(sea).toMatchObject({ ref: 'row 36', file: 'buildings.csv' })
    expect(sea!.location![0]).toBeCloseTo(114.2, 1)
    expect(issuesOf(r, 'duplicateId')).toEqual([expect.objectContaining({ ref: 'row 37' })])
  })

  it('warns when a grid code column disagrees with the position, and places by position', async () => {
    const csv = buildingsCsv().replace(',440311-001-01-001\r\n', ',440311-002-02-002\r\n')
    const files = replaceFile(await exampleFiles(), { kind: 'buildings', name: 'buildings.csv', bytes: utf8(csv) })
    const result = await applyImport(store, files, { mapping })
    expect(result.applied).toBe(true)
    expect(issuesOf(result.report, 'gridMismatch')).toEqual([expect.objectContaining({ ref: 'row 2', severity: 'warning' })])
    expect(store.buildings.get('LD0001')!.gridCode).toBe('440311-001-01-001')
  })

  it('is all or nothing: a refused or failing import leaves the previous district', async () => {
    await applyImport(store, await exampleFiles(), { mapping })
    const before = counts(store)
    const hash = store.meta.get(importMetaKeys.hash)
    const bad = await exampleFiles(withGrid(fixtureRegions(), '440311-001-01-001', [113.9, 22.72, 113.915, 22.76]), buildingsCsv())
    expect((await applyImport(store, bad, { mapping })).applied).toBe(false)
    expect(counts(store)).toEqual(before)

    // Valid data, but the write fails half-way: rolled back.
    const changed = replaceFile(await exampleFiles(), { kind: 'buildings', name: 'buildings.csv', bytes: utf8(buildingsCsv().replace('光明区示例路1号', '光明区示例路一号')) })
    const insert = store.cameras.insertMany.bind(store.cameras)
    store.cameras.insertMany = () => {
      throw new Error('disk full')
    }
    await expect(applyImport(store, changed, { mapping })).rejects.toThrow('disk full')
    store.cameras.insertMany = insert
    expect(counts(store)).toEqual(before)
    expect(store.meta.get(importMetaKeys.hash)).toBe(hash)
    expect(store.buildings.get('LD0001')!.name).toBe('光明区示例路1号')
  })

  it('changes nothing when the same data is imported again, in whatever encoding', async () => {
    const first = await applyImport(store, await exampleFiles(), { mapping, now: () => 1 })
    expect(first.applied).toBe(true)
    const again = await applyImport(store, await exampleFiles(), { mapping, now: () => 2 })
    expect(again).toMatchObject({ applied: false, unchanged: true, hash: first.hash })
    expect(store.meta.get(importMetaKeys.at)).toBe('1')
    // The buildings in GBK instead of UTF-8: the same content.
    const gbkFiles = replaceFile(await exampleFiles(), { kind: 'buildings', name: 'buildings-gbk.csv', bytes: gbk(buildingsCsv()) })
    const preview = await previewImport(store, gbkFiles, { mapping })
    expect(preview.files.find((f) => f.kind === 'buildings')?.encoding).toBe('gb18030')
    expect(preview.unchanged).toBe(true)
  })

  it('merges boundary files given one per level, and reads plain GeoJSON with mapped properties in WGS-84', async () => {
    const example = await exampleFiles()
    const dataV = JSON.parse(new TextDecoder().decode(example[0]!.bytes)) as { features: { properties: { level: string } }[] }
    const byLevel = (grids: boolean): ImportFile => ({
      kind: 'grids',
      name: grids ? 'grids.geojson' : 'areas.geojson',
      bytes: utf8(JSON.stringify({ type: 'FeatureCollection', features: dataV.features.filter((f) => (f.properties.level === 'grid') === grids) }))
    })
    const split = [byLevel(true), byLevel(false), ...example.slice(1)]
    const whole = await previewImport(store, example, { mapping })
    const merged = await applyImport(store, split, { mapping })
    expect(merged.report.ok).toBe(true)
    expect(merged.hash).toBe((await applyImport(store, example, { mapping })).hash)
    expect(whole.report.ok).toBe(true)

    // The same boundaries as a plain FeatureCollection in WGS-84 with Chinese property names.
    const plain = {
      type: 'FeatureCollection',
      features: fixtureRegions().map((r) => ({
        type: 'Feature',
        properties: { 网格编码: r.code, 网格名称: r.name },
        geometry: { type: 'MultiPolygon', coordinates: r.polygons }
      }))
    }
    const plainFiles = [{ kind: 'grids' as const, name: 'plain.geojson', bytes: utf8(JSON.stringify(plain)) }, ...example.slice(1)]
    const result = await previewImport(store, plainFiles, {
      mapping: { ...mapping, crs: 'GCJ02', grids: { fields: { code: '网格编码', name: '网格名称' }, crs: 'WGS84' } }
    })
    expect(result.report.issues).toEqual([])
    expect(result.report.counts.grids).toBe(9)
  })

  it('takes the demo district exported as plain GeoJSON and CSV without an issue (264 generated grids)', async () => {
    const { store: demo, remove: removeDemo } = tempStore('import-demo')
    try {
      loadDemoDistrict(demo, { seed: DEFAULT_DEMO_SEED, scale: 0.05, center: DEFAULT_DEMO_CENTER, now: Date.UTC(2026, 10, 22) })
      const regions = demo.regions.withGeometry(['district', 'street', 'community', 'grid'])
      const features = regions.map((r) => ({ type: 'Feature', properties: { code: r.code, name: r.name }, geometry: r.geometry }))
      const buildings = demo.buildings.all()
      const csv = ['id,name,lon,lat,risk,grid,floors,households', ...buildings.map((b) => `${b.id},${b.name},${b.lon},${b.lat},${b.riskLevel},${b.gridCode},${b.floors},${b.households}`)].join('\n')
      const result = await applyImport(store, [
        { kind: 'grids', name: 'demo.geojson', bytes: utf8(JSON.stringify({ type: 'FeatureCollection', features })) },
        { kind: 'buildings', name: 'demo.csv', bytes: utf8(csv) }
      ], { mapping: { grids: { fields: { code: 'code', name: 'name' } }, buildings: { columns: { riskLevel: 'risk', gridCode: 'grid' } } } })
      expect(result.report.issues).toEqual([])
      expect(result.report.counts.grids).toBe(demo.regions.byLevel('grid').length)
      expect(store.buildings.all().sort((a, b) => a.id.localeCompare(b.id))).toEqual(buildings.sort((a, b) => a.id.localeCompare(b.id)))
    } finally {
      removeDemo()
    }
  })

  it('suggests the mapping from the headers and previews the files', async () => {
    const preview = await previewImport(store, await exampleFiles(), { mapping: { crs: 'GCJ02' } })
    expect(preview.report.ok).toBe(true)
    expect(preview.mapping.buildings?.columns).toMatchObject({ id: '楼栋编码', lon: '经度', riskLevel: '楼栋分级' })
    expect(preview.mapping.staff).toMatchObject({ encoding: 'gb18030', columns: { role: '岗位', gridCode: '所属网格' } })
    const grids = preview.files.find((f) => f.kind === 'grids')!
    expect(grids.columns).toEqual(expect.arrayContaining(['adcode', 'name', 'center', 'centroid', 'level', 'parent', 'acroutes']))
    expect(grids.records).toBe(16)
    expect(preview.files.find((f) => f.kind === 'cameras')).toMatchObject({ format: 'xlsx', records: 9 })
    expect(preview.replaces).toEqual({ districtCode: null, events: 0, alerts: 0, demo: false })
    expect(counts(store).regions).toBe(0)
  })
})
