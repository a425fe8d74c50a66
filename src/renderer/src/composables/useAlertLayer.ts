import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import type OlMap from 'ol/Map'
import { buffer, getHeight, getWidth } from 'ol/extent'
import type { AlertView } from '@shared/api/alertTypes'
import { ALERT_CLUSTER_PX, centreFor, clusterSummary, createAlertLayer, focusPlan, shownAlerts, type AlertLayer } from '@renderer/map/alertLayer'
import type { Project } from '@renderer/map/features'
import type { OlMapContext } from './useOlMap'

export interface AlertLayerInputs {
  /** The feed's window, newest first (the alert store's `items`). */
  items: Ref<readonly AlertView[]>
  selectedId: Ref<string | null>
  visible: Ref<boolean>
  scale: Ref<number>
  /** Server time in ms (freshness of the pulse). */
  now: () => number
  /** Room the overlays take over the map: [top, right, bottom, left] CSS px. */
  insets: () => [number, number, number, number]
  onSelect(id: string): void
}

/** Zoom (at 1080p) from which a selected alert counts as shown usefully, and the zoom the view goes to below it. */
export const ALERT_USEFUL_ZOOM = 15
export const ALERT_FOCUS_ZOOM = 16
const FOCUS_MS = 600

/**
 * Camera-AI alerts on the district map: keeps the alert layer in line with the feed (diff by id),
 * selects an alert on click (a cluster zooms in to its members instead), and moves the view to the
 * selected alert unless it is already in view at a useful zoom or a person is moving the map.
 * `highlighted` is the selected alert when the map draws it (for `data-selected-alert`).
 */
