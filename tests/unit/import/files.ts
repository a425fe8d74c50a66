import { importMappingSchema, type ImportMapping } from '@shared/import/mapping'
import type { ImportFile } from '../../../src/main/import/index'
import { buildingsCsv, cameraRows, dataVGeoJson, fixtureRegions, profilesCsv, staffCsv, type FixtureRegion } from './fixtures/district'
import { exampleMapping, gbk, xlsxBytes } from './fixtures/make'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

export const mapping: ImportMapping = importMappingSchema.parse(exampleMapping)

/** The worked example's files, made at test time: GeoJSON (DataV, GCJ-02), buildings UTF-8, staff GBK, cameras XLSX, profiles UTF-8 with BOM. */
export async function exampleFiles(regions: FixtureRegion[] = fixtureRegions(), buildings = buildingsCsv()): Promise<ImportFile[]> {
  return [
    { kind: 'grids', name: 'district.geojson', bytes: utf8(JSON.stringify(dataVGeoJson(regions))) },
    { kind: 'buildings', name: 'buildings.csv', bytes: utf8(buildings) },
    { kind: 'cameras', name: 'cameras.xlsx', bytes: await xlsxBytes(cameraRows()) },
    { kind: 'staff', name: 'staff.gbk.csv', bytes: gbk(staffCsv()) },
    { kind: 'profiles', name: 'profiles.csv', bytes: utf8(`\ufeff${profilesCsv()}`) }
  ]
}

export const replaceFile = (files: ImportFile[], file: ImportFile): ImportFile[] => files.map((f) => (f.kind === file.kind ? file : f))
export { gbk, utf8 }
