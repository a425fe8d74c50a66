import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type { Pixel } from 'ol/pixel'
import type { RingAnalysis } from '@shared/api/types'
import { createIncidentLayer } from '@renderer/map/incidentLayer'
import { ringLabel } from '@renderer/emergency/format'
import { useDispatchStore } from '@renderer/stores/dispatch'
import type { OlMapContext } from './useOlMap'
import { useMapOverlay } from './useMapOverlay'

export interface IncidentLayerInputs {
  /** The running incident's ring analysis; null in normal mode. */
  analysis: Ref<RingAnalysis | null>
  scale: Ref<number>
}

/** Half the width of a resource marker's hit area, CSS px at 1080p (the marker itself is 7 px in radius). */
export const STAFF_HIT_PX = 18

/**
 * The incident on the district map: its rings, labels, marker and nearest resources, added once
 * the map and its projection exist; the view is held on the outer ring while an incident runs and
 * given back to the selected area when it ends. Removed and disposed with the map. `rings` is the
 * number of rings drawn (for `data-incident-rings`). A click on (or near) a vanguard member or a
 * worker on duty opens the dispatch dialog for them (stores/dispatch.ts).
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

  const dispatch = useDispatchStore()
  function onClick(pixel: Pixel): boolean {
    const map = ctx.map.value
    const staff = map ? overlay.current()?.staffAt(map, pixel, Math.round(STAFF_HIT_PX * inputs.scale.value)) : null
    if (!staff) return false
    dispatch.open({ kind: 'staff', staffId: String(staff.get('resourceId')), name: String(staff.get('name')), distanceM: Number(staff.get('distanceM')) })
    return true
  }
  // Taken after the alert layer's click (its markers are small and exact; this hit area is wide):
  // registered once the map exists, as that layer does, by a watcher created after its own.
  let unClick: (() => void) | null = null
  watch([ctx.map, ctx.project], ([map, project]) => {
    if (map && project && !unClick) unClick = ctx.onClick(onClick)
  })
  onBeforeUnmount(() => unClick?.())

  watch(inputs.analysis, overlay.sync)
  watch(inputs.scale, () => overlay.current()?.layer.changed())

  return { rings }
}
