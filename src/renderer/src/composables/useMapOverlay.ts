import { onBeforeUnmount, watch } from 'vue'
import type OlMap from 'ol/Map'
import type BaseLayer from 'ol/layer/Base'
import type { Project } from '@renderer/map/features'
import type { OlMapContext } from './useOlMap'

/** A layer of plain OpenLayers objects that a map composable adds over the district map. */
export interface MapOverlay {
  layer: BaseLayer
  dispose(): void
}

export interface MapOverlayHooks<L extends MapOverlay> {
  /** Draws the current data (on attach, on a new projection, and when the caller asks). */
  sync(overlay: L, project: Project, reprojected: boolean): void
  /** After the overlay is removed and disposed (the map went, or the component unmounts). */
  detached?(): void
}

/**
 * The life of one overlay layer on the district map (heat, incident): created and added once the
 * map and its projection exist, redrawn in full when the basemap's projection changes, removed
 * and disposed with the map or the component. `sync()` redraws it now (when it exists).
 */
export function useMapOverlay<L extends MapOverlay>(ctx: OlMapContext, create: () => L, hooks: MapOverlayHooks<L>) {
  let overlay: L | undefined
  let map: OlMap | null = null

  function sync(reprojected = false): void {
    const project = ctx.project.value
    if (overlay && project) hooks.sync(overlay, project, reprojected)
  }

  function attach(): void {
    const m = ctx.map.value
    if (overlay || !m || !ctx.project.value) return
    map = m
    overlay = create()
    m.addLayer(overlay.layer)
    sync(true)
  }

  function detach(): void {
    // The map may already be disposed (useOlMap cleans up first): it has dropped its layers then.
    if (overlay && map && ctx.map.value === map) map.removeLayer(overlay.layer)
    overlay?.dispose()
    overlay = undefined
    map = null
    hooks.detached?.()
  }

  watch([ctx.map, ctx.project], ([m, p]) => {
    if (!m) detach()
    else if (!overlay) attach()
    else if (p) sync(true) // basemap changed: re-projected in full
  })
  onBeforeUnmount(detach)

  return { sync: () => sync(false), current: (): L | undefined => overlay }
}
