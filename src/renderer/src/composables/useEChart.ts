import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { init, type ECharts, type EChartsCoreOption } from '@renderer/charts/echarts'

/**
 * An ECharts instance on `target`, fed by a pure option builder. The instance lives in a plain
 * variable (never reactive); a ResizeObserver keeps it at the container's real pixel size and
 * everything is disposed on unmount. `ready` turns true after the first `finished` render of a
 * non-null option (the component passes null until its data has loaded). `handlers.click`
 * receives clicks on data items (a bar, a slice).
 */
export function useEChart(
  target: Ref<HTMLElement | null>,
  option: Ref<EChartsCoreOption | null>,
  handlers: { click?: (params: { name?: string; dataIndex?: number }) => void } = {}
) {
  const ready = ref(false)
  let chart: ECharts | undefined
  let observer: ResizeObserver | undefined
  let pendingReady = false

  let lastShape = ''
  /**
   * Same shape as before (a data refresh): merge, so bars move to their new values instead of
   * replaying the entry animation on every push. Different shape (data ↔ "暂无数据"): replace.
   */
  function apply(next: EChartsCoreOption | null): void {
    if (!chart || !next) return
    const shape = optionShape(next)
    pendingReady = true
    chart.setOption(next, { notMerge: shape !== lastShape, lazyUpdate: true })
    lastShape = shape
  }

  onMounted(() => {
    const el = target.value
    if (!el) return
    chart = init(el, null, { renderer: 'canvas', devicePixelRatio: window.devicePixelRatio || 1 })
    chart.on('finished', () => {
      if (pendingReady) {
        pendingReady = false
        ready.value = true
      }
    })
    const click = handlers.click
    if (click) chart.on('click', (params) => click(params as { name?: string; dataIndex?: number }))
    observer = new ResizeObserver(() => chart?.resize())
    observer.observe(el)
    apply(option.value)
  })

  watch(option, (next) => apply(next))

  onBeforeUnmount(() => {
    observer?.disconnect()
    observer = undefined
    chart?.dispose()
    chart = undefined
  })

  return { ready }
}

/** Top-level components and series count: what a merge could leave behind if it changed. */
function optionShape(option: EChartsCoreOption): string {
  const series = option['series']
  const count = Array.isArray(series) ? series.length : series ? 1 : 0
  return `${Object.keys(option).sort().join(',')}|${count}`
}
