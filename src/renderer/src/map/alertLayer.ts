import Feature, { type FeatureLike } from 'ol/Feature'
import Point from 'ol/geom/Point'
import type OlMap from 'ol/Map'
import VectorLayer from 'ol/layer/Vector'
import Cluster from 'ol/source/Cluster'
import VectorSource from 'ol/source/Vector'
import type RenderEvent from 'ol/render/Event'
import { getVectorContext } from 'ol/render'
import { boundingExtent, type Extent } from 'ol/extent'
import { unByKey } from 'ol/Observable'
import type { Pixel } from 'ol/pixel'
import type { AlertView } from '@shared/api/alertTypes'
import { isHighSeverity } from '@shared/domain/alert'
import type { Project } from './features'
import type { MapObstacle } from './labelLayer'
import { alertMarkerStyle, alertRadius, alertRank, clusterRadius, clusterStyle, pulsePeriodMs, pulseStep, pulseSteps, pulseStyle, type AlertRank } from './alertStyles'

/**
 * The camera-AI alert layer (DOMAIN.md §4): open alerts of the feed's window as markers, clustered
 * when dense (ol/source/Cluster), fresh high-severity ones pulsing. The pure parts (what to show,
 * the diff, a cluster's summary, whether to move the view) are exported and unit-tested; the
 * OpenLayers objects are plain (never reactive) and disposed with the layer.
 */

// ── Pure rules ───────────────────────────────────────────────────────────────

/** An alert the map shows: still to be handled. Dispatched and dismissed alerts leave the map. */
export const isOpenAlert = (a: Pick<AlertView, 'status'>): boolean => a.status === 'new' || a.status === 'acknowledged'

/**
 * The alerts to draw: every open one, plus the selected one even once closed (drawn grey), so the
 * detail card being read keeps its point on the map until the selection moves on.
 */
export function shownAlerts(items: readonly AlertView[], selectedId: string | null): AlertView[] {
  return items.filter((a) => isOpenAlert(a) || a.id === selectedId)
}

/** How long a new high-severity alert pulses. */
export const PULSE_FRESH_MS = 2 * 60_000

/** Pulses: high severity, nobody has acknowledged it yet, seen within the last two minutes (a clock a little ahead counts as fresh). */
export function isPulsing(a: Pick<AlertView, 'type' | 'status' | 'at'>, now: number, freshMs = PULSE_FRESH_MS): boolean {
  const age = now - a.at
  return a.status === 'new' && isHighSeverity(a.type) && age < freshMs && age > -freshMs
}

export interface AlertDiff {
  /** New ids. */
  add: AlertView[]
  /** Held ids whose drawn properties changed (status, type, time), same place. */
  update: AlertView[]
  /** Held ids whose position changed (re-added: the spatial index must follow). */
  move: AlertView[]
  /** Held ids no longer shown. */
  remove: string[]
}

/** What changes from the alerts held on the map to `next` (by id; unchanged alerts are left alone). */
export function diffAlerts(held: ReadonlyMap<string, AlertView>, next: readonly AlertView[]): AlertDiff {
  const out: AlertDiff = { add: [], update: [], move: [], remove: [] }
  const seen = new Set<string>()
  for (const a of next) {
    if (seen.has(a.id)) continue
    seen.add(a.id)
    const prev = held.get(a.id)
    if (!prev) out.add.push(a)
    else if (prev === a) continue
    else if (prev.lon !== a.lon || prev.lat !== a.lat) out.move.push(a)
    else if (prev.status !== a.status || prev.type !== a.type || prev.at !== a.at || prev.score !== a.score) out.update.push(a)
  }
  for (const id of held.keys()) if (!seen.has(id)) out.remove.push(id)
  return out
}

export interface ClusterSummary {
  count: number
  /** Most severe member's rank: the cluster's colour. */
  rank: AlertRank
  /** The member to select when the cluster cannot be split further: most severe, then newest. */
  top: AlertView
  selected: boolean
  pulsing: boolean
}

