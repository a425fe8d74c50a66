import type { AreaRef, DistrictMap, MapRegion, MapMetric } from '@shared/api/types'
import type { RegionLevel } from '@shared/domain/region'

/**
 * Which regions the map shows for the selected area, and which layers are visible at a zoom.
 * Pure functions of the district map and the breadcrumb, unit-tested.
 */

/** The level one below: district → street → community → grid; a grid shows itself. */
export function childLevel(level: RegionLevel): RegionLevel {
  switch (level) {
    case 'district':
      return 'street'
    case 'street':
      return 'community'
    default:
      return 'grid'
  }
}

function regionsAt(map: DistrictMap, level: RegionLevel): MapRegion[] {
  switch (level) {
    case 'district':
      return [map.district]
    case 'street':
      return map.streets
    case 'community':
      return map.communities
    default:
      return map.grids
  }
}

/** Index of every region by code. */
export function regionIndex(map: DistrictMap): Map<string, MapRegion> {
  return new Map([map.district, ...map.streets, ...map.communities, ...map.grids].map((r) => [r.code, r]))
}

export interface AreaView {
  /** The selected area's region (the district when nothing is selected). */
  area: MapRegion
  /** Coloured by the metric and labelled: the children of the area (a grid: itself). */
  shown: MapRegion[]
  /** Dimmed: the siblings of every area on the path below the district. */
  dimmed: MapRegion[]
}

/** What to draw for the breadcrumb `path` (district first); falls back to the district. */
export function areaView(map: DistrictMap, path: readonly AreaRef[]): AreaView {
  const index = regionIndex(map)
  const chain = path.map((a) => index.get(a.code)).filter((r): r is MapRegion => r !== undefined)
  const area = chain.at(-1) ?? map.district
  const dimmed: MapRegion[] = []
  for (let i = 1; i < chain.length; i++) {
    const self = chain[i]!
    const parent = chain[i - 1]!
    for (const r of regionsAt(map, self.level)) if (r.parentCode === parent.code && r.code !== self.code) dimmed.push(r)
  }
  const shown = area.level === 'grid' ? [area] : regionsAt(map, childLevel(area.level)).filter((r) => r.parentCode === area.code)
  return { area, shown, dimmed }
}

/** Point layers and the zooms from which they make sense (exclusive, like OpenLayers' minZoom). */
export const pointLayerMinZoom = {
  buildings: 13,
  cameras: 14,
  staff: 14
} as const
export type PointLayerKey = keyof typeof pointLayerMinZoom

/**
 * The zoom from which a point layer shows on a wall of this scale (1 at 1080p, 2 at 2160p): a
 * bigger wall fits the same area at a higher zoom, so the threshold moves up with it and the
 * district view of a 4K wall is not covered in points either.
 */
export function pointMinZoom(layer: PointLayerKey, scale = 1): number {
  return pointLayerMinZoom[layer] + Math.log2(Math.max(1, scale))
}

/** Same rule as OpenLayers' layer minZoom: visible when zoom > minZoom. */
export function visibleAtZoom(layer: PointLayerKey, zoom: number, scale = 1): boolean {
  return zoom > pointMinZoom(layer, scale)
}

/** Every toggleable layer, in the order of the toggles. */
export const layerKeys = ['regions', 'labels', 'buildings', 'cameras', 'staff', 'alerts', 'heat'] as const
export type LayerKey = (typeof layerKeys)[number]
export type LayerVisibility = Record<LayerKey, boolean>
/** Every layer on but the heat map (hot-spot analysis), which a duty officer switches on with its period and category. */
export const defaultVisibility: LayerVisibility = { regions: true, labels: true, buildings: true, cameras: true, staff: true, alerts: true, heat: false }

export const defaultMetric: MapMetric = 'eventsToday'

/** Label size in CSS px at 1080p by the level of the labelled regions, growing with the screen. */
export function labelSize(level: RegionLevel, scale: number): number {
  const base = level === 'street' ? 26 : level === 'community' ? 22 : 20
  return Math.max(16, Math.round(base * scale))
}
