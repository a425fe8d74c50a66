import type Feature from 'ol/Feature'
import type { FeatureLike } from 'ol/Feature'
import type BaseLayer from 'ol/layer/Base'
import type Layer from 'ol/layer/Layer'
import type Point from 'ol/geom/Point'
import VectorLayer from 'ol/layer/Vector'
import WebGLVectorLayer from 'ol/layer/WebGLVector'
import VectorSource from 'ol/source/Vector'
import { Fill, Style } from 'ol/style'
import type { Extent } from 'ol/extent'
import { classBreaks } from './choropleth'
import { createLabelLayer, type MapObstacle } from './labelLayer'
export type { MapObstacle } from './labelLayer'
import { pointMinZoom, type LayerKey } from './levels'
import {
  buildingCanvasStyle,
  buildingFlatStyle,
  cameraStyle,
  choroplethStyle,
  dimStyle,
  districtStyle,
  selectedStyle,
  staffStyle
} from './styles'

/**
 * The map's layers, each built by a small function; plain objects, never reactive. Data changes
 * replace a source's features or re-run a layer's style: the layers themselves live as long as
 * the map.
 */
type Src = VectorSource<Feature>
const newSource = (): Src => new VectorSource<Feature>()

/** Dark fill under everything when there is no basemap (the wall is never blank). */
export function createBackgroundLayer(source: Src): VectorLayer<Src> {
  const style = new Style({ fill: new Fill({ color: '#0b1d38' }) })
  return new VectorLayer({ source, style, zIndex: 0 })
}

export function createDimmedLayer(source: Src, scale: () => number): VectorLayer<Src> {
  // Above the point layers (below labels): points outside the selected area are darkened too.
  return new VectorLayer({ source, style: () => dimStyle(scale()), zIndex: 8 })
}

/** Children of the selected area coloured by the metric's class; value per code read through `valueOf`. */
export function createChoroplethLayer(
  source: Src,
  valueOf: (code: string) => number | null,
  breaks: () => readonly number[],
  scale: () => number
): VectorLayer<Src> {
  return new VectorLayer({
    source,
    style: (f: FeatureLike) => choroplethStyle(valueOf(String(f.get('code'))), breaks(), scale()),
    zIndex: 2
  })
}

export function createOutlineLayer(source: Src, style: (scale: number) => Style[], scale: () => number, zIndex: number): VectorLayer<Src> {
  return new VectorLayer({ source, style: () => style(scale()), zIndex })
}

export type BuildingRenderer = 'webgl' | 'canvas'

/** Buildings by risk, visible from street zoom: WebGL (default) or canvas (for the benchmark). */
export function createBuildingLayer(source: VectorSource<Feature<Point>>, renderer: BuildingRenderer, scale: number): Layer {
  const minZoom = pointMinZoom('buildings', scale)
  if (renderer === 'webgl') {
    return new WebGLVectorLayer({ source, style: buildingFlatStyle(scale), minZoom, zIndex: 5, disableHitDetection: true })
  }
  return new VectorLayer({
    source,
    minZoom,
    zIndex: 5,
    style: (f: FeatureLike, resolution: number) => buildingCanvasStyle(Number(f.get('risk') ?? 0), zoomOf(resolution), scale)
  })
}

/** Web Mercator zoom of a resolution (m/px at the equator, OpenLayers' default tile grid). */
export function zoomOf(resolution: number): number {
  return Math.log2(156543.03392804097 / resolution)
}

export function createCameraLayer(source: VectorSource<Feature<Point>>, scale: () => number): VectorLayer<VectorSource<Feature<Point>>> {
  return new VectorLayer({
    source,
    minZoom: pointMinZoom('cameras', scale()),
    zIndex: 7,
    style: (f: FeatureLike) => cameraStyle(f.get('online') === true, scale())
  })
}

export function createStaffLayer(source: VectorSource<Feature<Point>>, scale: () => number): VectorLayer<VectorSource<Feature<Point>>> {
  return new VectorLayer({ source, minZoom: pointMinZoom('staff', scale()), zIndex: 6, style: () => staffStyle(scale()) })
}

