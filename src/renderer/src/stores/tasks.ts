import { computed } from 'vue'
import { defineStore } from 'pinia'
import type { TaskView } from '@shared/domain/task'
import { api } from '@renderer/api'
import { createQuery } from './query'

/** The running incident's dispatched tasks (tasks.list; docs/EMERGENCY.md "Dispatch"): empty in normal mode. */
export const useTasksStore = defineStore('tasks', () => {
  const query = createQuery<TaskView[]>()
  const overdueCount = computed(() => (query.data.value ?? []).filter((t) => t.overdue).length)

  async function load(): Promise<void> {
    await query.run(() => api.tasks.list({}))
  }

  function clear(): void {
    query.data.value = null
    query.error.value = null
  }

  return { tasks: query.data, overdueCount, loading: query.loading, error: query.error, load, clear }
})
