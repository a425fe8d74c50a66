import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import OlMap from 'ol/Map'
import View from 'ol/View'
import ViewHint from 'ol/ViewHint'
import type BaseLayer from 'ol/layer/Base'
import type Feature from 'ol/Feature'
import { defaults as defaultInteractions } from 'ol/interaction/defaults'
import { boundingExtent, isEmpty, type Extent } from 'ol/extent'
import type { Pixel } from 'ol/pixel'
import type { AreaRef, BasemapInfo, BuildingPoints, CameraPoint, DistrictMap, MapRegion, RegionMetrics, StaffPosition } from '@shared/api/types'
import { createBasemapLayer, toBasemapLonLat } from '@renderer/map/basemap'
import { buildingFeatures, cameraFeatures, labelFeature, projector, projectWgs84, regionFeature, staffFeatures, type Project } from '@renderer/map/features'
import { interiorPoint } from '@renderer/map/geometry'
import { createMapLayers, type BuildingRenderer, type MapLayers, type MapObstacle } from '@renderer/map/layers'
import { areaView, childLevel, labelSize, layerKeys, regionIndex, type LayerVisibility } from '@renderer/map/levels'

/** A documented, harmless hook for Playwright and the frame-time benchmark (read-only but for the view). */
export interface MapTestHook {
  /** Viewport (client) pixel of a point well inside the region and clear of markers that take clicks (alerts), or null when unknown / off-screen. */
  pixelOf(code: string): [number, number] | null
  /** The selected area's code (the district when nothing is selected). */
  selected(): string | null
  /** Current view in EPSG:3857. */
  view(): { center: number[]; zoom: number }
  /** Moves the view at once (no animation). */
  setView(center: number[], zoom: number): void
  /**
   * Starts (true) or ends (false) a scripted interaction: the view is marked as interacting, as
   * during a drag, pinch or wheel zoom, so layers render as they do while a person pans and zoom
   * (the WebGL layer re-draws its buffers under a new transform and rebuilds them once, on end).
   * Without it every setView() is a jump of a view at rest and the WebGL layer rebuilds its
   * buffers for all buildings on every frame.
   */
  interacting(active: boolean): void
  /** Map renders so far and their summed duration (precompose → postrender, main-thread ms). */
  stats(): { renders: number; renderMs: number; features: { buildings: number; cameras: number; staff: number } }
  /** Viewport (client) pixel of the marker that shows camera alert `id` (its own, or its cluster's), or null when not drawn / off-screen. */
  alertPixel(id: string): [number, number] | null
  /** Alerts held by the alert layer (features in its source, not clusters). */
  alertCount(): number
  /** The alert markers drawn at the current zoom and on screen: their alerts and client pixel (a cluster lists several). */
  alertMarkers(): { ids: string[]; pixel: [number, number] }[]
  renderer: BuildingRenderer
}

/** The parts of the test hook another map composable provides (the alert layer). */
export type MapTestHookExtension = Pick<MapTestHook, 'alertPixel' | 'alertCount' | 'alertMarkers'>

/**
 * What other map composables build on (useAlertLayer): the map once mounted and the projection
 * once the basemap is known (both null before; plain objects in shallow refs), clicks offered
 * before the region click, and the test hook.
 */
export interface OlMapContext {
  map: ShallowRef<OlMap | null>
  project: ShallowRef<Project | null>
  /** Runs before the region click (`first`: before the other handlers too); a handler returning true consumes the click. Returns its removal. */
  onClick(handler: (pixel: Pixel) => boolean, options?: { first?: boolean }): () => void
  /** Map pixel → client pixel, or null when outside the map's element. */
  toClient(pixel: readonly number[] | null): [number, number] | null
  /** Fills in part of the test hook; returns the way to take it out again. */
  extendTestHook(ext: MapTestHookExtension): () => void
  /** Keeps the view on `extent` (EPSG:3857; the incident's rings) instead of the selected area; null gives the area back. */
  focus(extent: Extent | null): void
  /** The markers the region names keep clear of (the alert layer's), or null. */
  setLabelObstacles(obstacles: (() => readonly MapObstacle[]) | null): void
  /** Places the names again: the markers moved. */
  refreshLabels(): void
}

declare global {
  interface Window {
    __gccMapTest?: MapTestHook
  }
}

