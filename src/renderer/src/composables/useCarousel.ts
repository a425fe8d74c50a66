import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { createRotation, DEFAULT_ROTATION_MS, type Rotation } from '@renderer/layout/rotation'

/**
 * A rotation over `count` items as refs (index, paused), restarted when the count changes and
 * disposed on unmount: no timer outlives the component.
 */
export function useCarousel(count: Ref<number>, intervalMs: Ref<number | undefined>) {
  const index = ref(0)
  const paused = ref(false)
  let rotation: Rotation | undefined

  function start(): void {
    rotation?.dispose()
    index.value = Math.min(index.value, Math.max(0, count.value - 1))
    rotation = createRotation({
      count: count.value,
      intervalMs: intervalMs.value ?? DEFAULT_ROTATION_MS,
      onChange: (i) => (index.value = i)
    })
    // Carry the shown item and the pause over a restart.
    for (let i = 0; i < index.value; i++) rotation.next()
    if (paused.value) rotation.pause()
  }
  watch([count, intervalMs], start, { immediate: true })
  onBeforeUnmount(() => {
    rotation?.dispose()
    rotation = undefined
  })

  return {
    index,
    paused,
    next: () => rotation?.next(),
    previous: () => rotation?.previous(),
    toggle: () => {
      rotation?.toggle()
      paused.value = rotation?.paused ?? false
    }
  }
}
