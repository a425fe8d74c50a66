import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { chooseWallLayout, wallLayouts, type WallLayoutId } from '@renderer/layout/wallLayouts'

/**
 * The wall layout for the window's aspect ratio, kept current by a ResizeObserver on the root
 * element (disconnected on unmount). Real pixels: the layout changes, nothing is scaled.
 */
export function useWallLayout() {
  const root = document.documentElement
  const id = ref<WallLayoutId>(chooseWallLayout(root.clientWidth, root.clientHeight))
  let observer: ResizeObserver | undefined

  onMounted(() => {
    observer = new ResizeObserver(() => {
      const next = chooseWallLayout(root.clientWidth, root.clientHeight)
      if (next !== id.value) id.value = next
    })
    observer.observe(root)
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    observer = undefined
  })

  const layout = computed(() => wallLayouts[id.value])
  return { id, layout }
}