export interface OlMapInputs {
  district: Ref<DistrictMap | null>
  path: Ref<AreaRef[]>
  /** undefined while loading; null when the basemap call failed (own background then). */
  basemap: Ref<BasemapInfo | null | undefined>
  buildings: Ref<BuildingPoints | null>
  cameras: Ref<CameraPoint[] | null>
  staff: Ref<StaffPosition[] | null>
  /** null: the metric is unavailable (neutral fills). */
  metrics: Ref<RegionMetrics | null>
  visibility: Ref<LayerVisibility>
  scale: Ref<number>
  /** Extra fit padding in CSS px for the controls drawn over the map: [top, right, bottom, left]. */
  insets: () => [number, number, number, number]
  renderer: BuildingRenderer
  onSelect(code: string): void
}

/**
 * The district map on `target`. The OpenLayers map, view and layers live in plain variables
 * (never reactive); data changes swap a source's features or re-style a layer in place.
 * `ready` turns true after the first complete render; `settled` is false while the view animates.
 */
export function useOlMap(target: Ref<HTMLElement | null>, inputs: OlMapInputs) {
  const ready = ref(false)
  const settled = ref(false)
  const zoom = ref(0)
  const breaks = shallowRef<readonly number[]>([])
  const selectedCode = ref<string | null>(null)
  const mapRef = shallowRef<OlMap | null>(null)
  const projectRef = shallowRef<Project | null>(null)
  const clickHandlers = new Set<(pixel: Pixel) => boolean>()

  let map: OlMap | undefined
  let layers: MapLayers | undefined
  let basemapLayer: BaseLayer | null = null
  let observer: ResizeObserver | undefined
  let project: Project = projectWgs84
  let projected = false
  let index = new Map<string, MapRegion>()
  let areaFeature: Feature | null = null
  let focusExtent: Extent | null = null
  let lastSize = ''
  let interactingNow = false
  let renderCount = 0
  let renderMs = 0
  let renderStart = 0

  const scale = (): number => inputs.scale.value

  function areaExtent(): Extent | null {
    const e = areaFeature?.getGeometry()?.getExtent()
    return e && !isEmpty(e) ? e : null
  }

  function fit(animate: boolean): void {
    const extent = focusExtent ?? areaExtent()
    const size = map?.getSize()
    const [width = 0, height = 0] = size ?? []
    if (!map || !extent || !size || width === 0 || height === 0) return
    const pad = Math.round(Math.min(width, height) * 0.05)
    const [top, right, bottom, left] = inputs.insets()
    settled.value = false
    map.getView().cancelAnimations()
    map.getView().fit(extent, {
      padding: [pad + top, pad + right, pad + bottom, pad + left],
      size,
      duration: animate ? 650 : 0,
      callback: (complete: boolean) => {
        // Cancelled by a newer fit (a click, a resize): that one reports when it is done.
        if (!complete) return
        map?.once('rendercomplete', () => {
          settled.value = true
        })
        map?.render()
      }
    })
  }

  /** Shown, dimmed and outlined regions for the breadcrumb; labels for the shown level. */
  function applyArea(animate: boolean): void {
    const d = inputs.district.value
    if (!layers || !d || !projected) return
    const { area, shown, dimmed } = areaView(d, inputs.path.value)
    const s = layers.sources
    s.shown.clear(true)
    s.shown.addFeatures(shown.map((r) => regionFeature(r, project)))
    s.dimmed.clear(true)
    s.dimmed.addFeatures(dimmed.map((r) => regionFeature(r, project)))
    areaFeature = regionFeature(area, project)
    s.selected.clear(true)
    if (area.level !== 'district') s.selected.addFeature(areaFeature)
    s.labels.clear(true)
    s.labels.addFeatures(shown.map((r) => labelFeature(r, project)))
    layers.setLabelPx(labelSize(area.level === 'grid' ? 'grid' : childLevel(area.level), scale()))
    layers.refreshClasses()
    breaks.value = layers.breaks()
    selectedCode.value = area.code
    fit(animate)
  }

  function applyDistrict(): void {
    const d = inputs.district.value
    if (!layers || !d || !projected) return
    index = regionIndex(d)
    const district = regionFeature(d.district, project)
    layers.sources.district.clear(true)
    layers.sources.district.addFeature(district)
    layers.sources.background.clear(true)
    layers.sources.background.addFeature(regionFeature(d.district, project))
    applyArea(false)
  }

  function applyPoints(): void {
    if (!layers || !projected) return
    const s = layers.sources
    const b = inputs.buildings.value
    s.buildings.clear(true)
    if (b) s.buildings.addFeatures(buildingFeatures(b, project))
    s.cameras.clear(true)
    if (inputs.cameras.value) s.cameras.addFeatures(cameraFeatures(inputs.cameras.value, project))
    s.staff.clear(true)
    if (inputs.staff.value) s.staff.addFeatures(staffFeatures(inputs.staff.value, project))
  }

  function applyMetrics(): void {
    if (!layers) return
    layers.setValues(inputs.metrics.value?.values ?? null)
    breaks.value = layers.breaks()
  }

  function applyVisibility(): void {
    for (const key of layerKeys) layers?.setVisible(key, inputs.visibility.value[key])
  }

  /** Basemap known (or failed): choose the projection, add its layer at the bottom, build everything. */
  function applyBasemap(): void {
    const info = inputs.basemap.value
    if (!map || !layers || info === undefined) return
    if (basemapLayer) {
      map.removeLayer(basemapLayer)
      basemapLayer.dispose()
      basemapLayer = null
    }
    basemapLayer = info && info.kind !== 'none' ? createBasemapLayer(info) : null
    if (basemapLayer) {
      basemapLayer.setZIndex(-1)
      map.getLayers().insertAt(0, basemapLayer)
    }
    layers.setBackgroundVisible(basemapLayer === null)
    project = info && basemapLayer ? projector(toBasemapLonLat(info)) : projectWgs84
    projected = true
    projectRef.value = project
    applyDistrict()
    applyPoints()
  }

  function regionAt(pixel: number[]): string | null {
    if (!map || !layers) return null
    const hit = new Set<BaseLayer>([layers.shown, layers.dimmed])
    const f = map.forEachFeatureAtPixel(pixel, (feature) => feature, { layerFilter: (l) => hit.has(l) })
    return f ? String(f.get('code')) : null
  }

  /**
   * `pixel`, or the nearest point around it (up to 80 px) that is still in region `code` and not
   * under a marker of a layer added on top (the alerts), whose click would be taken by that layer.
   */
  function clearPixelNear(pixel: number[], code: string): number[] {
    const m = map
    const own = layers ? new Set<BaseLayer>(layers.all) : new Set<BaseLayer>()
    if (!m || clickHandlers.size === 0) return pixel
    const covered = (px: number[]): boolean =>
      m.forEachFeatureAtPixel(px, () => true, { layerFilter: (l) => !own.has(l) && l !== basemapLayer, hitTolerance: 8 }) === true
    const [x = 0, y = 0] = pixel
    for (let r = 0; r <= 80; r += 16) {
      const steps = r === 0 ? 1 : 12
      for (let i = 0; i < steps; i++) {
        const a = (2 * Math.PI * i) / steps
        const px = [x + r * Math.cos(a), y + r * Math.sin(a)]
        if (!covered(px) && regionAt(px) === code) return px
      }
    }
    return pixel
  }

  function toClient(px: readonly number[] | null): [number, number] | null {
    const el = map?.getTargetElement()
    if (!px || !el) return null
    const rect = el.getBoundingClientRect()
    const [x = NaN, y = NaN] = px
    if (!(x >= 0 && y >= 0 && x <= rect.width && y <= rect.height)) return null
    return [rect.left + x, rect.top + y]
  }

  const noAlerts: MapTestHookExtension = { alertPixel: () => null, alertCount: () => 0, alertMarkers: () => [] }
  const hook: MapTestHook = {
    pixelOf(code) {
      const region = index.get(code)
      if (!map || !region) return null
      const inner = map.getPixelFromCoordinate(project(interiorPoint(region.geometry)))
      return toClient(inner ? clearPixelNear(inner, code) : null)
    },
    selected: () => selectedCode.value,
    view() {
      const v = map?.getView()
      return { center: v?.getCenter() ?? [0, 0], zoom: v?.getZoom() ?? 0 }
    },
    setView(center, z) {
      const v = map?.getView()
      v?.setCenter(center)
      v?.setZoom(z)
    },
    interacting(active) {
      const v = map?.getView()
      if (!v || active === interactingNow) return
      interactingNow = active
      v.setHint(ViewHint.INTERACTING, active ? 1 : -1)
    },
    stats() {
      const s = layers?.sources
      const features = { buildings: s?.buildings.getFeatures().length ?? 0, cameras: s?.cameras.getFeatures().length ?? 0, staff: s?.staff.getFeatures().length ?? 0 }
      return { renders: renderCount, renderMs, features }
    },
    ...noAlerts,
    renderer: inputs.renderer
  }

  const context: OlMapContext = {
    map: mapRef,
    project: projectRef,
    onClick(handler, options) {
      const after = options?.first ? [...clickHandlers] : []
      for (const h of after) clickHandlers.delete(h)
      clickHandlers.add(handler)
      for (const h of after) clickHandlers.add(h)
      return () => clickHandlers.delete(handler)
    },
    toClient,
    extendTestHook(ext) {
      Object.assign(hook, ext)
      return () => Object.assign(hook, noAlerts)
    },
    focus(extent) {
      focusExtent = extent
      fit(true)
    },
    setLabelObstacles(obstacles) {
      labelObstacles = obstacles
      layers?.setLabelObstacles(obstacles)
    },
    refreshLabels() {
      layers?.refreshLabels()
    }
  }
  let labelObstacles: (() => readonly MapObstacle[]) | null = null

  onMounted(() => {
    const el = target.value
    if (!el) return
    layers = createMapLayers({
      renderer: inputs.renderer,
      scale: scale(),
      labelPx: labelSize('street', scale()),
      // What the map shows and no overlay covers (the legend, the layer toggles): names moved off
      // a marker stay there.
      viewExtent: () => {
        const [width = 0, height = 0] = map?.getSize() ?? []
        if (!map || width === 0 || height === 0) return null
        const [top, right, bottom, left] = inputs.insets()
        const a = map.getCoordinateFromPixel([left, top])
        const b = map.getCoordinateFromPixel([width - right, height - bottom])
        return a && b ? boundingExtent([a, b]) : null
      }
    })
    if (labelObstacles) layers.setLabelObstacles(labelObstacles)
    map = new OlMap({
      target: el,
      layers: layers.all,
      controls: [],
      interactions: defaultInteractions({ altShiftDragRotate: false, pinchRotate: false, doubleClickZoom: false }),
      view: new View({ center: [0, 0], zoom: 2, constrainResolution: false, maxZoom: 19 })
    })
    map.on('rendercomplete', () => {
      if (!ready.value && areaFeature && layers && layers.sources.district.getFeatures().length > 0) {
        ready.value = true
        settled.value = true
      }
    })
    map.on('precompose', () => {
      renderStart = performance.now()
    })
    map.on('postrender', () => {
      renderCount++
      renderMs += performance.now() - renderStart
    })
    map.on('moveend', () => {
      zoom.value = Math.round((map?.getView().getZoom() ?? 0) * 100) / 100
    })
    map.on('click', (e) => {
      for (const handler of clickHandlers) if (handler(e.pixel)) return
      const code = regionAt(e.pixel)
      if (code && code !== selectedCode.value) inputs.onSelect(code)
    })
    observer = new ResizeObserver(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`
      if (size === lastSize) return
      lastSize = size
      map?.updateSize()
      fit(false)
    })
    observer.observe(el)
    window.__gccMapTest = hook
    applyVisibility()
    applyMetrics()
    applyBasemap()
    mapRef.value = map
  })

  watch(inputs.basemap, applyBasemap)
  watch(inputs.district, applyDistrict)
  watch(inputs.path, () => applyArea(true))
  watch([inputs.buildings, inputs.cameras, inputs.staff], applyPoints)
  watch(inputs.metrics, applyMetrics)
  watch(inputs.visibility, applyVisibility)
  watch(inputs.scale, (s) => {
    layers?.setScale(s)
    const level = inputs.path.value.at(-1)?.level ?? 'district'
    layers?.setLabelPx(labelSize(level === 'grid' ? 'grid' : childLevel(level), s))
  })

  onBeforeUnmount(() => {
    observer?.disconnect()
    if (window.__gccMapTest === hook) delete window.__gccMapTest
    // Composables built on the map see it go before it is disposed.
    mapRef.value = null
    projectRef.value = null
    clickHandlers.clear()
    if (map) {
      const view = map.getView()
      map.setTarget(undefined)
      map.getLayers().clear()
      map.dispose()
      view.dispose()
    }
    basemapLayer?.dispose()
    layers?.dispose()
    map = undefined
    layers = undefined
    basemapLayer = null
  })

  return { ready, settled, zoom, breaks, selectedCode, context }
}
