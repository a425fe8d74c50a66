import { z } from 'zod'
import { isRegionCode } from './gridCode'
import type { IncidentLevel } from './incident'

/**
 * Dispatch of tasks during an incident (docs/EMERGENCY.md "Dispatch"): a dispatcher assigns a
 * worker or a grid's team an instruction; the assignee's replies move the task forward.
 */
export const taskStatuses = ['sent', 'received', 'onScene', 'done'] as const
export type TaskStatus = (typeof taskStatuses)[number]

/** The statuses a reply may move a task to: forward only, steps may be skipped (on scene without "received"). */
export const taskTransitions: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  sent: ['received', 'onScene', 'done'],
  received: ['onScene', 'done'],
  onScene: ['done'],
  done: []
}
/** Chinese names of the statuses, for the incident log written in main. */
export const taskStatusNames: Readonly<Record<TaskStatus, string>> = { sent: '已派发', received: '已接收', onScene: '已到场', done: '已完成' }

/** The incident log's texts for a task dispatched and for a reply that moved it. */
export const taskDispatchedText = (t: Pick<Task, 'assigneeName' | 'instruction'>): string => `派遣 ${t.assigneeName}：${t.instruction}`
export const taskStatusText = (t: Pick<Task, 'assigneeName'>, status: TaskStatus, note: string | null): string =>
  `${t.assigneeName} ${taskStatusNames[status]}${note ? `：${note}` : ''}`

export const canAdvanceTask = (from: TaskStatus, to: TaskStatus): boolean => taskTransitions[from].includes(to)

/**
 * A task still `sent` (no reply at all) this many minutes after dispatch is overdue: shorter for
 * graver incidents. The default; an administrator sets the center's own (tasks.configure).
 */
export type TaskNoReplyMinutes = Readonly<Record<IncidentLevel, number>>
export const DEFAULT_TASK_NO_REPLY_MINUTES: TaskNoReplyMinutes = { I: 5, II: 10, III: 15, IV: 20 }
export const TASK_NO_REPLY_MINUTES_MAX = 240
const noReplyMinutes = z.number().int().min(1).max(TASK_NO_REPLY_MINUTES_MAX)
/** tasks.configure's input: minutes per level, each 1–240. */
export const taskNoReplyMinutesSchema = z.object({ I: noReplyMinutes, II: noReplyMinutes, III: noReplyMinutes, IV: noReplyMinutes }).strict()

export const taskAssigneeKinds = ['staff', 'team'] as const
export type TaskAssigneeKind = (typeof taskAssigneeKinds)[number]

export interface Task {
  /** `<incident id>-T<nn>-<4 hex>`. */
  id: string
  incidentId: string
  /** A worker (`staff`, by staff id) or a grid's team (`team`, by grid code). */
  assigneeKind: TaskAssigneeKind
  assigneeId: string
  assigneeName: string
  instruction: string
  status: TaskStatus
  createdAt: number
  createdBy: string
  updatedAt: number
  /** The latest reply's time and note; null before the first reply. */
  repliedAt: number | null
  replyNote: string | null
}

/** A task as tasks.list answers it: overdue when still unanswered after taskNoReplyMinutes. */
export interface TaskView extends Task {
  overdue: boolean
}

export const isTaskOverdue = (
  t: Pick<Task, 'status' | 'createdAt'>,
  level: IncidentLevel,
  now: number,
  minutes: TaskNoReplyMinutes = DEFAULT_TASK_NO_REPLY_MINUTES
): boolean => t.status === 'sent' && now - t.createdAt > minutes[level] * 60_000

/** tasks.dispatch's input. */
export const dispatchTaskSchema = z
  .object({
    assignee: z.union([
      z.object({ staffId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/) }).strict(),
      z.object({ gridCode: z.string().max(32).refine((c) => isRegionCode(c, 'grid'), { message: '须为网格编码 / must be a grid code' }) }).strict()
    ]),
    instruction: z.string().trim().min(2).max(500)
  })
  .strict()
export type DispatchTaskInput = z.output<typeof dispatchTaskSchema>
