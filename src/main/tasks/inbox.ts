import { canAdvanceTask, taskDispatchedText, taskStatusText } from '@shared/domain/task'
import { TASK_REPLIES_TOPIC_PREFIX, TASKS_TOPIC_PREFIX, taskMessageSchema, taskReplySchema, type TaskReply } from '@shared/tasks/messages'
import type { IncomingMessage } from '../alerts/types'
import { clip, timeText } from '../mqtt/payloadChecks'
import { commitEach, parsePayload, refuse, splitBatch } from '../mqtt/refusal'
import { TaskRepository } from '../store/repositories/tasks'
import type { Store } from '../store/store'

export interface TaskInboxDeps {
  store: Store
  /** This wall's instance id: the tasks it dispatched itself come back from the broker and are ignored. */
  origin: string
  now: () => number
  /** After a batch added or moved some tasks: push the 'tasks' topic. */
  changed: () => void
}

/**
 * Tasks dispatched by other walls (`gcc/tasks/…`, listed here too) and the replies of the
 * assignees (docs/EMERGENCY.md "Dispatch"): `gcc/task-replies/{taskId}` messages
 * move their task forward, in one transaction per batch. A reply id seen before changes nothing;
 * a reply for an unknown task (`unknownTask`), one that does not move the task forward
 * (`illegalTransition`: backward, repeated or out of order) and malformed ones are refused and
 * counted with the camera alerts' refusals.
 */
export class TaskInbox {
  readonly counters = { applied: 0 }
  private readonly tasks: TaskRepository

  constructor(private readonly d: TaskInboxDeps) {
    this.tasks = new TaskRepository(d.store.db)
  }

  /** Commits the messages of a mixed batch that are tasks or task replies; returns the others, in order. */
  commitOwn(batch: readonly IncomingMessage[]): IncomingMessage[] {
    const { own, others } = splitBatch(batch, (topic) => topic.startsWith(`${TASK_REPLIES_TOPIC_PREFIX}/`) || topic.startsWith(`${TASKS_TOPIC_PREFIX}/`))
    this.commit(own)
    return others
  }

  commit(batch: readonly IncomingMessage[]): void {
    if (batch.length === 0) return
    const applied = commitEach(this.d.store, batch, this.d.now, (message, now) => this.apply(message, now)).filter(Boolean).length
    this.counters.applied += applied
    if (applied > 0) this.d.changed()
  }

  /** True: applied; false: a repeat. Throws Refused before writing anything. */
  private apply(message: IncomingMessage, now: number): boolean {
    if (message.topic.startsWith(`${TASKS_TOPIC_PREFIX}/`)) return this.mirror(message, now)
    const r = this.parse(message, now)
    if (this.tasks.replySeen(r.id)) return false
    const task = this.tasks.get(r.taskId)
    if (!task) return refuse('unknownTask', `没有该任务 / no task ${clip(r.taskId)}`)
    if (!canAdvanceTask(task.status, r.status)) refuse('illegalTransition', `任务状态只能前进 / task ${clip(r.taskId)} is ${task.status}: cannot go to ${r.status}`)
    if (r.at < task.createdAt) refuse('absurdTime', `回复早于派发 / reply before the task was sent: ${timeText(r.at)}`)
    this.tasks.applyReply({ id: r.id, taskId: r.taskId, status: r.status, at: r.at, actor: r.actor, note: r.note ?? null }, now)
    this.d.store.incidents.appendLog({ incidentId: task.incidentId, at: r.at, kind: 'taskStatus', operator: r.actor, text: taskStatusText(task, r.status, r.note ?? null) })
    return true
  }

  /** A task another wall dispatched: listed here too (status `sent`; the replies move it on every wall). */
  private mirror(message: IncomingMessage, now: number): boolean {
    const m = parsePayload(message, taskMessageSchema, '不符合任务消息格式 / not a valid task message', now, (t) => t.createdAt)
    if (m.origin === this.d.origin || this.tasks.get(m.taskId)) return false
    if (!this.d.store.incidents.get(m.incidentId)) refuse('unknownTask', `本屏没有该任务的事件 / no incident ${clip(m.incidentId)} here for task ${clip(m.taskId)}`)
    const { kind, id, name } = m.assignee
    const task = { id: m.taskId, incidentId: m.incidentId, assigneeKind: kind, assigneeId: id, assigneeName: name, instruction: m.instruction, status: 'sent' as const, createdAt: m.createdAt, createdBy: m.createdBy, updatedAt: now, repliedAt: null, replyNote: null }
    this.tasks.insert(task)
    this.d.store.incidents.appendLog({ incidentId: m.incidentId, at: m.createdAt, kind: 'task', operator: m.createdBy, text: `${taskDispatchedText(task)}（来自 ${m.origin}）` })
    return true
  }

  private parse(message: IncomingMessage, now: number): TaskReply {
    const r = parsePayload(message, taskReplySchema, '不符合任务回复格式 / not a valid task reply', now, (m) => m.at)
    const topicId = message.topic.slice(TASK_REPLIES_TOPIC_PREFIX.length + 1)
    if (r.taskId !== topicId) refuse('badSchema', `主题与载荷的任务不一致 / topic task ${clip(topicId)} ≠ payload taskId ${clip(r.taskId)}`)
    return r
  }
}
