import { alertTypeNames, type AlertType, type DismissReason } from './alert'
import { eventActionNames, type EventAction } from './event'

/**
 * Texts of the incident log's `action` entries (docs/EMERGENCY.md "Incident log"): what an
 * operator did to a camera alert or an event while an incident ran. Chinese, as the log is kept.
 */
const dismissReasonNames: Readonly<Record<DismissReason, string>> = {
  falsePositive: '误报',
  duplicate: '重复预警',
  alreadyHandled: '已现场处置',
  outOfJurisdiction: '非本辖区',
  other: '其他'
}

interface AlertRef {
  id: string
  type: AlertType
  cameraName: string
}

export type AlertLogAction = { action: 'acknowledge' } | { action: 'dispatch'; eventId: string | null } | { action: 'dismiss'; reason: DismissReason }

export function alertActionText(alert: AlertRef, a: AlertLogAction): string {
  const what = `${alertTypeNames[alert.type].zh}预警（${alert.cameraName}）`
  if (a.action === 'acknowledge') return `确认${what}`
  if (a.action === 'dispatch') return `派发${what}${a.eventId ? ` → 事件 ${a.eventId}` : ''}`
  return `排除${what}：${dismissReasonNames[a.reason]}`
}

export const eventActionText = (event: { id: string; title: string }, action: EventAction): string => `事件 ${event.id} ${eventActionNames[action]}：${event.title}`
