import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue'
import OlMap from 'ol/Map'
import View from 'ol/View'
import { defaults as defaultInteractions } from 'ol/interaction/defaults'
import type { Pixel } from 'ol/pixel'
import type { DistrictMap } from '@shared/api/types'
import { createDistrictLayers, type DistrictLayers } from '@renderer/map/layers'

export interface HoveredGrid {
  code: string
  name: string
  parentCode: string | null
}

/**
 * The district map on `target`: an OpenLayers map with no basemap (offline wall), fitted to the
 * district and refitted on resize. The map and layers live in plain variables (never reactive)
 * and are disposed on unmount. `ready` turns true after the first render with features.
 */
export function useOlMap(target: Ref<HTMLElement | null>, data: Ref<DistrictMap | null>, scale: Ref<number>) {
  const ready = ref(false)
  const hovered = shallowRef<HoveredGrid | null>(null)
  let map: OlMap | undefined
  let layers: DistrictLayers | undefined
  let observer: ResizeObserver | undefined
  let fitted = false

  function fit(): void {
    const extent = layers?.extent()
    const size = map?.getSize()
    const [width = 0, height = 0] = size ?? []
    if (!map || !extent || !size || width === 0 || height === 0) return
    const pad = Math.round(Math.min(width, height) * 0.04)
    map.getView().fit(extent, { padding: [pad, pad, pad, pad], size })
    fitted = true
  }

  function gridAt(pixel: Pixel): HoveredGrid | null {
    if (!map || !layers) return null
    const grids = layers.grids
    const feature = map.forEachFeatureAtPixel(pixel, (f) => f, { layerFilter: (l) => l === grids })
    if (!feature) return null
    return {
      code: String(feature.get('code')),
      name: String(feature.get('name')),
      parentCode: (feature.get('parentCode') as string | null | undefined) ?? null
    }
  }

  function showGrid(grid: HoveredGrid | null): void {
    if (grid?.code === hovered.value?.code) return
    hovered.value = grid
    layers?.setHovered(grid?.code ?? null)
  }

  function load(next: DistrictMap | null): void {
    if (!map || !layers || !next) return
    ready.value = false
    showGrid(null)
    layers.setData(next)
    fit()
  }

  onMounted(() => {
    const el = target.value
    if (!el) return
    layers = createDistrictLayers(scale.value)
    map = new OlMap({
      target: el,
      layers: layers.all,
      controls: [],
      interactions: defaultInteractions({ altShiftDragRotate: false, pinchRotate: false }),
      view: new View({ center: [0, 0], zoom: 2, constrainResolution: false })
    })
    map.on('rendercomplete', () => {
      if (!ready.value && layers && layers.featureCount() > 0 && fitted) ready.value = true
    })
    map.on('pointermove', (e) => {
      if (!e.dragging) showGrid(gridAt(e.pixel))
    })
    map.on('click', (e) => showGrid(gridAt(e.pixel)))
    el.addEventListener('pointerleave', onLeave)
    observer = new ResizeObserver(() => {
      map?.updateSize()
      fit()
    })
    observer.observe(el)
    load(data.value)
  })

  function onLeave(): void {
    showGrid(null)
  }

  watch(data, (next) => load(next))
  watch(scale, (s) => layers?.setScale(s))

  onBeforeUnmount(() => {
    observer?.disconnect()
    target.value?.removeEventListener('pointerleave', onLeave)
    if (map) {
      const view = map.getView()
      map.setTarget(undefined)
      map.getLayers().clear()
      map.dispose()
      view.dispose()
    }
    layers?.dispose()
    map = undefined
    layers = undefined
  })

  return { ready, hovered, fit }
}
