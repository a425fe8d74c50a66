import { DEFAULT_TASK_NO_REPLY_MINUTES, taskNoReplyMinutesSchema, type TaskNoReplyMinutes } from '@shared/domain/task'
import { metaKeys } from '../store/metaKeys'
import type { Store } from '../store/store'

/**
 * How long a dispatched task may go without a reply before the walls highlight it, per incident
 * level: one setting for the center, kept in the meta table, set by an administrator
 * (tasks.configure). An unset or unreadable value is the default.
 */
export function taskNoReplyMinutes(store: Store): TaskNoReplyMinutes {
  try {
    const parsed = taskNoReplyMinutesSchema.safeParse(JSON.parse(store.meta.get(metaKeys.taskNoReplyMinutes) ?? 'null'))
    return parsed.success ? parsed.data : DEFAULT_TASK_NO_REPLY_MINUTES
  } catch {
    return DEFAULT_TASK_NO_REPLY_MINUTES
  }
}

export function setTaskNoReplyMinutes(store: Store, minutes: TaskNoReplyMinutes): void {
  store.meta.set(metaKeys.taskNoReplyMinutes, JSON.stringify(minutes))
}
