/** Events (事件 / 工单) and their closed loop (事件闭环). */
export const eventStatuses = [
  'reported',
  'accepted',
  'dispatched',
  'handling',
  'handled',
  'verified',
  'closed',
  'rated',
  'escalated',
  'returned'
] as const
export type EventStatus = (typeof eventStatuses)[number]

/** Statuses after which the event is resolved (办结). */
export const resolvedStatuses: ReadonlySet<EventStatus> = new Set(['closed', 'rated'])
export const isOpenStatus = (s: EventStatus): boolean => !resolvedStatuses.has(s)

/** 三级事件分类: 1 on the spot, 2 community / sub-grid, 3 street or department. */
export const eventLevels = [1, 2, 3] as const
export type EventLevel = (typeof eventLevels)[number]

export const eventSources = ['patrol', 'resident', 'hotline', 'camera', 'sensor'] as const
export type EventSource = (typeof eventSources)[number]

export const eventActions = [
  'accept',
  'dispatch',
  'startHandling',
  'reportHandled',
  'verify',
  'returnToHandling',
  'resume',
  'escalate',
  'close',
  'rate'
] as const
export type EventAction = (typeof eventActions)[number]

/** The state machine as data: each action, the statuses it may start from and where it goes. */
export const eventTransitions: Record<EventAction, { from: readonly EventStatus[]; to: EventStatus }> = {
  accept: { from: ['reported', 'escalated'], to: 'accepted' },
  dispatch: { from: ['accepted', 'escalated'], to: 'dispatched' },
  // A level-1 event is corrected on the spot by the worker who accepted it.
  startHandling: { from: ['accepted', 'dispatched'], to: 'handling' },
  reportHandled: { from: ['handling'], to: 'handled' },
  verify: { from: ['handled'], to: 'verified' },
  returnToHandling: { from: ['handled'], to: 'returned' },
  resume: { from: ['returned'], to: 'handling' },
  escalate: { from: ['reported', 'accepted', 'dispatched', 'handling'], to: 'escalated' },
  close: { from: ['verified'], to: 'closed' },
  rate: { from: ['closed'], to: 'rated' }
}

/**
 * The actions a dispatcher takes from the wall (events.act, docs/EVENTS.md). The field actions
 * (startHandling, reportHandled, verify, resume, rate) come from the governance platform.
 */
export const wallEventActions = ['accept', 'dispatch', 'escalate', 'returnToHandling', 'close'] as const satisfies readonly EventAction[]
export type WallEventAction = (typeof wallEventActions)[number]

/** Chinese names of the statuses ("事件已结案") and actions ("不能退回"), for messages. */
export const eventStatusNames: Record<EventStatus, string> = {
  reported: '已上报',
  accepted: '已受理',
  dispatched: '已派遣',
  handling: '处置中',
  handled: '已反馈',
  verified: '已核查',
  closed: '已结案',
  rated: '已评价',
  escalated: '已上报上级',
  returned: '已退回'
}
export const eventActionNames: Record<EventAction, string> = {
  accept: '受理',
  dispatch: '派遣',
  startHandling: '开始处置',
  reportHandled: '反馈',
  verify: '核查',
  returnToHandling: '退回',
  resume: '重新处置',
  escalate: '上报上级',
  close: '结案',
  rate: '评价'
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly status: EventStatus,
    readonly action: EventAction
  ) {
    super(`事件状态"${status}"不能执行"${action}" / action "${action}" is not allowed from status "${status}"`)
    this.name = 'IllegalTransitionError'
  }
}

export function canTransition(status: EventStatus, action: EventAction): boolean {
  return eventTransitions[action].from.includes(status)
}

/** The status after `action`, or IllegalTransitionError. */
export function nextStatus(status: EventStatus, action: EventAction): EventStatus {
  if (!canTransition(status, action)) throw new IllegalTransitionError(status, action)
  return eventTransitions[action].to
}

export interface GovEvent {
  id: string
  category: string
  source: EventSource
  level: EventLevel
  status: EventStatus
  gridCode: string
  title: string
  lon: number
  lat: number
  reportedAt: number
  deadlineAt: number
  closedAt: number | null
  /** 1–5 stars from the resident's follow-up (回访), when rated. */
  satisfaction: number | null
  /** Who reported it: the actor of the 'report' transition (a staff id, or 'system'). */
  reporterId?: string | null
  /** Who handled it: the actor of the last 'reportHandled' transition; null until handled. */
  handlerId?: string | null
}

export interface EventTransition {
  eventId: string
  action: EventAction | 'report'
  status: EventStatus
  at: number
  actor: string
}
