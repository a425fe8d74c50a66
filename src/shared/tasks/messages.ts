import { z } from 'zod'
import { taskStatuses, type TaskStatus } from '@shared/domain/task'

/**
 * Tasks over MQTT (docs/EMERGENCY.md "Dispatch"): the wall publishes each task, QoS 1, on
 * `gcc/tasks/{staffId}` (a worker) or `gcc/tasks/team/{gridCode}` (a grid's team); the assignee's
 * phone replies on `gcc/task-replies/{taskId}`. The receiver (src/main/tasks/inbox.ts) checks the
 * task, the transition (forward only) and the time. Unknown keys are dropped.
 */
export const TASKS_TOPIC_PREFIX = 'gcc/tasks'
export const TASK_REPLIES_TOPIC_PREFIX = 'gcc/task-replies'

export const taskTopic = (kind: 'staff' | 'team', id: string): string => (kind === 'staff' ? `${TASKS_TOPIC_PREFIX}/${id}` : `${TASKS_TOPIC_PREFIX}/team/${id}`)
export const taskReplyTopic = (taskId: string): string => `${TASK_REPLIES_TOPIC_PREFIX}/${taskId}`

const replyStatuses = taskStatuses.filter((s) => s !== 'sent') as Exclude<TaskStatus, 'sent'>[]

/** A reply from the assignee. */
export const taskReplySchema = z.object({
  schemaVersion: z.literal(1),
  /** Unique per reply: a repeated one (redelivery) changes nothing. */
  id: z.string().min(1).max(128),
  taskId: z.string().min(1).max(96).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
  status: z.enum(replyStatuses as [Exclude<TaskStatus, 'sent'>, ...Exclude<TaskStatus, 'sent'>[]]),
  /** Epoch ms on the phone. */
  at: z.number().int().min(0).max(8.64e15),
  /** Staff id of who replied. */
  actor: z.string().min(1).max(64),
  note: z.string().max(500).nullish()
})
export type TaskReply = z.infer<typeof taskReplySchema>

/** What the wall publishes for a task (the task and where to reply); the other walls list it too. */
export const taskMessageSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1).max(128),
  /** The dispatching wall's instance id: it ignores its own. */
  origin: z.string().min(1).max(128),
  taskId: z.string().min(1).max(96).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
  incidentId: z.string().min(1).max(64),
  drill: z.boolean(),
  assignee: z.object({ kind: z.enum(['staff', 'team']), id: z.string().min(1).max(64), name: z.string().min(1).max(100) }),
  instruction: z.string().min(1).max(500),
  createdAt: z.number().int().min(0).max(8.64e15),
  createdBy: z.string().min(1).max(64),
  replyTopic: z.string().min(1).max(200)
})
export type TaskMessage = z.infer<typeof taskMessageSchema>
