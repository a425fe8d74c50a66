import { randomBytes } from 'node:crypto'
import { ApiError } from '@shared/api/errors'
import { isTaskOverdue, taskDispatchedText, type Task, type TaskView } from '@shared/domain/task'
import { taskReplyTopic, taskTopic, type TaskMessage } from '@shared/tasks/messages'
import { OutboxRepository } from '../../store/repositories/outbox'
import { TaskRepository } from '../../store/repositories/tasks'
import { setTaskNoReplyMinutes, taskNoReplyMinutes } from '../../tasks/noReplySettings'
import { buildStatus } from './system'
import { notifyChanged, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'

/** Dispatch of tasks during an incident (docs/EMERGENCY.md "Dispatch"). */
export function taskHandlers(d: HandlerDeps): HandlerGroup<'tasks.dispatch' | 'tasks.list' | 'tasks.configure'> {
  const tasks = new TaskRepository(d.store.db)
  const outbox = new OutboxRepository(d.store.db)
  return {
    'tasks.dispatch': ({ assignee, instruction }, ctx) => {
      const operator = ctx.operator!.username
      const at = d.now()
      const view = d.store.transaction((): TaskView => {
        const incident = d.store.incidents.current()
        if (!incident) throw new ApiError('CONFLICT', '没有进行中的突发事件，不能派发任务 / no incident is running: tasks are dispatched during one')
        const who =
          'staffId' in assignee
            ? { kind: 'staff' as const, id: assignee.staffId, name: tasks.staffName(assignee.staffId) }
            : { kind: 'team' as const, id: assignee.gridCode, name: `${requireRegion(d.store, assignee.gridCode).name} 网格队伍` }
        if (who.name === null) throw new ApiError('NOT_FOUND', `没有该人员 / no staff member ${who.id}`)
        const n = String(tasks.count(incident.id) + 1).padStart(2, '0')
        const task: Task = {
          id: `${incident.id}-T${n}-${randomBytes(2).toString('hex')}`,
          incidentId: incident.id,
          assigneeKind: who.kind,
          assigneeId: who.id,
          assigneeName: who.name,
          instruction,
          status: 'sent',
          createdAt: at,
          createdBy: operator,
          updatedAt: at,
          repliedAt: null,
          replyNote: null
        }
        tasks.insert(task)
        d.store.incidents.appendLog({ incidentId: incident.id, at, kind: 'task', operator, text: taskDispatchedText(task) })
        const message: TaskMessage = {
          schemaVersion: 1,
          id: `task:${task.id}`,
          origin: d.instanceId ?? 'local',
          taskId: task.id,
          incidentId: incident.id,
          drill: incident.drill,
          assignee: { kind: who.kind, id: who.id, name: who.name },
          instruction,
          createdAt: at,
          createdBy: operator,
          replyTopic: taskReplyTopic(task.id)
        }
        outbox.add(message.id, taskTopic(who.kind, who.id), JSON.stringify(message), at)
        return { ...task, overdue: false }
      })
      notifyChanged(d, 'tasks')
      d.outboxChanged?.()
      return view
    },

    'tasks.list': ({ incidentId }) => {
      const incident = incidentId === undefined ? d.store.incidents.current() : d.store.incidents.get(incidentId)
      if (!incident) return []
      const now = d.now()
      const minutes = taskNoReplyMinutes(d.store)
      return tasks.ofIncident(incident.id).map((t) => ({ ...t, overdue: isTaskOverdue(t, incident.level, now, minutes) }))
    },

    'tasks.configure': (minutes) => {
      setTaskNoReplyMinutes(d.store, minutes)
      // Every wall gets the new times with the status and re-reads its tasks (overdue may change).
      d.hub.emit('status', buildStatus(d))
      notifyChanged(d, 'tasks')
      return minutes
    }
  }
}
