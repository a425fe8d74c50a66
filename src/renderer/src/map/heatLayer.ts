import Feature from 'ol/Feature'
import Point from 'ol/geom/Point'
import HeatmapLayer from 'ol/layer/Heatmap'
import VectorSource from 'ol/source/Vector'
import ViewHint from 'ol/ViewHint'
import type RenderEvent from 'ol/render/Event'
import type { HeatCells } from '@shared/api/analysisTypes'
import { heatGradient } from '@renderer/charts/theme'
import type { Project } from './features'

/**
 * The hot-spot heat layer (ol/layer/Heatmap, WebGL): one weighted point per place cell of the
 * area's events (stats.heat). The pure parts (weights, kernel size, the gain that puts the densest
 * spot at the top of the ramp) are exported and unit-tested; the OpenLayers objects are plain
 * (never reactive) and disposed with the layer.
 */

/** Web Mercator units per degree of longitude: a cell's width on the map at any latitude. */
export const MERCATOR_UNITS_PER_DEGREE = (6_378_137 * Math.PI) / 180
/** How far the gain may lift a sparse map (a lone cell is not made to look like a hot area). */
export const MAX_HEAT_GAIN = 3

/** A cell's weight, 0–1: the square root of its share of the busiest cell, so a few busy cells do not hide the rest. */
export function heatWeight(count: number, max: number): number {
  return max > 0 && count > 0 ? Math.sqrt(Math.min(count, max) / max) : 0
}

/** A cell's width in CSS px at a view resolution. */
export const cellPixels = (cellDeg: number, resolution: number): number => (resolution > 0 ? (cellDeg * MERCATOR_UNITS_PER_DEGREE) / resolution : 0)

/**
 * Radius and blur in CSS px for cells `cellPx` wide: about a cell across, so neighbouring cells melt
 * into one surface at any zoom, within bounds that grow with the wall's scale.
 */
export function heatRadius(cellPx: number, scale = 1): { radius: number; blur: number } {
  const clamp = (v: number, lo: number, hi: number): number => Math.round(Math.min(hi, Math.max(lo, v)) * 2) / 2
  return { radius: clamp(0.6 * cellPx, 8 * scale, 40 * scale), blur: clamp(0.9 * cellPx, 12 * scale, 50 * scale) }
}

/** What one point of weight 1 adds at `d` px from it: OpenLayers' heatmap kernel (a smoothstep falloff). */
export function heatKernel(d: number, radius: number, blur: number): number {
  const x = Math.min(1, Math.max(0, (1 - d / (radius + blur)) * (radius / Math.max(1, blur))))
  return x * x * (3 - 2 * x)
}

/** A cell on the integer grid of its size, and its weight. */
export interface GridCell {
  x: number
  y: number
  weight: number
}

/** How high on the ramp the densest spot is brought (1 is its last colour). */
export const HEAT_TOP = 0.95

/** The heat OpenLayers draws where points of these weights and kernel values overlap: it composites them "over" each other. */
export function overlaid(weights: readonly number[], kernels: readonly number[], gain: number): number {
  let clear = 1
  for (let i = 0; i < weights.length; i++) clear *= 1 - Math.min(1, gain * weights[i]!) * kernels[i]!
  return 1 - clear
}

/**
 * The gain on every weight that brings the densest spot of the drawn heat to HEAT_TOP: the spot is
 * the cell whose neighbourhood (cells `cellPx` wide and `cellPxY` high on screen, within the
 * kernel) weighs most; the gain is found by bisection on how OpenLayers composites the points
 * there, at most MAX_HEAT_GAIN. Dense and sparse periods, near and far zooms, then all use the
 * whole ramp.
 */
