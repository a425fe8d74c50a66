import { difference, intersection, union, type Geom } from 'polyclip-ts'
import RBush from 'rbush'
import type { MultiPolygonCoords } from '@shared/domain/geo'
import type { RegionRecord } from '../store/repositories/regions'
import type { IssueList } from './issues'
import { areaM2, bbox, interiorPoint, polygonsOf, reportPoint } from './shapes'

/** Digitising noise: a gap, overlap or part outside smaller than this is not reported (docs/IMPORT.md). */
export const TOLERANCE_M2 = 1
export const TOLERANCE_SHARE = 0.001
const tolerance = (referenceM2: number): number => Math.max(TOLERANCE_M2, TOLERANCE_SHARE * referenceM2)

const fmtArea = (m2: number): string => (m2 >= 10_000 ? `${(m2 / 1_000_000).toFixed(3)} km²` : `${Math.round(m2)} m²`)

interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
  region: RegionRecord
  polygons: MultiPolygonCoords
}

/**
 * "无缝覆盖": each region's children lie inside it, do not overlap each other, and cover it.
 * Each problem beyond the tolerance is an error with its area and a point inside it.
 * `step` is called after each parent (for progress) and may yield to the event loop.
 */
export async function checkTopology(
  regions: readonly RegionRecord[],
  fileOf: (code: string) => string,
  issues: IssueList,
  step: (done: number, total: number) => Promise<void>
): Promise<void> {
  const children = new Map<string, RegionRecord[]>()
  for (const r of regions) if (r.parentCode !== null) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r])
  const parents = regions.filter((r) => children.has(r.code))
  let done = 0
  for (const parent of parents) {
    const kids = children.get(parent.code)!
    try {
      checkFamily(parent, kids, fileOf, issues)
    } catch (err) {
      issues.error('invalidGeometry', fileOf(parent.code), parent.code, `几何无法计算（自相交？）：${(err as Error).message} / the geometry could not be processed (self-intersecting?)`)
    }
    await step(++done, parents.length)
  }
}

function checkFamily(parent: RegionRecord, kids: readonly RegionRecord[], fileOf: (code: string) => string, issues: IssueList): void {
  const parentPolys = polygonsOf(parent.geometry)
  const boxes: Box[] = kids.map((k) => {
    const polygons = polygonsOf(k.geometry)
    return { ...bbox(polygons), region: k, polygons }
  })
  for (const b of boxes) {
    const outside = difference(b.polygons as Geom, parentPolys as Geom) as MultiPolygonCoords
    const a = areaM2(outside)
    if (a > tolerance(b.region.areaM2)) {
      issues.error('outsideParent', fileOf(b.region.code), b.region.code, `${b.region.name}（${b.region.code}）有 ${fmtArea(a)} 在上级 ${parent.name}（${parent.code}）之外 / ${fmtArea(a)} of ${b.region.code} lies outside its parent ${parent.code}`, {
        codes: [b.region.code, parent.code], areaM2: Math.round(a), location: reportPoint(interiorPoint(outside))
      })
    }
  }
  const tree = new RBush<Box>()
  tree.load(boxes)
  for (const a of boxes) {
    for (const b of tree.search(a)) {
      if (b.region.code <= a.region.code) continue
      const common = intersection(a.polygons as Geom, b.polygons as Geom) as MultiPolygonCoords
      const m2 = areaM2(common)
      if (m2 > tolerance(Math.min(a.region.areaM2, b.region.areaM2))) {
        issues.error('overlap', fileOf(a.region.code), `${a.region.code} × ${b.region.code}`, `${a.region.name}（${a.region.code}）与 ${b.region.name}（${b.region.code}）重叠 ${fmtArea(m2)} / ${a.region.code} and ${b.region.code} overlap by ${fmtArea(m2)}`, {
          codes: [a.region.code, b.region.code], areaM2: Math.round(m2), location: reportPoint(interiorPoint(common))
        })
      }
    }
  }
  const covered = union(...(boxes.map((b) => b.polygons) as [Geom, ...Geom[]]))
  const gaps = difference(parentPolys as Geom, covered) as MultiPolygonCoords
  const meanChild = kids.reduce((s, k) => s + k.areaM2, 0) / kids.length
  for (const piece of gaps) {
    const m2 = areaM2([piece])
    if (m2 > tolerance(meanChild)) {
      issues.error('gap', fileOf(parent.code), parent.code, `${parent.name}（${parent.code}）内有 ${fmtArea(m2)} 不属于任何下级区划 / a gap of ${fmtArea(m2)} in ${parent.code} is covered by none of its ${kids.length} children`, {
        codes: [parent.code], areaM2: Math.round(m2), location: reportPoint(interiorPoint([piece]))
      })
    }
  }
}
