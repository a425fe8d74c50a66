/** Camera AI alerts (视频AI预警, DOMAIN.md §4) and their lifecycle. */
import type { EventCategoryId } from './categories'

export const alertTypes = [
  'intrusion',
  'crowdGathering',
  'fireSmoke',
  'illegalParking',
  'streetVending',
  'garbageOverflow',
  'fallDetection',
  'eBikeInElevator',
  'fight'
] as const
export type AlertType = (typeof alertTypes)[number]

/** Names of the types, for event titles written in main (the wall's texts are in its i18n messages). */
export const alertTypeNames: Record<AlertType, { zh: string; en: string }> = {
  intrusion: { zh: '区域入侵', en: 'Intrusion' },
  crowdGathering: { zh: '人员聚集', en: 'Crowd gathering' },
  fireSmoke: { zh: '烟火', en: 'Fire or smoke' },
  illegalParking: { zh: '违停', en: 'Illegal parking' },
  streetVending: { zh: '占道经营', en: 'Street vending' },
  garbageOverflow: { zh: '垃圾满溢', en: 'Garbage overflow' },
  fallDetection: { zh: '人员倒地', en: 'Person fallen' },
  eBikeInElevator: { zh: '电动车入梯', en: 'E-bike in elevator' },
  fight: { zh: '打架斗殴', en: 'Fight' }
}

/** The event category a dispatched alert's event is filed under (事项清单). */
export const alertEventCategory: Record<AlertType, EventCategoryId> = {
  intrusion: 'publicSecurity',
  crowdGathering: 'publicSecurity',
  fight: 'publicSecurity',
  fireSmoke: 'fireSafety',
  eBikeInElevator: 'fireSafety',
  illegalParking: 'cityManagement',
  streetVending: 'cityManagement',
  garbageOverflow: 'environment',
  fallDetection: 'publicHealth'
}

/** Types that chime and flash on the wall: danger to people. */
export const highSeverityAlertTypes: ReadonlySet<AlertType> = new Set([
  'fireSmoke',
  'fight',
  'fallDetection',
  'crowdGathering',
  'eBikeInElevator'
])
export const isHighSeverity = (t: AlertType): boolean => highSeverityAlertTypes.has(t)

/**
 * new → acknowledged (a duty officer has seen it) → dispatched (an event with source "camera" is
 * created and linked, the grid's workers are notified) or dismissed (a false positive, with a
 * reason). A new alert may be dispatched or dismissed at once. Dispatched and dismissed are final.
 */
export const alertStatuses = ['new', 'acknowledged', 'dispatched', 'dismissed'] as const
export type AlertStatus = (typeof alertStatuses)[number]

export const alertActions = ['acknowledge', 'dispatch', 'dismiss'] as const
export type AlertAction = (typeof alertActions)[number]

export const alertTransitions: Record<AlertAction, { from: readonly AlertStatus[]; to: AlertStatus }> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  dispatch: { from: ['new', 'acknowledged'], to: 'dispatched' },
  dismiss: { from: ['new', 'acknowledged'], to: 'dismissed' }
}

export const canApplyAlertAction = (status: AlertStatus, action: AlertAction): boolean =>
  alertTransitions[action].from.includes(status)

/** Why an alert was dismissed. */
export const dismissReasons = ['falsePositive', 'duplicate', 'alreadyHandled', 'outOfJurisdiction', 'other'] as const
export type DismissReason = (typeof dismissReasons)[number]

/** The two payload formats accepted (docs/ALERTS.md). */
export const alertFormats = ['native', 'frigate'] as const
export type AlertFormat = (typeof alertFormats)[number]

export interface Alert {
  /** Stable id: the native message id, or `frigate:<camera>:<tracked object id>`. */
  id: string
  cameraId: string
  type: AlertType
  /** Highest confidence seen for this alert, 0–1. */
  score: number
  /** When the camera saw it (the first message). */
  at: number
  /** WGS-84, after conversion from the payload's coordinate system (or the camera's position). */
  lon: number
  lat: number
  gridCode: string
  status: AlertStatus
  eventId: string | null
  snapshotUrl: string | null
  zone: string | null
  trackId: string | null
}
