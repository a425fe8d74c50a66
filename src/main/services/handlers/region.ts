import { ApiError } from '@shared/api/errors'
import type { GridDetail } from '@shared/api/types'
import { areaRef, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'

/** Detail cards of single regions. */
export function regionHandlers(d: HandlerDeps): HandlerGroup<'region.gridDetail'> {
  const { store } = d
  return {
    'region.gridDetail': ({ gridCode }): GridDetail => {
      const grid = requireRegion(store, gridCode)
      const community = grid.parentCode ? store.regions.get(grid.parentCode) : null
      const street = community?.parentCode ? store.regions.get(community.parentCode) : null
      if (!community || !street) throw new ApiError('INTERNAL', `网格 ${gridCode} 缺少上级区域 / grid ${gridCode} has no community or street`)
      const events = store.eventStats.openWithin(gridCode, d.now())
      return {
        code: grid.code,
        name: grid.name,
        community: areaRef(community),
        street: areaRef(street),
        areaM2: grid.areaM2,
        profile: grid.profile,
        staff: store.staff.ofGrid(gridCode).map((s) => ({ id: s.id, name: s.name, role: s.role, phone: s.phone, dutyStatus: s.dutyStatus })),
        openEvents: events.open,
        overdueEvents: events.overdue,
        cameras: store.cameras.onlineCounts(gridCode),
        buildings: store.buildings.riskCounts(gridCode)
      }
    }
  }
}