export interface MapLayers {
  /** Bottom to top, for `new Map({ layers })`. */
  readonly all: BaseLayer[]
  readonly sources: {
    background: Src
    dimmed: Src
    shown: Src
    district: Src
    selected: Src
    buildings: VectorSource<Feature<Point>>
    cameras: VectorSource<Feature<Point>>
    staff: VectorSource<Feature<Point>>
    labels: VectorSource<Feature<Point>>
  }
  readonly shown: VectorLayer<Src>
  readonly dimmed: VectorLayer<Src>
  /** Metric values by region code; null: unavailable (neutral fill). Recomputes the breaks over the shown regions. */
  setValues(values: Readonly<Record<string, number>> | null): void
  /** Class bounds in use (empty while the metric is unavailable). */
  breaks(): readonly number[]
  setVisible(key: LayerKey, visible: boolean): void
  setBackgroundVisible(visible: boolean): void
  setLabelPx(px: number): void
  /** The markers the region names keep clear of (null: none), read on each label render. */
  setLabelObstacles(obstacles: (() => readonly MapObstacle[]) | null): void
  /** Places the names again (the markers moved). */
  refreshLabels(): void
  setScale(scale: number): void
  /** Re-classifies after the shown regions changed. */
  refreshClasses(): void
  dispose(): void
}

export function createMapLayers(options: {
  renderer: BuildingRenderer
  scale: number
  labelPx: number
  /** The extent the map shows now (moved names stay inside it), or null before it has a size. */
  viewExtent: () => Extent | null
}): MapLayers {
  let scale = options.scale
  let labelPx = options.labelPx
  let values: Readonly<Record<string, number>> | null = null
  let breaks: number[] = []
  const getScale = (): number => scale

  const sources = {
    background: newSource(),
    dimmed: newSource(),
    shown: newSource(),
    district: newSource(),
    selected: newSource(),
    buildings: new VectorSource<Feature<Point>>(),
    cameras: new VectorSource<Feature<Point>>(),
    staff: new VectorSource<Feature<Point>>(),
    labels: new VectorSource<Feature<Point>>()
  }
  const valueOf = (code: string): number | null => (values ? (values[code] ?? 0) : null)

  const background = createBackgroundLayer(sources.background)
  const dimmed = createDimmedLayer(sources.dimmed, getScale)
  const shown = createChoroplethLayer(sources.shown, valueOf, () => breaks, getScale)
  const district = createOutlineLayer(sources.district, districtStyle, getScale, 3)
  const selected = createOutlineLayer(sources.selected, selectedStyle, getScale, 4)
  const buildings = createBuildingLayer(sources.buildings, options.renderer, scale)
  const staff = createStaffLayer(sources.staff, getScale)
  const cameras = createCameraLayer(sources.cameras, getScale)
  let labelObstacles: () => readonly MapObstacle[] = () => []
  const labels = createLabelLayer(sources.labels, () => labelPx, () => labelObstacles(), () => options.viewExtent())

  const toggled: Record<LayerKey, BaseLayer[]> = {
    regions: [shown, dimmed],
    labels: [labels],
    buildings: [buildings],
    cameras: [cameras],
    staff: [staff],
    alerts: [], // the alert layer is the alert composable's (useAlertLayer), toggled there
    heat: [] // so is the heat layer (useHeatLayer)
  }
  const all: BaseLayer[] = [background, dimmed, shown, district, selected, buildings, staff, cameras, labels]

  function refreshClasses(): void {
    breaks = values ? classBreaks(sources.shown.getFeatures().map((f) => valueOf(String(f.get('code'))) ?? 0)) : []
    shown.changed()
  }

  return {
    all,
    sources,
    shown,
    dimmed,
    setValues(next) {
      values = next
      refreshClasses()
    },
    breaks: () => breaks,
    setVisible(key, visible) {
      for (const l of toggled[key]) l.setVisible(visible)
    },
    setBackgroundVisible(visible) {
      background.setVisible(visible)
    },
    setLabelPx(px) {
      if (px === labelPx) return
      labelPx = px
      labels.changed()
    },
    setLabelObstacles(obstacles) {
      labelObstacles = obstacles ?? (() => [])
      labels.changed()
    },
    refreshLabels() {
      labels.changed()
    },
    setScale(next) {
      if (next === scale) return
      scale = next
      buildings.setMinZoom(pointMinZoom('buildings', next))
      cameras.setMinZoom(pointMinZoom('cameras', next))
      staff.setMinZoom(pointMinZoom('staff', next))
      for (const l of [dimmed, shown, district, selected, staff, cameras]) l.changed()
    },
    refreshClasses,
    dispose() {
      for (const l of all) {
        if (l instanceof VectorLayer || l instanceof WebGLVectorLayer) l.setSource(null)
        l.dispose()
      }
      for (const s of Object.values(sources)) {
        s.clear(true)
        s.dispose()
      }
    }
  }
}
