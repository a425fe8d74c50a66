import type { GovEvent } from '@shared/domain/event'
import { deadlineFor } from '@shared/domain/categories'
import type { RegionRecord } from '../../src/main/store/repositories/regions'
import { metaKeys } from '../../src/main/store/metaKeys'
import type { Store } from '../../src/main/store/store'

const square = (x: number, y: number, size: number): RegionRecord['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]
})

const region = (code: string, level: RegionRecord['level'], name: string, parentCode: string | null, x: number, y: number, size: number): RegionRecord => ({
  code, level, name, parentCode,
  centroid: [x + size / 2, y + size / 2],
  areaM2: size * size * 1.1e10,
  geometry: square(x, y, size),
  profile: level === 'grid' ? { population: 1200, households: 400, partyMembers: 30, specialGroups: { elderlyAlone: 5, disabled: 3, underCare: 2 } } : null
})

/** A hand-made district small enough to reason about: 2 streets, 2 communities, 3 grids, 4 events. */
export function loadMiniDistrict(store: Store, now: number): void {
  store.regions.insertMany([
    region('440311', 'district', '测试区', null, 113.9, 22.7, 0.2),
    region('440311-001', 'street', '甲街道', '440311', 113.9, 22.7, 0.1),
    region('440311-002', 'street', '乙街道', '440311', 114.0, 22.7, 0.1),
    region('440311-001-01', 'community', '一社区', '440311-001', 113.9, 22.7, 0.1),
    region('440311-002-01', 'community', '二社区', '440311-002', 114.0, 22.7, 0.1),
    region('440311-001-01-001', 'grid', '一社区第1网格', '440311-001-01', 113.9, 22.7, 0.05),
    region('440311-001-01-002', 'grid', '一社区第2网格', '440311-001-01', 113.95, 22.7, 0.05),
    region('440311-002-01-001', 'grid', '二社区第1网格', '440311-002-01', 114.0, 22.7, 0.1)
  ])
  const event = (id: string, gridCode: string, reportedAt: number, closedAt: number | null): GovEvent => ({
    id, category: 'cityManagement', source: 'patrol', level: 1, status: closedAt ? 'closed' : 'reported', gridCode,
    title: '占道经营', lon: 113.91, lat: 22.71, reportedAt, deadlineAt: deadlineFor('cityManagement', 1, reportedAt), closedAt, satisfaction: null
  })
  store.events.insertMany([
    event('E1', '440311-001-01-001', now - 3_600_000, now - 1_800_000),
    event('E2', '440311-001-01-002', now - 7_200_000, null),
    event('E3', '440311-002-01-001', now - 2 * 86_400_000, now - 86_400_000),
    event('E4', '440311-002-01-001', now - 40 * 86_400_000, now - 39 * 86_400_000)
  ])
  store.meta.set(metaKeys.districtCode, '440311')
  store.meta.set(metaKeys.districtName, '测试区')
}
