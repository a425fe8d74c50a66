import type { Camera } from '@shared/domain/camera'
import { dismissReasons, type AlertStatus, type DismissReason } from '@shared/domain/alert'
import { ancestorCode } from '@shared/domain/gridCode'
import { HOUR_MS } from '@shared/time'
import type { RoutedAlert } from '../alerts/types'
import { alertTypeFor } from './alertMix'
import type { Random } from './random'

/** Alerts of the last day in the demo district, about this many per 1,000 cameras at scale 1. */
export const DEMO_ALERTS_PER_1000_CAMERAS = 160
const HISTORY_MS = 24 * HOUR_MS

export interface DemoAlert extends RoutedAlert {
  status: AlertStatus
  handledBy: string | null
  handledAt: number | null
  dismissReason: DismissReason | null
}

/**
 * The last 24 hours of camera alerts, so the wall's feed and counters have something to show
 * before any camera speaks: older ones mostly handled (dispatched, or dismissed as false
 * positives), the last hour mostly new. Each comes from an online camera, at its position, with
 * a type typical of its site. Deterministic for a seed.
 */
export function generateDemoAlerts(rng: Random, cameras: readonly Camera[], now: number): DemoAlert[] {
  const online = cameras.filter((c) => c.online)
  if (online.length === 0) return []
  const n = Math.round((online.length * DEMO_ALERTS_PER_1000_CAMERAS) / 1000)
  const out: DemoAlert[] = []
  for (let i = 0; i < n; i++) {
    const camera = rng.pick(online)
    // More alerts by day than at night: draw the age, keep it with a day-shaped probability.
    let age = rng.float() * HISTORY_MS
    if (rng.chance(0.3)) age = rng.float() * HOUR_MS
    const at = Math.round(now - age)
    const type = alertTypeFor(camera.site, rng.float())
    const ageHours = age / HOUR_MS
    const handled = rng.chance(Math.min(0.95, ageHours / 3))
    const dismissed = handled && rng.chance(0.25)
    const status: AlertStatus = handled ? (dismissed ? 'dismissed' : 'dispatched') : rng.chance(0.3) ? 'acknowledged' : 'new'
    const trackId = rng.chance(0.6) ? `trk-${rng.int(10_000, 99_999)}` : null
    out.push({
      id: `demo-${camera.id}-${at}`,
      format: 'native',
      cameraId: camera.id,
      type,
      score: Math.round(rng.range(0.55, 0.99) * 1000) / 1000,
      at,
      position: null,
      lon: camera.lon,
      lat: camera.lat,
      gridCode: camera.gridCode,
      communityCode: ancestorCode(camera.gridCode, 'community'),
      streetCode: ancestorCode(camera.gridCode, 'street'),
      snapshotUrl: null,
      zone: null,
      trackId,
      ended: age > 10 * 60_000,
      status,
      handledBy: status === 'new' ? null : 'demo',
      handledAt: status === 'new' ? null : Math.min(now, at + Math.round(rng.range(1, 30) * 60_000)),
      dismissReason: dismissed ? rng.pick(dismissReasons.filter((r) => r !== 'other')) : null
    })
  }
  return out.sort((a, b) => a.at - b.at)
}
