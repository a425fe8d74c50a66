import { ApiError } from '@shared/api/errors'
import type { DistrictMap, MapMetric, MapRegion, RegionMetrics } from '@shared/api/types'
import { ancestorCode, isRegionCode } from '@shared/domain/gridCode'
import { shanghaiDayStart } from '@shared/time'
import type { Store } from '../../store/store'
import type { RegionRecord } from '../../store/repositories/regions'
import { NONE_BASEMAP } from '../../tiles'
import type { HandlerDeps, HandlerGroup } from './deps'

const toMapRegion = (r: RegionRecord): MapRegion => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parentCode,
  centroid: r.centroid,
  geometry: r.geometry
})

/** Per-grid counts for a choropleth metric at `now`. */
function gridValues(store: Store, metric: MapMetric, now: number): { gridCode: string; n: number }[] {
  switch (metric) {
    case 'eventsToday':
      return store.eventStats.reportedPerGrid(shanghaiDayStart(now), now + 1)
    case 'openEvents':
      return store.eventStats.openPerGrid(now).map((r) => ({ gridCode: r.gridCode, n: r.open }))
    case 'overdueEvents':
      return store.eventStats.openPerGrid(now).map((r) => ({ gridCode: r.gridCode, n: r.overdue }))
    case 'warningBuildings':
      return store.buildings.perGrid('warning')
  }
}

/** Grid values with their sums for each community and street; zeros are left out (absent = 0). */
export function rollUp(rows: readonly { gridCode: string; n: number }[]): Record<string, number> {
  const values: Record<string, number> = {}
  for (const { gridCode, n } of rows) {
    if (n === 0 || !isRegionCode(gridCode, 'grid')) continue
    for (const code of [gridCode, ancestorCode(gridCode, 'community'), ancestorCode(gridCode, 'street')]) {
      values[code] = (values[code] ?? 0) + n
    }
  }
  return values
}

/** The map: polygons, point layers, choropleth values and the basemap. */
export function mapHandlers(
  d: HandlerDeps
): HandlerGroup<'map.district' | 'map.metrics' | 'map.buildings' | 'map.cameras' | 'map.staffPositions' | 'map.basemap'> {
  const { store } = d
  return {
    'map.district': (): DistrictMap => {
      const regions = store.regions.withGeometry(['district', 'street', 'community', 'grid']).map(toMapRegion)
      const district = regions.find((r) => r.level === 'district')
      if (!district) throw new ApiError('UNAVAILABLE', '尚未载入辖区数据 / no district has been loaded yet')
      return {
        crs: 'WGS84',
        district,
        streets: regions.filter((r) => r.level === 'street'),
        communities: regions.filter((r) => r.level === 'community'),
        grids: regions.filter((r) => r.level === 'grid')
      }
    },

    'map.metrics': ({ metric }): RegionMetrics => {
      const now = d.now()
      return { metric, asOf: now, values: rollUp(gridValues(store, metric, now)) }
    },

    'map.buildings': () => store.buildings.points(),
    'map.cameras': () => store.cameras.all(),
    'map.staffPositions': () => store.staff.positions(),
    'map.basemap': () => d.tiles?.info() ?? NONE_BASEMAP
  }
}
