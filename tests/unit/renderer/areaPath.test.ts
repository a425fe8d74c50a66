import { describe, expect, it } from 'vitest'
import type { DistrictMap, MapRegion } from '@shared/api/types'
import { areaPath } from '@renderer/stores/area'

const region = (code: string, level: MapRegion['level'], parentCode: string | null): MapRegion => ({
  code, name: `名${code}`, level, parentCode, centroid: [0, 0], geometry: { type: 'Polygon', coordinates: [] }
})

const map: DistrictMap = {
  crs: 'WGS84',
  district: region('440311', 'district', null),
  streets: [region('440311-001', 'street', '440311')],
  communities: [region('440311-001-01', 'community', '440311-001')],
  grids: [region('440311-001-01-001', 'grid', '440311-001-01')]
}

describe('breadcrumb path', () => {
  it('walks from the district down to a grid', () => {
    expect(areaPath('440311-001-01-001', map)?.map((a) => a.level)).toEqual(['district', 'street', 'community', 'grid'])
    expect(areaPath('440311', map)).toEqual([{ code: '440311', name: '名440311', level: 'district' }])
  })

  it('gives null for a code that is not on the map', () => {
    expect(areaPath('440311-009', map)).toBeNull()
  })
})
