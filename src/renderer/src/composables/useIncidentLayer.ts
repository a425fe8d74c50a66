import { ref, watch, type Ref } from 'vue'
import type { RingAnalysis } from '@shared/api/types'
import { createIncidentLayer } from '@renderer/map/incidentLayer'
import { ringLabel } from '@renderer/emergency/format'
import type { OlMapContext } from './useOlMap'
import { useMapOverlay } from './useMapOverlay'

export interface IncidentLayerInputs {
  /** The running incident's ring analysis; null in normal mode. */
  analysis: Ref<RingAnalysis | null>
  scale: Ref<number>
}

/**
 * The incident on the district map: its rings, labels, marker and nearest resources, added once
 * the map and its projection exist; the view is held on the outer ring while an incident runs and
 * given back to the selected area when it ends. Removed and disposed with the map. `rings` is the
 * number of rings drawn (for `data-incident-rings`).
 */
export function useIncidentLayer(ctx: OlMapContext, inputs: IncidentLayerInputs) {
  const rings = ref(0)
  let shownId: string | null = null
  const overlay = useMapOverlay(ctx, () => createIncidentLayer(() => inputs.scale.value), {
    sync(incident, project, reprojected) {
      const analysis = inputs.analysis.value
      incident.set(analysis, project, ringLabel)
      rings.value = incident.rings()
      const id = analysis?.incidentId ?? null
      // Centre on a new incident (or back on the area after one), or after a re-projection; a refresh of the same one leaves the view alone.
      if (id !== shownId || (reprojected && id !== null)) {
        shownId = id
        ctx.focus(incident.extent())
      }
    },
    detached() {
      shownId = null
      rings.value = 0
    }
  })

  watch(inputs.analysis, overlay.sync)
  watch(inputs.scale, () => overlay.current()?.layer.changed())

  return { rings }
}
