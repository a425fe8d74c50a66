/**
 * What emergency command draws on besides people: 应急避难场所 (shelters) and 物资储备点 (supply
 * points), and who lives in each building (docs/EMERGENCY.md, "Demo resources").
 */

/** Shenzhen designates schools, parks, community and sports centres as 应急避难场所. */
export const shelterKinds = ['school', 'park', 'communityCentre', 'sportsCentre'] as const
export type ShelterKind = (typeof shelterKinds)[number]

export interface Shelter {
  id: string
  name: string
  kind: ShelterKind
  gridCode: string
  /** WGS-84. */
  lon: number
  lat: number
  /** People it can hold. */
  capacity: number
}

/** Stock kept at a 物资储备点, counted in units (tents, beds, cases of water…). */
export const supplyKinds = ['tents', 'foldingBeds', 'quilts', 'drinkingWater', 'instantFood', 'sandbags', 'pumps', 'lifeJackets', 'generators'] as const
export type SupplyKind = (typeof supplyKinds)[number]
export type Supplies = Record<SupplyKind, number>

export interface SupplyPoint {
  id: string
  name: string
  gridCode: string
  /** WGS-84. */
  lon: number
  lat: number
  supplies: Supplies
}

/** Who lives in a building: residents and the special groups (独居老人, 残疾人, 重点关爱对象). */
export interface PeopleCounts {
  residents: number
  elderlyAlone: number
  disabled: number
  underCare: number
}

export interface BuildingPeople extends PeopleCounts {
  buildingId: string
}