/** A cluster's count, colour (most severe member), lead member, selection and pulse. `members` non-empty. */
export function clusterSummary(members: readonly AlertView[], selectedId: string | null, now: number): ClusterSummary {
  let top = members[0]!
  let rank = alertRank(top.type, top.status)
  let selected = false
  let pulsing = false
  for (const a of members) {
    const r = alertRank(a.type, a.status)
    if (r > rank || (r === rank && a.at > top.at)) {
      top = a
      rank = r
    }
    if (a.id === selectedId) selected = true
    if (!pulsing && isPulsing(a, now)) pulsing = true
  }
  return { count: members.length, rank, top, selected, pulsing }
}

export interface FocusInput {
  /** Current zoom. */
  zoom: number
  /** The alert's pixel in the map viewport (not client), or null when unknown. */
  pixel: readonly [number, number] | null
  /** Map size in CSS px. */
  size: readonly [number, number]
  /** Room the overlays take: [top, right, bottom, left]. */
  insets: readonly [number, number, number, number]
  /** From this zoom a marker is considered shown usefully (not merged into a district-wide cluster). */
  usefulZoom: number
  /** The zoom to go to when the current one is below usefulZoom. */
  focusZoom: number
}

/**
 * Whether to move the view to a selected alert, and to which zoom: not when it is already in the
 * free part of the view (inside the overlays, 10 % margin) at a useful zoom (a person panning
 * around it is left alone); otherwise to at least `focusZoom`, never zooming out.
 */
export function focusPlan(input: FocusInput): { zoom: number } | null {
  const [w, h] = input.size
  const [top, right, bottom, left] = input.insets
  const zoomOk = input.zoom >= input.usefulZoom
  if (zoomOk && input.pixel) {
    const [x, y] = input.pixel
    const mx = 0.1 * Math.max(0, w - left - right)
    const my = 0.1 * Math.max(0, h - top - bottom)
    if (x >= left + mx && x <= w - right - mx && y >= top + my && y <= h - bottom - my) return null
  }
  return { zoom: zoomOk ? input.zoom : Math.max(input.zoom, input.focusZoom) }
}

/**
 * The view centre that puts `coordinate` in the middle of the free part of the view (the viewport
 * less the overlays' insets) at `resolution` (map units per px; the view is never rotated).
 */
export function centreFor(coordinate: readonly number[], resolution: number, insets: readonly [number, number, number, number]): [number, number] {
  const [top, right, bottom, left] = insets
  const dx = (left - right) / 2
  const dy = (top - bottom) / 2
  return [(coordinate[0] ?? 0) - dx * resolution, (coordinate[1] ?? 0) + dy * resolution]
}

// ── OpenLayers ───────────────────────────────────────────────────────────────

/** Frames per second of the pulse at most: a smooth enough ring without redrawing the map at 60 Hz. */
export const PULSE_FPS = pulseSteps / (pulsePeriodMs / 1000)

/** Markers closer than this (CSS px at 1080p) merge into a cluster; clusters keep half of it apart. */
export const ALERT_CLUSTER_PX = 44

export interface AlertLayerOptions {
  scale: () => number
  selectedId: () => string | null
  /** Server time (ms): what "fresh" is measured against. */
  now: () => number
  /** Asks the map for one more frame (map.render()). */
  requestRender: () => void
}

export interface AlertLayer {
  readonly layer: VectorLayer<Cluster<Feature<Point>>>
  /** Alerts held, id → drawn alert. */
  readonly held: ReadonlyMap<string, AlertView>
  /** Brings the features in line with `shown` (diff by id); all of them again when `project` changed. */
  sync(shown: readonly AlertView[], project: Project): void
  /** Re-styles after the selection changed. */
  restyle(): void
  setScale(scale: number): void
  /** The cluster feature (one or more alerts) at a viewport pixel, if any. */
  hit(map: OlMap, pixel: Pixel): { members: AlertView[]; extent: Extent } | null
  /** The drawn marker (a cluster or a single alert) that shows alert `id` at the current zoom, or null. */
  markerOf(id: string): { coordinate: number[]; members: number } | null
  /** The projected position of alert `id`, or null. */
  coordinateOf(id: string): number[] | null
  /** Drawn markers at the current zoom: their alerts and positions (for the test hook). */
  markers(): { ids: string[]; coordinate: number[] }[]
  /** The drawn markers as discs the region names keep clear of (none while the layer is hidden). */
  obstacles(): MapObstacle[]
  /** Calls `listener` whenever the drawn markers change (new alerts, another zoom); returns its removal. */
  onMarkersChange(listener: () => void): () => void
  dispose(): void
}

