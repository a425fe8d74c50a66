import type { AlertType } from '@shared/domain/alert'
import type { CameraSite } from '@shared/domain/camera'

/**
 * How often each alert type comes from a camera at each kind of site (relative weights): parking
 * and vending on roads and at markets, intrusion at schools and checkpoints, e-bikes in the
 * elevators of residential blocks. Used by the demo history and the camera simulator.
 */
export const alertMixBySite: Record<CameraSite, Partial<Record<AlertType, number>>> = {
  mainRoad: { illegalParking: 40, streetVending: 20, crowdGathering: 8, fight: 3, fallDetection: 4, fireSmoke: 2, garbageOverflow: 6 },
  park: { crowdGathering: 20, fallDetection: 10, fight: 5, fireSmoke: 6, garbageOverflow: 15, streetVending: 10, intrusion: 6 },
  checkpoint: { intrusion: 35, crowdGathering: 10, illegalParking: 10, fight: 3 },
  school: { intrusion: 30, crowdGathering: 15, illegalParking: 15, fight: 6, streetVending: 8, fallDetection: 3 },
  residential: { eBikeInElevator: 30, garbageOverflow: 20, fireSmoke: 5, fallDetection: 6, illegalParking: 15, intrusion: 4 },
  market: { streetVending: 35, garbageOverflow: 20, crowdGathering: 12, illegalParking: 15, fight: 4, fireSmoke: 3 }
}

/** A type for a camera at `site`, drawn by the weights above from a uniform `u` in [0, 1). */
export function alertTypeFor(site: CameraSite, u: number): AlertType {
  const entries = Object.entries(alertMixBySite[site]) as [AlertType, number][]
  const total = entries.reduce((s, [, w]) => s + w, 0)
  let x = u * total
  for (const [type, w] of entries) {
    if (x < w) return type
    x -= w
  }
  return entries[entries.length - 1]![0]
}
