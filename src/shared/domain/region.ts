/** The territory: district > street > community > grid (> optional subgrid) > building. */
export const regionLevels = ['district', 'street', 'community', 'grid', 'subgrid'] as const
export type RegionLevel = (typeof regionLevels)[number]

export const regionLevelNames: Record<RegionLevel, { zh: string; en: string }> = {
  district: { zh: '区', en: 'District' },
  street: { zh: '街道', en: 'Street' },
  community: { zh: '社区', en: 'Community' },
  grid: { zh: '网格', en: 'Grid' },
  subgrid: { zh: '小分格', en: 'Sub-grid' }
}

/** Base data a grid carries (人、房、事、物、组织). */
export interface GridProfile {
  population: number
  households: number
  partyMembers: number
  /** Elderly living alone, disabled, people under care. */
  specialGroups: { elderlyAlone: number; disabled: number; underCare: number }
}

export interface Region {
  code: string
  level: RegionLevel
  name: string
  parentCode: string | null
  /** Centroid in WGS-84 (CGCS2000 for display purposes), [lon, lat]. */
  centroid: [number, number]
  areaM2: number
  profile: GridProfile | null
}

export const buildingRiskLevels = ['safe', 'normal', 'warning'] as const
/** 楼栋分类分级: 放心 / 一般 / 警示. */
export type BuildingRiskLevel = (typeof buildingRiskLevels)[number]

export interface Building {
  id: string
  gridCode: string
  name: string
  lon: number
  lat: number
  riskLevel: BuildingRiskLevel
  floors: number
  households: number
}
