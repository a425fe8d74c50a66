import type { AlertView } from '@shared/api/alertTypes'
import { isHighSeverity, type AlertStatus, type AlertType } from '@shared/domain/alert'
import { shanghaiParts } from '@shared/time'

/**
 * Rows of the feed in the DOM: more than the panel shows on any wall, far fewer than the store's
 * window (the map's alerts). Each row costs layout on every arrival while the list animates.
 */
export const FEED_ROWS = 50

/** What a feed row shows, computed from an alert without a DOM (unit-tested). */
export interface AlertRow {
  id: string
  type: AlertType
  high: boolean
  camera: string
  grid: string
  /** HH:mm:ss in Shanghai. */
  time: string
  /** "87%". */
  score: string
  status: AlertStatus
  hasSnapshot: boolean
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** "14:05:09" in Shanghai, whatever the machine's zone. */
export function formatAlertTime(at: number): string {
  const p = shanghaiParts(at)
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
}

/** A 0–1 confidence as a whole percentage, clamped ("0%"–"100%"); "—" when not a number. */
export function formatScore(score: number): string {
  if (!Number.isFinite(score)) return '—'
  return `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%`
}

/**
 * Whether the alert has a snapshot main can fetch (an http(s) URL). The page never loads it from
 * the camera network itself: its <img> points at our own origin (`snapshotSrc` in @renderer/api),
 * and main fetches the image from an allowed host.
 */
export function hasSnapshot(url: string | null): boolean {
  return url !== null && /^https?:\/\/[^/]/i.test(url.trim())
}

export function alertRow(a: AlertView): AlertRow {
  return {
    id: a.id,
    type: a.type,
    high: isHighSeverity(a.type),
    camera: a.cameraName || a.cameraId,
    grid: a.gridName || a.gridCode,
    time: formatAlertTime(a.at),
    score: formatScore(a.score),
    status: a.status,
    hasSnapshot: hasSnapshot(a.snapshotUrl)
  }
}

/**
 * Alerts that should sound the chime among the feed's arrivals: high severity, still new, and
 * seen recently (a late redelivery of an old alert is not news).
 */
export function chimeWorthy(arrivals: readonly AlertView[], now: number, maxAgeMs = 10 * 60_000): AlertView[] {
  return arrivals.filter((a) => a.status === 'new' && isHighSeverity(a.type) && now - a.at <= maxAgeMs)
}
