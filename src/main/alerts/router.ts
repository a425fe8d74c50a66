import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import RBush from 'rbush'
import type { RegionGeometry } from '@shared/api/types'
import { ancestorCode } from '@shared/domain/gridCode'
import type { LonLat } from '@shared/domain/geo'
import type { Store } from '../store/store'
import type { ParsedAlert, RoutedAlert } from './types'

/** Where a point lies: its grid and that grid's community and street. */
export interface GridLocation {
  gridCode: string
  communityCode: string
  streetCode: string
}

/** One grid polygon as the router needs it (a RegionRecord of level `grid` fits). */
export interface GridShape {
  code: string
  geometry: RegionGeometry
}

interface Entry {
  minX: number
  minY: number
  maxX: number
  maxY: number
  /** Position in code order: candidates are tried in this order, so ties are deterministic. */
  rank: number
  geometry: RegionGeometry
  location: GridLocation
}

function entryOf(shape: GridShape, rank: number): Entry {
  const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x
      if (y < minY) minY = y
      if (x > maxX) maxX = x
      if (y > maxY) maxY = y
    }
  }
  const location: GridLocation = {
    gridCode: shape.code,
    communityCode: ancestorCode(shape.code, 'community'),
    streetCode: ancestorCode(shape.code, 'street')
  }
  return { minX, minY, maxX, maxY, rank, geometry: shape.geometry, location }
}

/**
 * Finds the grid that contains a WGS-84 point: bounding boxes in an R-tree, then point in
 * polygon on the few candidates. Grids share edges, so a point may lie on the boundary of
 * several: a grid whose interior holds the point wins; a point on boundaries only goes to the
 * first of those grids in code order. The same point therefore always gets the same one grid,
 * whatever order the grids were given in.
 */
export class GridRouter {
  private readonly tree = new RBush<Entry>()
  /** Where fixed points (cameras' positions, passed as the same array each time) lie. */
  private readonly fixed = new WeakMap<LonLat, GridLocation | null>()
  readonly size: number

  constructor(grids: readonly GridShape[]) {
    const sorted = [...grids].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    const entries = sorted.map((g, i) => entryOf(g, i)).filter((e) => e.minX <= e.maxX && e.minY <= e.maxY)
    this.tree.load(entries)
    this.size = entries.length
  }

  /** A router over the store's grid polygons (WGS-84). Rebuild it when the district changes. */
  static fromStore(store: Store): GridRouter {
    return new GridRouter(store.regions.withGeometry(['grid']))
  }

  /** The grid containing the point, or null when it is outside every grid of the district. */
  locate(lon: number, lat: number): GridLocation | null {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null
    const candidates = this.tree.search({ minX: lon, minY: lat, maxX: lon, maxY: lat })
    if (candidates.length === 0) return null
    if (candidates.length > 1) candidates.sort((a, b) => a.rank - b.rank)
    const point: LonLat = [lon, lat]
    for (const c of candidates) {
      if (booleanPointInPolygon(point, c.geometry, { ignoreBoundary: true })) return c.location
    }
    // In no interior: on an edge or a corner (or outside).
    for (const c of candidates) {
      if (booleanPointInPolygon(point, c.geometry)) return c.location
    }
    return null
  }

  /**
   * Places a parsed alert: at its own position, or at its camera's when it has none. Null when
   * neither is known or the position is outside the district (the caller refuses it with
   * `outsideDistrict`).
   */
  route(alert: ParsedAlert, cameraPosition: LonLat | null): RoutedAlert | null {
    const position = alert.position ?? cameraPosition
    if (position === null) return null
    const [lon, lat] = position
    const location = position === cameraPosition ? this.locateFixed(cameraPosition) : this.locate(lon, lat)
    return location === null ? null : { ...alert, lon, lat, ...location }
  }

  /** locate() for a point that does not move (a camera's position): looked up once per array. */
  private locateFixed(point: LonLat): GridLocation | null {
    let location = this.fixed.get(point)
    if (location === undefined) {
      location = this.locate(point[0], point[1])
      this.fixed.set(point, location)
    }
    return location
  }
}
