import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type OlMap from 'ol/Map'
import type { HeatCells } from '@shared/api/analysisTypes'
import { createHeatLayer, type HeatLayer } from '@renderer/map/heatLayer'
import type { OlMapContext } from './useOlMap'

export interface HeatLayerInputs {
  /** The area's cells for the chosen period and category (the stats store's `heat`); null: none held. */
  heat: Ref<HeatCells | null>
  visible: Ref<boolean>
  scale: Ref<number>
}

/**
 * The hot-spot heat layer on the district map: added once the map and its projection exist, its
 * cells replaced whenever the stats store holds new ones, removed and disposed with the map.
 * `cells` is the number of cells drawn (for `data-heat-cells`).
 */
export function useHeatLayer(ctx: OlMapContext, inputs: HeatLayerInputs) {
  const cells = ref(0)
  let heat: HeatLayer | undefined
  let map: OlMap | null = null

  function sync(): void {
    const project = ctx.project.value
    if (!heat || !project) return
    heat.setCells(inputs.heat.value, project)
    cells.value = heat.count()
  }

  function attach(): void {
    const m = ctx.map.value
    if (heat || !m || !ctx.project.value) return
    map = m
    heat = createHeatLayer(() => inputs.scale.value)
    heat.layer.setVisible(inputs.visible.value)
    m.addLayer(heat.layer)
    sync()
  }

  function detach(): void {
    // The map may already be disposed (useOlMap cleans up first): it has dropped its layers then.
    if (heat && map && ctx.map.value === map) map.removeLayer(heat.layer)
    heat?.dispose()
    heat = undefined
    map = null
    cells.value = 0
  }

  watch([ctx.map, ctx.project], ([m, p]) => {
    if (!m) detach()
    else if (!heat) attach()
    else if (p) sync() // basemap changed: re-projected in full
  })
  watch(inputs.heat, sync)
  watch(inputs.visible, (v) => heat?.layer.setVisible(v))
  watch(inputs.scale, () => heat?.layer.changed())

  onBeforeUnmount(detach)

  return { cells }
}
