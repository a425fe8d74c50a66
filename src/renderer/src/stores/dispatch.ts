import { shallowRef } from 'vue'
import { defineStore } from 'pinia'

/** Who a task goes to: a worker or vanguard member (staff id), or a grid's team. */
export type DispatchTarget = { kind: 'staff'; staffId: string; name: string; distanceM?: number } | { kind: 'team'; gridCode: string; name: string; distanceM?: number }

/**
 * The one dispatch dialog of the emergency wall (components/emergency/DispatchDialog.vue): the
 * resources panel, the affected grids and the map's staff markers open it with their target.
 */
export const useDispatchStore = defineStore('dispatch', () => {
  const target = shallowRef<DispatchTarget | null>(null)

  function open(next: DispatchTarget): void {
    target.value = next
  }

  function close(): void {
    target.value = null
  }

  return { target, open, close }
})
