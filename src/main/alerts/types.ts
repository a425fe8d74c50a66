import type { AlertFormat, AlertType } from '@shared/domain/alert'
import type { RejectReason } from '@shared/alerts/rejections'

/**
 * The pipeline's shapes (docs/ALERTS.md): a broker message → parse (format, schema, limits) →
 * route (grid) → commit to SQLite in batches → acknowledge to the broker.
 */

/** One message as it left the broker. */
export interface IncomingMessage {
  topic: string
  payload: Uint8Array
  /** When this process received it. */
  receivedAt: number
}

/** A message that passed its format's schema: one sighting of one alert. */
export interface ParsedAlert {
  /** Stable id: the native id, or `frigate:<frigate camera>:<tracked object id>`. Repeats share it. */
  id: string
  format: AlertFormat
  cameraId: string
  type: AlertType
  score: number
  /** When the camera saw it (epoch ms). */
  at: number
  /** WGS-84 position if the payload had one (already converted from GCJ-02 / BD-09), else null: the camera's position is used. */
  position: [number, number] | null
  snapshotUrl: string | null
  zone: string | null
  trackId: string | null
  /** The tracked object has left (Frigate `end`). */
  ended: boolean
}

/** A message that was refused, with a reason counted and a readable detail. */
export interface Rejection {
  reason: RejectReason
  detail: string
  topic: string
  excerpt: string
  bytes: number
  at: number
}

/** A message that is valid but carries nothing to store (e.g. Frigate `frigate/available`). */
export interface Ignored {
  ignored: true
}

export type ParseResult = { ok: true; alert: ParsedAlert } | { ok: false; rejection: Rejection } | Ignored

/** A parsed alert placed in a grid. */
export interface RoutedAlert extends ParsedAlert {
  lon: number
  lat: number
  gridCode: string
  communityCode: string
  streetCode: string
}
