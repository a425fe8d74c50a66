import Feature from 'ol/Feature'
import Point from 'ol/geom/Point'
import Polygon from 'ol/geom/Polygon'
import MultiPolygon from 'ol/geom/MultiPolygon'
import { fromLonLat } from 'ol/proj'
import type { BuildingPoints, CameraPoint, MapRegion, StaffPosition } from '@shared/api/types'
import { interiorPoint } from './geometry'

/**
 * OpenLayers features from the API's WGS-84 data. Every coordinate goes through `project`:
 * WGS-84 → the basemap's system (toBasemapLonLat) → Web Mercator.
 */
export type Project = (lonLat: [number, number]) => number[]

/** WGS-84 straight to Web Mercator (no basemap, or a WGS-84 / CGCS2000 one). */
export const projectWgs84: Project = (lonLat) => fromLonLat(lonLat)

/** Composes the basemap conversion with Web Mercator. */
export function projector(toBasemap: (lonLat: [number, number]) => [number, number]): Project {
  return (lonLat) => fromLonLat(toBasemap(lonLat))
}

/** Properties every region feature carries. */
export interface RegionProps {
  code: string
  name: string
  level: MapRegion['level']
  parentCode: string | null
}

/** A region's outline in the map's projection. */
function regionGeometry(region: MapRegion, project: Project): Polygon | MultiPolygon {
  const g = region.geometry
  return g.type === 'Polygon'
    ? new Polygon(g.coordinates.map((ring) => ring.map(project)))
    : new MultiPolygon(g.coordinates.map((poly) => poly.map((ring) => ring.map(project))))
}

/** One polygon feature per region, id = code. */
export function regionFeature(region: MapRegion, project: Project): Feature {
  const geometry = regionGeometry(region, project)
  const props: RegionProps = { code: region.code, name: region.name, level: region.level, parentCode: region.parentCode }
  const f = new Feature({ geometry, ...props })
  f.setId(region.code)
  return f
}

/**
 * A label point well inside the region (not the centroid, which can fall outside), with the
 * region's outline (`region`: a label moved off an alert marker stays inside it).
 */
export function labelFeature(region: MapRegion, project: Project): Feature<Point> {
  const f = new Feature({
    geometry: new Point(project(interiorPoint(region.geometry))),
    name: region.name,
    code: region.code,
    level: region.level,
    region: regionGeometry(region, project)
  })
  f.setId(`label:${region.code}`)
  return f
}

/** Buildings as point features carrying `risk` (read by the WebGL style's match). */
export function buildingFeatures(points: BuildingPoints, project: Project): Feature<Point>[] {
  const out: Feature<Point>[] = new Array(points.ids.length)
  for (let i = 0; i < points.ids.length; i++) {
    const f = new Feature({ geometry: new Point(project([points.lon[i]!, points.lat[i]!])), risk: points.risk[i] ?? 0 })
    f.setId(points.ids[i]!)
    out[i] = f
  }
  return out
}

export function cameraFeatures(cameras: readonly CameraPoint[], project: Project): Feature<Point>[] {
  return cameras.map((c) => {
    const f = new Feature({ geometry: new Point(project([c.lon, c.lat])), online: c.online, name: c.name, gridCode: c.gridCode })
    f.setId(c.id)
    return f
  })
}

export function staffFeatures(staff: readonly StaffPosition[], project: Project): Feature<Point>[] {
  return staff.map((s) => {
    const f = new Feature({ geometry: new Point(project([s.lon, s.lat])), name: s.name, role: s.role, gridCode: s.gridCode })
    f.setId(s.id)
    return f
  })
}
