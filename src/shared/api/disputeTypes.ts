import type { DisputeFacts, DisputeWarningLevel } from '../domain/dispute'
import type { EventRow } from './eventTypes'
import type { AreaRef } from './types'

/** Output types of the dispute early warning (docs/EVENTS.md, "Dispute early warning"). */

/** A dispute's facts and the warning level they give; both null when no facts are recorded (待研判, ungraded). */
export interface DisputeAssessment {
  facts: DisputeFacts | null
  warningLevel: DisputeWarningLevel | null
}

/** One open dispute as the wall lists it. */
export interface DisputeRow extends EventRow, DisputeAssessment {
  /** now − reportedAt. */
  ageMs: number
}

/** Open disputes of an area per warning level, and those with no facts recorded. */
export type DisputeCounts = Record<DisputeWarningLevel | 'ungraded', number>

/** events.disputes: the area's open disputes, most serious first, and exact counts per level. */
export interface DisputeWarnings {
  area: AreaRef
  asOf: number
  rows: DisputeRow[]
  /** Exact for the area, whatever the limit. */
  counts: DisputeCounts
  /** All open disputes of the area. */
  total: number
}
