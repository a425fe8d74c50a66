import type { RegionGeometry } from '@shared/api/types'
import type { CoordinateSystem, LonLat } from '@shared/domain/geo'
import type { GridFields } from '@shared/import/mapping'
import { normaliseRegionCode } from './codes'
import { geometryToWgs84, toWgs84 } from './coords'
import type { IssueList } from './issues'

/** One boundary feature as read: its mapped fields and its WGS-84 geometry (null when invalid). */
export interface BoundaryFeature {
  file: string
  /** The code as given, or `#index`: how the report names the feature. */
  ref: string
  /** Normalised code, or null when malformed. */
  code: string | null
  name: string
  /** Normalised parent code; undefined when not mapped or empty. */
  parent: string | null | undefined
  level: string | undefined
  geometry: RegionGeometry | null
}

export interface GeoJsonFile {
  features: BoundaryFeature[]
  /** Property names over all features (for the mapping dialog). */
  properties: string[]
  /** The first features' property values, by `properties`. */
  sample: string[][]
}

/** A property by dotted path (`parent.adcode`). */
function pick(properties: Record<string, unknown>, path: string): unknown {
  let v: unknown = properties
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

const isPosition = (p: unknown): p is number[] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1])

/** Rings as LonLat, closed; null when a ring is not a list of ≥ 3 distinct positions. */
function readPolygon(rings: unknown): LonLat[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) return null
  const out: LonLat[][] = []
  for (const ring of rings) {
    if (!Array.isArray(ring) || !ring.every(isPosition)) return null
    const r = ring.map((p) => [p[0]!, p[1]!] as LonLat)
    const [first, last] = [r[0], r[r.length - 1]]
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) r.push([first[0], first[1]])
    if (r.length < 4) return null
    out.push(r)
  }
  return out
}

function readGeometry(g: unknown): RegionGeometry | null {
  if (g === null || typeof g !== 'object') return null
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown }
  if (type === 'Polygon') {
    const p = readPolygon(coordinates)
    return p ? { type: 'Polygon', coordinates: p } : null
  }
  if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length > 0) {
    const parts = coordinates.map(readPolygon)
    return parts.every((p) => p !== null) ? { type: 'MultiPolygon', coordinates: parts as LonLat[][][] } : null
  }
  return null
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v).trim())

/**
 * Reads a FeatureCollection (or one Feature) of district, street, community and grid boundaries:
 * plain GeoJSON with mapped properties, or the DataV GeoAtlas form (adcode, name, parent.adcode,
 * level). Geometries are converted from `crs` to WGS-84. Problems of single features are issues;
 * a file that is not GeoJSON at all is a fileError.
 */
export function readBoundaries(file: string, textContent: string, fields: GridFields, crs: CoordinateSystem, issues: IssueList): GeoJsonFile {
  let json: unknown
  try {
    json = JSON.parse(textContent)
  } catch (err) {
    issues.error('fileError', file, file, `不是有效的 JSON / not valid JSON: ${(err as Error).message}`)
    return { features: [], properties: [], sample: [] }
  }
  const root = json as { type?: unknown; features?: unknown }
  const raw = root?.type === 'FeatureCollection' && Array.isArray(root.features) ? root.features : root?.type === 'Feature' ? [root] : null
  if (!raw) {
    issues.error('fileError', file, file, '不是 GeoJSON FeatureCollection / not a GeoJSON FeatureCollection or Feature')
    return { features: [], properties: [], sample: [] }
  }
  const convert = toWgs84(crs)
  const properties = new Set<string>()
  const features: BoundaryFeature[] = []
  raw.forEach((f: unknown, index) => {
    const props = ((f as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>
    for (const k of Object.keys(props)) properties.add(k)
    const rawCode = text(pick(props, fields.code))
    const ref = rawCode || `#${index}`
    const code = normaliseRegionCode(pick(props, fields.code))
    if (!rawCode) issues.error('missingField', file, ref, `缺少编码（属性 ${fields.code}）/ no code (property ${fields.code})`, { field: fields.code })
    else if (!code) issues.error('malformedCode', file, ref, `编码格式错误 "${rawCode}"，应为 440311-003-02-017 / malformed code "${rawCode}": expected 440311[-003[-02[-017]]]`, { field: fields.code })
    const name = text(pick(props, fields.name))
    if (!name) issues.error('missingField', file, ref, `缺少名称（属性 ${fields.name}）/ no name (property ${fields.name})`, { field: fields.name })
    const parentRaw = fields.parent === undefined ? undefined : pick(props, fields.parent)
    const parent = parentRaw === undefined || parentRaw === null || text(parentRaw) === '' ? undefined : normaliseRegionCode(parentRaw)
    const levelRaw = fields.level === undefined ? undefined : text(pick(props, fields.level)) || undefined
    const parsed = readGeometry((f as { geometry?: unknown })?.geometry)
    if (!parsed) issues.error('invalidGeometry', file, ref, '几何不是有效的 Polygon 或 MultiPolygon / the geometry is not a valid Polygon or MultiPolygon')
    features.push({ file, ref, code, name, parent, level: levelRaw, geometry: parsed && geometryToWgs84(parsed, convert) })
  })
  const columns = [...properties]
  const sample = raw.slice(0, 10).map((f: unknown) => {
    const props = ((f as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>
    return columns.map((c) => text(props[c]))
  })
  return { features, properties: columns, sample }
}