export function heatGain(cells: readonly GridCell[], cellPx: number, cellPxY: number, radius: number, blur: number): number {
  if (cells.length === 0 || !(cellPx > 0) || !(cellPxY > 0)) return 1
  const reach = radius + blur
  const kx = Math.min(12, Math.ceil(reach / cellPx))
  const ky = Math.min(12, Math.ceil(reach / cellPxY))
  const at = new Map<number, number>()
  const key = (x: number, y: number): number => x * 1_000_003 + y
  for (const c of cells) at.set(key(c.x, c.y), c.weight)
  /** Weights and kernel values of the cells around `c`. */
  const around = (c: GridCell, each: (w: number, k: number) => void): void => {
    for (let dx = -kx; dx <= kx; dx++) {
      for (let dy = -ky; dy <= ky; dy++) {
        const w = at.get(key(c.x + dx, c.y + dy))
        if (w) each(w, heatKernel(Math.hypot(dx * cellPx, dy * cellPxY), radius, blur))
      }
    }
  }
  let densest: GridCell | null = null
  let most = 0
  for (const c of cells) {
    let sum = 0
    around(c, (w, k) => (sum += w * k))
    if (sum > most) [most, densest] = [sum, c]
  }
  if (!densest) return 1
  const weights: number[] = []
  const kernels: number[] = []
  around(densest, (w, k) => {
    weights.push(w)
    kernels.push(k)
  })
  if (overlaid(weights, kernels, MAX_HEAT_GAIN) <= HEAT_TOP) return MAX_HEAT_GAIN
  let [lo, hi] = [0, MAX_HEAT_GAIN]
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2
    if (overlaid(weights, kernels, mid) < HEAT_TOP) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** One point per cell at its centre, carrying its `count` and `weight` (read by the layer). */
export function heatFeatures(heat: HeatCells, project: Project): Feature<Point>[] {
  const out: Feature<Point>[] = new Array(heat.count.length)
  for (let i = 0; i < heat.count.length; i++) {
    const count = heat.count[i]!
    out[i] = new Feature({ geometry: new Point(project([heat.lon[i]!, heat.lat[i]!])), count, weight: heatWeight(count, heat.max) })
  }
  return out
}

/** The cells on their grid (indices of cellDeg steps from 180° W and 90° S), with their weights. */
export function gridCells(heat: HeatCells): GridCell[] {
  const index = (v: number, origin: number): number => Math.round((v + origin) / heat.cellDeg - 0.5)
  return heat.count.map((count, i) => ({ x: index(heat.lon[i]!, 180), y: index(heat.lat[i]!, 90), weight: heatWeight(count, heat.max) }))
}

export interface HeatLayer {
  readonly layer: HeatmapLayer
  /** Replaces the cells (null: none). */
  setCells(heat: HeatCells | null, project: Project): void
  /** Cells held (features in the source). */
  count(): number
  dispose(): void
}

/** Above the region fills and outlines, under the points and labels. */
const HEAT_Z_INDEX = 4.5

export function createHeatLayer(scale: () => number): HeatLayer {
  const source = new VectorSource<Feature<Point>>()
  const layer = new HeatmapLayer({
    source,
    zIndex: HEAT_Z_INDEX,
    opacity: 0.85,
    gradient: [...heatGradient],
    weight: ['*', ['get', 'weight'], ['var', 'gain']],
    variables: { gain: 1 },
    visible: false
  })
  let heat: HeatCells | null = null
  let grid: GridCell[] = []
  /** The kernel and resolution the gain was worked out for (redone when the view comes to rest elsewhere). */
  let gainFor = ''

  const onPrerender = (e: RenderEvent): void => {
    const frame = e.frameState
    if (!frame || !heat) return
    const resolution = frame.viewState.resolution
    const cellPx = cellPixels(heat.cellDeg, resolution)
    const { radius, blur } = heatRadius(cellPx, scale())
    // Only a change re-renders: setting the same numbers would schedule frames for ever.
    if (layer.getRadius() !== radius) layer.setRadius(radius)
    if (layer.getBlur() !== blur) layer.setBlur(blur)
    const moving = (frame.viewHints[ViewHint.ANIMATING] ?? 0) > 0 || (frame.viewHints[ViewHint.INTERACTING] ?? 0) > 0
    const state = `${resolution.toPrecision(3)}:${radius}:${blur}`
    if (moving || state === gainFor) return
    gainFor = state
    // Web Mercator stretches north–south by 1 / cos(latitude).
    const stretch = 1 / Math.cos(((heat.lat[0] ?? 0) * Math.PI) / 180)
    layer.updateStyleVariables({ gain: heatGain(grid, cellPx, cellPx * stretch, radius, blur) })
  }
  layer.on('prerender', onPrerender)

  return {
    layer,
    setCells(next, project) {
      source.clear(true)
      heat = next
      grid = next ? gridCells(next) : []
      gainFor = ''
      if (next) source.addFeatures(heatFeatures(next, project))
      layer.changed()
    },
    count: () => heat?.count.length ?? 0,
    dispose() {
      layer.un('prerender', onPrerender)
      layer.setSource(null)
      layer.dispose()
      source.clear(true)
      source.dispose()
      heat = null
      grid = []
    }
  }
}
