import { onBeforeUnmount, watch } from 'vue'
import { storeToRefs } from 'pinia'
import type { Pixel } from 'ol/pixel'
import type { MapRegion } from '@shared/api/types'
import { gridAt, unproject } from '@renderer/map/pickPoint'
import { useMapPickStore } from '@renderer/stores/mapPick'
import type { OlMapContext } from './useOlMap'

/**
 * The district map's side of picking a point (stores/mapPick.ts): while the store is in pick mode,
 * the next click on the map, before any marker or region takes it, gives the store the WGS-84 point
 * under it (the basemap's projection undone) and the grid holding it; Esc cancels. `picking` shows
 * the banner and the crosshair.
 */
export function useMapPick(ctx: OlMapContext, grids: () => readonly MapRegion[]) {
  const store = useMapPickStore()
  const { active: picking } = storeToRefs(store)

  function onClick(pixel: Pixel): boolean {
    const map = ctx.map.value
    const project = ctx.project.value
    const coordinate = map?.getCoordinateFromPixel(pixel)
    if (!picking.value || !project || !coordinate) return false
    const [lon, lat] = unproject(project, coordinate)
    const grid = gridAt(grids(), [lon, lat])
    store.pick({ lon, lat, gridCode: grid?.code ?? null, gridName: grid?.name ?? null })
    return true
  }

  function onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    store.cancel()
  }

  let unClick: (() => void) | null = null
  function stop(): void {
    unClick?.()
    unClick = null
    window.removeEventListener('keydown', onKey, true)
  }
  watch(
    picking,
    (on) => {
      stop()
      if (!on) return
      unClick = ctx.onClick(onClick, { first: true })
      window.addEventListener('keydown', onKey, true)
    },
    { immediate: true }
  )
  const detach = store.attach()
  onBeforeUnmount(() => {
    stop()
    detach()
  })

  return { picking, cancel: () => store.cancel() }
}
