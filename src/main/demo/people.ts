import type { BuildingPeople } from '@shared/domain/emergencyResources'
import type { Building, GridProfile } from '@shared/domain/region'
import { apportion } from './allocation'
import type { Random } from './random'

/** Village houses (≤ 9 floors, small flats) hold more of the elderly living alone. */
const elderlyBias = (b: Building): number => (b.floors <= 9 && b.households <= 36 ? 1.8 : 1)

/**
 * Who lives in each building. A grid's registered base data (its profile: residents and special
 * groups, 人口 and 特殊人群, what the normal wall shows) is spread over its residential buildings:
 * residents by dwellings (with some noise per building), the elderly living alone, disabled people
 * and people under care over the residents (with more noise, and more elderly in village houses).
 * So the buildings of a grid add up exactly to the grid's figures, and a ring's counts agree with
 * the district's. Non-residential buildings, and grids without residential buildings: none.
 */
export function generateBuildingPeople(
  rng: Random,
  buildings: readonly Building[],
  grids: readonly { code: string; profile: GridProfile }[]
): BuildingPeople[] {
  const people: BuildingPeople[] = buildings.map((b) => ({ buildingId: b.id, residents: 0, elderlyAlone: 0, disabled: 0, underCare: 0 }))
  const byGrid = new Map<string, number[]>()
  buildings.forEach((b, i) => {
    if (b.households > 0) byGrid.set(b.gridCode, [...(byGrid.get(b.gridCode) ?? []), i])
  })
  for (const { code, profile } of grids) {
    const homes = byGrid.get(code)
    if (!homes) continue
    const residents = apportion(profile.population, homes.map((i) => buildings[i]!.households * rng.range(0.85, 1.15)))
    const spread = (total: number, bias: (b: Building) => number): number[] =>
      apportion(total, homes.map((i, k) => residents[k]! * bias(buildings[i]!) * rng.logNormal(0.6)))
    const groups = {
      elderlyAlone: spread(profile.specialGroups.elderlyAlone, elderlyBias),
      disabled: spread(profile.specialGroups.disabled, () => 1),
      underCare: spread(profile.specialGroups.underCare, () => 1)
    }
    fitGroupsIntoResidents(residents, groups)
    homes.forEach((i, k) => {
      people[i] = {
        buildingId: buildings[i]!.id,
        residents: residents[k]!,
        elderlyAlone: groups.elderlyAlone[k]!,
        disabled: groups.disabled[k]!,
        underCare: groups.underCare[k]!
      }
    })
  }
  return people
}

type Groups = Record<'elderlyAlone' | 'disabled' | 'underCare', number[]>

/**
 * A building never holds more people in special groups than residents: the noise may put too
 * many in a small one, so the excess moves to the building of the grid with the most room. The
 * grid's totals do not change (its special groups are a few per cent of its residents).
 */
function fitGroupsIntoResidents(residents: readonly number[], groups: Groups): void {
  const keys = ['underCare', 'disabled', 'elderlyAlone'] as const
  const inGroups = (k: number): number => keys.reduce((s, g) => s + groups[g][k]!, 0)
  residents.forEach((r, k) => {
    for (const g of keys) {
      while (inGroups(k) > r && groups[g][k]! > 0) {
        let roomiest = 0
        for (let j = 1; j < residents.length; j++) if (residents[j]! - inGroups(j) > residents[roomiest]! - inGroups(roomiest)) roomiest = j
        if (roomiest === k || residents[roomiest]! - inGroups(roomiest) <= 0) return
        const move = Math.min(groups[g][k]!, inGroups(k) - r, residents[roomiest]! - inGroups(roomiest))
        groups[g][k]! -= move
        groups[g][roomiest]! += move
      }
    }
  })
}