export function useAlertLayer(ctx: OlMapContext, inputs: AlertLayerInputs) {
  const highlighted = ref<string | null>(null)
  const count = ref(0)

  let alerts: AlertLayer | undefined
  let map: OlMap | null = null
  let unClick: (() => void) | undefined
  let unHook: (() => void) | undefined
  let unMarkers: (() => void) | undefined
  /** A selection made before the layer existed, or while the view was busy: focused when possible. */
  let pendingFocus: string | null = null
  let onMoveEnd: (() => void) | undefined

  const zoomScale = (): number => Math.log2(Math.max(1, inputs.scale.value))

  function sync(): void {
    const project: Project | null = ctx.project.value
    if (!alerts || !project) return
    const selected = inputs.selectedId.value
    alerts.sync(shownAlerts(inputs.items.value, selected), project)
    count.value = alerts.held.size
    highlighted.value = selected !== null && alerts.held.has(selected) ? selected : null
  }

  function focus(id: string): void {
    const coordinate = alerts?.coordinateOf(id)
    const view = map?.getView()
    const size = map?.getSize()
    if (!map || !view || !coordinate || !size) {
      pendingFocus = id
      return
    }
    // A person dragging or pinching: leave the view to them.
    if (view.getInteracting()) return
    // A fit or zoom animation under way (area drill-down, cluster click): focus once it ends.
    if (view.getAnimating()) {
      pendingFocus = id
      if (!onMoveEnd) {
        onMoveEnd = () => {
          onMoveEnd = undefined
          const next = pendingFocus
          pendingFocus = null
          if (next && next === inputs.selectedId.value) focus(next)
        }
        map.once('moveend', onMoveEnd)
      }
      return
    }
    pendingFocus = null
    const px = map.getPixelFromCoordinate(coordinate)
    const insets = inputs.insets()
    const plan = focusPlan({
      zoom: view.getZoom() ?? 0,
      pixel: px ? [px[0] ?? NaN, px[1] ?? NaN] : null,
      size: [size[0] ?? 0, size[1] ?? 0],
      insets,
      usefulZoom: ALERT_USEFUL_ZOOM + zoomScale(),
      focusZoom: ALERT_FOCUS_ZOOM + zoomScale()
    })
    if (!plan) return
    const zoom = Math.min(plan.zoom, view.getMaxZoom())
    const resolution = view.getResolutionForZoom(zoom)
    view.animate({ center: centreFor(coordinate, resolution, insets), zoom, duration: FOCUS_MS })
  }

  function onClick(pixel: number[]): boolean {
    if (!map || !alerts || !alerts.layer.getVisible()) return false
    const hit = alerts.hit(map, pixel)
    if (!hit) return false
    const view = map.getView()
    const resolution = view.getResolution() ?? 1
    const zoom = view.getZoom() ?? 0
    // Members spread wider than half the cluster distance at the deepest zoom we go to can be told
    // apart by zooming in; co-located ones (one camera's alerts), or a view already that deep,
    // cannot: select the most severe, newest.
    const maxZoom = Math.min(view.getMaxZoom(), ALERT_FOCUS_ZOOM + 1.5 + zoomScale())
    const spread = Math.max(getWidth(hit.extent), getHeight(hit.extent))
    const apart = 0.5 * ALERT_CLUSTER_PX * inputs.scale.value * view.getResolutionForZoom(maxZoom)
    if (hit.members.length === 1 || spread < apart || zoom >= maxZoom - 0.25) {
      inputs.onSelect(clusterSummary(hit.members, inputs.selectedId.value, inputs.now()).top.id)
      return true
    }
    const [t, r, b, l] = inputs.insets()
    const pad = 60 * inputs.scale.value
    view.cancelAnimations()
    view.fit(buffer(hit.extent, resolution * 2), { padding: [t + pad, r + pad, b + pad, l + pad], duration: 500, maxZoom })
    return true
  }

  function attach(): void {
    const m = ctx.map.value
    if (alerts || !m || !ctx.project.value) return
    map = m
    alerts = createAlertLayer({
      scale: () => inputs.scale.value,
      selectedId: () => inputs.selectedId.value,
      now: inputs.now,
      requestRender: () => map?.render()
    })
    alerts.layer.setVisible(inputs.visible.value)
    m.addLayer(alerts.layer)
    // The region names keep clear of the markers, placed again whenever the markers change.
    const layer = alerts
    ctx.setLabelObstacles(() => layer.obstacles())
    unMarkers = layer.onMarkersChange(() => ctx.refreshLabels())
    unClick = ctx.onClick(onClick)
    unHook = ctx.extendTestHook({
      alertPixel(id) {
        const marker = alerts?.markerOf(id)
        return marker && map ? ctx.toClient(map.getPixelFromCoordinate(marker.coordinate)) : null
      },
      alertCount: () => alerts?.held.size ?? 0,
      alertMarkers() {
        const out: { ids: string[]; pixel: [number, number] }[] = []
        if (!alerts || !map || !alerts.layer.getVisible()) return out
        for (const marker of alerts.markers()) {
          const pixel = ctx.toClient(map.getPixelFromCoordinate(marker.coordinate))
          if (pixel) out.push({ ids: marker.ids, pixel })
        }
        return out
      }
    })
    sync()
    if (pendingFocus && pendingFocus === inputs.selectedId.value) focus(pendingFocus)
  }

  function detach(): void {
    if (onMoveEnd) map?.un('moveend', onMoveEnd)
    onMoveEnd = undefined
    unClick?.()
    unHook?.()
    unMarkers?.()
    unClick = unHook = unMarkers = undefined
    ctx.setLabelObstacles(null)
    // The map may already be disposed (useOlMap cleans up first): it has dropped its layers then.
    if (alerts && map && ctx.map.value === map) map.removeLayer(alerts.layer)
    alerts?.dispose()
    alerts = undefined
    map = null
    count.value = 0
    highlighted.value = null
  }

  watch([ctx.map, ctx.project], ([m, p]) => {
    if (!m) detach()
    else if (!alerts) attach()
    else if (p) sync() // basemap changed: re-projected in full
  })
  watch(inputs.items, sync)
  watch(inputs.selectedId, (id) => {
    sync()
    alerts?.restyle()
    if (id) focus(id)
    else pendingFocus = null
  })
  watch(inputs.visible, (v) => {
    alerts?.layer.setVisible(v)
    ctx.refreshLabels()
  })
  watch(inputs.scale, (s) => alerts?.setScale(s))

  onBeforeUnmount(detach)

  return { highlighted, count }
}
