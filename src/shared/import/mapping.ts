import { z } from 'zod'
import { coordinateSystems, type CoordinateSystem } from '../domain/geo'
import type { ImportFileKind } from './report'

/** Coordinate systems accepted on import; everything is stored in WGS-84 (CGCS2000 taken as equal). */
export const importCrsSchema = z.enum(coordinateSystems)

/** `gcj02`, `GCJ-02`, `bd09`, `wgs84`, `cgcs2000`… → the enum value, or null. */
export function parseCrs(text: string): CoordinateSystem | null {
  const t = text.trim().toUpperCase().replace(/[-_\s]/g, '')
  const aliases: Record<string, CoordinateSystem> = { WGS84: 'WGS84', EPSG4326: 'WGS84', CGCS2000: 'CGCS2000', EPSG4490: 'CGCS2000', GCJ02: 'GCJ02', AMAP: 'GCJ02', BD09: 'BD09', BAIDU: 'BD09' }
  return aliases[t] ?? null
}

const fieldName = z.string().min(1).max(200)

/** Which GeoJSON property holds the code, the name, the parent's code and the level (dotted paths, e.g. `parent.adcode`). */
export const gridFieldsSchema = z
  .object({ code: fieldName, name: fieldName, parent: fieldName.optional(), level: fieldName.optional() })
  .strict()
export type GridFields = z.infer<typeof gridFieldsSchema>

/** The DataV GeoAtlas form: adcode, name, parent.adcode, level. */
export const dataVGridFields: GridFields = { code: 'adcode', name: 'name', parent: 'parent.adcode', level: 'level' }

/** The domain fields each tabular kind takes; those listed in `requiredFields` must be mapped and filled. */
export const tabularFields = {
  buildings: ['id', 'name', 'lon', 'lat', 'gridCode', 'riskLevel', 'floors', 'households'],
  cameras: ['id', 'name', 'lon', 'lat', 'gridCode', 'site', 'online'],
  staff: ['id', 'name', 'role', 'gridCode', 'phone', 'dutyStatus', 'lon', 'lat'],
  profiles: ['gridCode', 'population', 'households', 'partyMembers', 'elderlyAlone', 'disabled', 'underCare']
} as const satisfies Record<Exclude<ImportFileKind, 'grids'>, readonly string[]>
export type TabularKind = keyof typeof tabularFields
export type TabularField<K extends TabularKind> = (typeof tabularFields)[K][number]

export const requiredFields: { [K in TabularKind]: readonly TabularField<K>[] } = {
  buildings: ['id', 'name', 'lon', 'lat'],
  cameras: ['id', 'name', 'lon', 'lat'],
  // Staff are placed by their grid code, or by their position when they have no code.
  staff: ['id', 'name', 'role'],
  profiles: ['gridCode', 'population']
}

const columnsSchema = z.record(z.string().min(1).max(40), z.string().min(1).max(200))
const encodingSchema = z.enum(['auto', 'utf-8', 'gb18030'])

const tabularMappingSchema = z
  .object({
    /** Domain field → column header. */
    columns: columnsSchema.optional(),
    /** CSV text encoding; `auto`: BOM, else valid UTF-8, else GB18030 (a superset of GBK). */
    encoding: encodingSchema.optional(),
    /** XLSX: the sheet's name; default the first. */
    sheet: z.string().min(1).max(100).optional(),
    crs: importCrsSchema.optional()
  })
  .strict()
export type TabularMapping = z.infer<typeof tabularMappingSchema>

/**
 * How the files map to the domain (the `--mapping` file of the CLI, the dialog's choices).
 * Absent parts are suggested from the headers (DataV properties for GeoJSON).
 */
export const importMappingSchema = z
  .object({
    /** Default for every file that does not declare its own. */
    crs: importCrsSchema.optional(),
    grids: z.object({ fields: gridFieldsSchema.optional(), crs: importCrsSchema.optional() }).strict().optional(),
    buildings: tabularMappingSchema.optional(),
    cameras: tabularMappingSchema.optional(),
    staff: tabularMappingSchema.optional(),
    profiles: tabularMappingSchema.optional()
  })
  .strict()
export type ImportMapping = z.infer<typeof importMappingSchema>
