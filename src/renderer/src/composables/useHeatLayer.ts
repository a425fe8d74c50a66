import { ref, watch, type Ref } from 'vue'
import type { HeatCells } from '@shared/api/analysisTypes'
import { createHeatLayer } from '@renderer/map/heatLayer'
import type { OlMapContext } from './useOlMap'
import { useMapOverlay } from './useMapOverlay'

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
  const overlay = useMapOverlay(
    ctx,
    () => {
      const heat = createHeatLayer(() => inputs.scale.value)
      heat.layer.setVisible(inputs.visible.value)
      return heat
    },
    {
      sync(heat, project) {
        heat.setCells(inputs.heat.value, project)
        cells.value = heat.count()
      },
      detached: () => (cells.value = 0)
    }
  )

  watch(inputs.heat, overlay.sync)
  watch(inputs.visible, (v) => overlay.current()?.layer.setVisible(v))
  watch(inputs.scale, () => overlay.current()?.layer.changed())

  return { cells }
}
