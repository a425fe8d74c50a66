import { onBeforeUnmount, ref } from 'vue'
import { uiScale } from '@renderer/charts/theme'

/** Text scale for canvas text (charts, map labels): 1 at 1080p, 2 on a 4K wall. */
export function useViewportScale() {
  const scale = ref(uiScale(window.innerHeight))
  const update = (): void => {
    scale.value = uiScale(window.innerHeight)
  }
  window.addEventListener('resize', update)
  onBeforeUnmount(() => window.removeEventListener('resize', update))
  return { scale }
}
