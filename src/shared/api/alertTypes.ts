import type { Alert, AlertFormat, AlertType, DismissReason } from '../domain/alert'
import type { RejectReason } from '../alerts/rejections'

/** Output types of the alert API (issue 4). */

/** An alert as the wall shows it: with its camera, grid and handling. */
export interface AlertView extends Alert {
  cameraName: string
  gridName: string
  communityCode: string
  streetCode: string
  format: AlertFormat
  /** Messages received for this alert (repeats for one tracked object update it). */
  messages: number
  /** Last message received. */
  lastSeenAt: number
  /** The tracked object has left (Frigate `end`). */
  ended: boolean
  /** Who acknowledged, dispatched or dismissed it, and when. */
  handledBy: string | null
  handledAt: number | null
  dismissReason: DismissReason | null
  dismissNote: string | null
}

/** The broker link as the wall shows it. */
export type BrokerState = 'connected' | 'connecting' | 'offline' | 'disabled'

export interface IngestStatus {
  broker: {
    /** Host and port only: never credentials. */
    url: string
    embedded: boolean
    state: BrokerState
    lastError: string | null
  }
  /** Last alert message received (accepted or not). */
  lastMessageAt: number | null
  accepted: number
  rejected: Partial<Record<RejectReason, number>>
  /** Dispatches and acknowledgements waiting for the broker. */
  outboxPending: number
}

export interface AlertCounts {
  /** Today's alerts (Shanghai day) of the area by type, every type present. */
  byType: Record<AlertType, number>
  /** Not yet dispatched or dismissed. */
  open: number
}

export interface QuarantineEntry {
  id: number
  at: number
  reason: RejectReason
  detail: string
  topic: string
  /** The start of the payload, as text (never rendered as HTML). */
  excerpt: string
  bytes: number
}
