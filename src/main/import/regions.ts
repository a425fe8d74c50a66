import { parentRegionCode, parseRegionCode } from '@shared/domain/gridCode'
import { regionLevelNames, type RegionLevel } from '@shared/domain/region'
import type { RegionRecord } from '../store/repositories/regions'
import type { BoundaryFeature } from './geojson'
import type { IssueList } from './issues'
import { areaM2, centroidOf, polygonsOf } from './shapes'

const levelWords: Record<string, RegionLevel> = {
  district: 'district', 区: 'district', 区县: 'district', 县: 'district',
  street: 'street', 街道: 'street', 镇: 'street', 乡: 'street', town: 'street', township: 'street',
  community: 'community', 社区: 'community', 村: 'community', village: 'community',
  grid: 'grid', 网格: 'grid', subgrid: 'subgrid', 小分格: 'subgrid'
}

/**
 * The region tree from the boundary features: codes well-formed and unique, one district, every
 * parent present and agreeing with the code, declared levels agreeing with the code's. Features
 * with an error are left out of the tree (the report refuses the import anyway).
 */
export function planRegions(features: readonly BoundaryFeature[], issues: IssueList): RegionRecord[] {
  const byCode = new Map<string, BoundaryFeature>()
  for (const f of features) {
    if (!f.code) continue
    const first = byCode.get(f.code)
    if (first) {
      issues.error('duplicateCode', f.file, f.ref, `编码重复：${f.code} 已用于 ${first.name}（${first.file}）/ duplicate code ${f.code}, already used by ${first.name} (${first.file})`, { codes: [f.code] })
      continue
    }
    byCode.set(f.code, f)
  }
  const districts = [...byCode.keys()].filter((c) => parseRegionCode(c).level === 'district')
  if (districts.length !== 1) {
    issues.error('districtCount', features[0]?.file ?? '', districts.join(', ') || '-', `须有且只有一个区级区划，实有 ${districts.length} 个 / exactly one district is needed, found ${districts.length}`, { codes: districts })
  }
  const district = districts[0]
  const out: RegionRecord[] = []
  for (const [code, f] of byCode) {
    const level = parseRegionCode(code).level
    const declared = f.level === undefined ? undefined : levelWords[f.level.toLowerCase()]
    if (f.level !== undefined && declared !== level) {
      issues.error('levelMismatch', f.file, f.ref, `层级 "${f.level}" 与编码 ${code} 的层级（${regionLevelNames[level].zh}）不符 / level "${f.level}" does not match the code's level ${level}`, { field: 'level' })
      continue
    }
    const parentCode = parentRegionCode(code)
    if (district !== undefined && !(code === district || code.startsWith(`${district}-`))) {
      issues.error('missingParent', f.file, f.ref, `${code} 不属于本区 ${district} / ${code} is not in the district ${district}`, { codes: [code, district] })
      continue
    }
    if (parentCode !== null && f.parent !== undefined && f.parent !== parentCode) {
      issues.error('parentMismatch', f.file, f.ref, `上级编码 ${f.parent ?? '(格式错误)'} 与编码 ${code} 不符，应为 ${parentCode} / parent ${f.parent ?? '(malformed)'} does not match code ${code}: expected ${parentCode}`, { field: 'parent', codes: [code, parentCode] })
      continue
    }
    if (parentCode !== null && !byCode.has(parentCode)) {
      issues.error('missingParent', f.file, f.ref, `上级区划 ${parentCode} 不在导入数据中 / the parent ${parentCode} is not in the import`, { codes: [parentCode] })
      continue
    }
    if (!f.geometry || !f.name) continue
    const polygons = polygonsOf(f.geometry)
    out.push({ code, level, name: f.name, parentCode, centroid: centroidOf(polygons), areaM2: Math.round(areaM2(polygons)), geometry: f.geometry, profile: null })
  }
  // Parents before children (the foreign key), then in code order.
  const depth = (c: string): number => c.split('-').length
  return out.sort((a, b) => depth(a.code) - depth(b.code) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}
