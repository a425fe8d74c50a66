/** Camera AI alert types (视频AI预警). */
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

export const highSeverityAlertTypes: ReadonlySet<AlertType> = new Set([
  'fireSmoke',
  'fight',
  'fallDetection',
  'crowdGathering',
  'eBikeInElevator'
])

export const alertStatuses = ['new', 'acknowledged', 'dispatched', 'dismissed'] as const
export type AlertStatus = (typeof alertStatuses)[number]

export interface Alert {
  id: string
  cameraId: string
  type: AlertType
  score: number
  at: number
  lon: number
  lat: number
  gridCode: string
  status: AlertStatus
  eventId: string | null
  snapshotUrl: string | null
  zone: string | null
  trackId: string | null
}