const membersOf = (f: FeatureLike): Feature<Point>[] => (f.get('features') as Feature<Point>[] | undefined) ?? []
const alertOf = (f: Feature<Point>): AlertView => f.get('alert') as AlertView
/** A cluster feature's position (always a Point). */
const pointOf = (f: Feature): number[] => (f.getGeometry() as Point | undefined)?.getCoordinates() ?? []

export function createAlertLayer(options: AlertLayerOptions): AlertLayer {
  let scale = options.scale()
  const source = new VectorSource<Feature<Point>>()
  const features = new Map<string, Feature<Point>>()
  const held = new Map<string, AlertView>()
  let project: Project | null = null

  const cluster = new Cluster<Feature<Point>>({ source, distance: ALERT_CLUSTER_PX * scale, minDistance: (ALERT_CLUSTER_PX / 2) * scale })

  /** Per frame (when something is drawn): the cluster summaries by cluster feature, for the pulse pass. */
  const summaries = new WeakMap<FeatureLike, ClusterSummary>()
  function summaryOf(f: FeatureLike): ClusterSummary | null {
    let s = summaries.get(f)
    if (!s) {
      const members = membersOf(f)
      if (members.length === 0) return null
      s = clusterSummary(members.map(alertOf), options.selectedId(), options.now())
      summaries.set(f, s)
    }
    return s
  }

  const layer = new VectorLayer<Cluster<Feature<Point>>>({
    source: cluster,
    zIndex: 11,
    updateWhileAnimating: true,
    style: (f: FeatureLike) => {
      const members = membersOf(f)
      if (members.length === 0) return undefined
      // The summary is recomputed on every style pass (selection or data changes restyle the layer).
      const s = clusterSummary(members.map(alertOf), options.selectedId(), options.now())
      summaries.set(f, s)
      return s.count === 1 ? alertMarkerStyle(s.rank, s.selected, scale) : clusterStyle(s.rank, s.count, s.selected, scale)
    }
  })

  // The pulse: one postrender pass over the clusters in view draws a ring on each that holds a
  // fresh high-severity alert, then asks for the next frame at PULSE_FPS, and only while one pulses.
  let frameTimer: ReturnType<typeof setTimeout> | undefined
  const frameMs = 1000 / PULSE_FPS
  function onPostrender(event: RenderEvent): void {
    const extent = event.frameState?.extent
    if (!extent) return
    const now = options.now()
    let any = false
    const ctx = getVectorContext(event)
    const step = pulseStep(now)
    for (const f of cluster.getFeaturesInExtent(extent)) {
      const s = summaryOf(f)
      if (!s?.pulsing) continue
      // Freshness moves with time, the cached summary does not: check the members again.
      if (!membersOf(f).some((m) => isPulsing(alertOf(m), now))) continue
      any = true
      const radius = (s.count === 1 ? alertRadius : clusterRadius(s.count) + 5) * scale
      ctx.setStyle(pulseStyle(step, radius, scale))
      const g = f.getGeometry()
      if (g) ctx.drawGeometry(g)
    }
    if (any && frameTimer === undefined) {
      frameTimer = setTimeout(() => {
        frameTimer = undefined
        options.requestRender()
      }, frameMs)
    }
  }
  layer.on('postrender', onPostrender)

  function featureFor(a: AlertView, p: Project): Feature<Point> {
    const f = new Feature<Point>({ geometry: new Point(p([a.lon, a.lat])), alert: a })
    f.setId(a.id)
    return f
  }

  function rebuild(shown: readonly AlertView[], p: Project): void {
    source.clear(true)
    for (const f of features.values()) f.dispose()
    features.clear()
    held.clear()
    const add: Feature<Point>[] = []
    for (const a of shown) {
      if (features.has(a.id)) continue
      const f = featureFor(a, p)
      features.set(a.id, f)
      held.set(a.id, a)
      add.push(f)
    }
    source.addFeatures(add)
    // clear(true) is silent: make sure the cluster follows even when nothing is added.
    if (add.length === 0) source.changed()
  }

  return {
    layer,
    held,
    sync(shown, p) {
      if (p !== project) {
        project = p
        rebuild(shown, p)
        return
      }
      const diff = diffAlerts(held, shown)
      // Removals and moves: one change event for all (each event re-clusters).
      const gone: Feature<Point>[] = []
      for (const id of [...diff.remove, ...diff.move.map((a) => a.id)]) {
        const f = features.get(id)
        if (f) gone.push(f)
        features.delete(id)
        held.delete(id)
      }
      if (gone.length > 0) source.removeFeatures(gone)
      for (const f of gone) f.dispose()
      const add: Feature<Point>[] = []
      for (const a of [...diff.add, ...diff.move]) {
        const f = featureFor(a, p)
        features.set(a.id, f)
        held.set(a.id, a)
        add.push(f)
      }
      if (add.length > 0) source.addFeatures(add)
      // Updates in place, silently, then one change for the lot.
      for (const a of diff.update) {
        features.get(a.id)?.set('alert', a, true)
        held.set(a.id, a)
      }
      // Unchanged alerts may still arrive as new objects: keep the latest.
      for (const a of shown) if (held.has(a.id) && held.get(a.id) !== a) {
        features.get(a.id)?.set('alert', a, true)
        held.set(a.id, a)
      }
      if (diff.update.length > 0) source.changed()
    },
    restyle() {
      layer.changed()
    },
    setScale(next) {
      if (next === scale) return
      scale = next
      cluster.setDistance(ALERT_CLUSTER_PX * scale)
      cluster.setMinDistance((ALERT_CLUSTER_PX / 2) * scale)
      layer.changed()
    },
    hit(map, pixel) {
      const f = map.forEachFeatureAtPixel(pixel, (x) => x, { layerFilter: (l) => l === layer, hitTolerance: Math.round(4 * scale) })
      if (!f) return null
      const members = membersOf(f)
      if (members.length === 0) return null
      const coords = members.map((m) => m.getGeometry()?.getCoordinates() ?? [])
      return { members: members.map(alertOf), extent: boundingExtent(coords.filter((c) => c.length >= 2)) }
    },
    markerOf(id) {
      const own = features.get(id)
      if (!own) return null
      for (const f of cluster.getFeatures()) {
        const members = membersOf(f)
        if (members.includes(own)) return { coordinate: pointOf(f), members: members.length }
      }
      return null
    },
    coordinateOf(id) {
      return features.get(id)?.getGeometry()?.getCoordinates() ?? null
    },
    markers() {
      return cluster.getFeatures().map((f) => ({ ids: membersOf(f).map((m) => String(m.getId())), coordinate: pointOf(f) }))
    },
    obstacles() {
      if (!layer.getVisible()) return []
      // The disc and its halo, and the selection ring a single marker may wear.
      return cluster.getFeatures().map((f) => {
        const n = membersOf(f).length
        return { coordinate: pointOf(f), r: (n === 1 ? alertRadius + 8 : clusterRadius(n) + 6) * scale }
      })
    },
    onMarkersChange(listener) {
      const key = cluster.on('change', listener)
      return () => unByKey(key)
    },
    dispose() {
      if (frameTimer !== undefined) clearTimeout(frameTimer)
      frameTimer = undefined
      layer.un('postrender', onPostrender)
      layer.setSource(null)
      layer.dispose()
      cluster.setSource(null)
      cluster.clear(true)
      cluster.dispose()
      source.clear(true)
      source.dispose()
      for (const f of features.values()) f.dispose()
      features.clear()
      held.clear()
    }
  }
}
