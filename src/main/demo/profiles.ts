import type { GridProfile } from '@shared/domain/region'
import type { Random } from './random'

/** Below this relative density a grid is rural (village, farmland, forest park). */
export const RURAL_DENSITY = 0.2

/**
 * A grid's base data (人、房、事、物、组织). 002 plan 4: an urban grid holds ~300–500 households,
 * a rural one ~100–200. The shares are of the order a Shenzhen street office reports: party
 * members ~6 %, elderly living alone ~1 %, disabled ~0.8 %, people under care ~0.2 %.
 */
export function gridProfile(rng: Random, density: number): GridProfile {
  const rural = density < RURAL_DENSITY
  const tilt = Math.max(0, Math.min(1, 0.5 + 0.25 * rng.normal() + 0.2 * (density - 0.5)))
  const households = rural ? rng.int(100, 200) : Math.round(300 + 200 * tilt)
  const population = Math.round(households * rng.range(2.6, 3.4))
  const share = (lo: number, hi: number): number => Math.round(population * rng.range(lo, hi))
  return {
    population,
    households,
    partyMembers: share(0.04, 0.08),
    specialGroups: {
      elderlyAlone: share(rural ? 0.012 : 0.005, rural ? 0.022 : 0.014),
      disabled: share(0.005, 0.011),
      underCare: share(0.001, 0.004)
    }
  }
}

/** The profile of an area is the sum of its grids', so every level of the wall agrees. */
export function sumProfiles(profiles: readonly GridProfile[]): GridProfile {
  const total: GridProfile = {
    population: 0,
    households: 0,
    partyMembers: 0,
    specialGroups: { elderlyAlone: 0, disabled: 0, underCare: 0 }
  }
  for (const p of profiles) {
    total.population += p.population
    total.households += p.households
    total.partyMembers += p.partyMembers
    total.specialGroups.elderlyAlone += p.specialGroups.elderlyAlone
    total.specialGroups.disabled += p.specialGroups.disabled
    total.specialGroups.underCare += p.specialGroups.underCare
  }
  return total
}
