import type Feature from 'ol/Feature'
import type { FeatureLike } from 'ol/Feature'
import type { Extent } from 'ol/extent'
import type Point from 'ol/geom/Point'
import type SimpleGeometry from 'ol/geom/SimpleGeometry'
import VectorLayer from 'ol/layer/Vector'
import type VectorSource from 'ol/source/Vector'
import { labelBox, labelOffset, type LabelObstacle } from './labelPlacement'
import { labelStyle } from './styles'

/** How far a moved name stays from the edges of the map's view (CSS px). */
const LABEL_MARGIN_PX = 8

/** A marker labels keep clear of: its position (EPSG:3857) and radius (CSS px). */
export interface MapObstacle {
  coordinate: number[]
  r: number
}

/**
 * Names of the shown regions, decluttered (overlapping labels are dropped, never drawn over each
 * other), each moved off the alert markers `obstacles` gives (placeLabels, labelPlacement.ts).
 * The placement is made once per render of the layer, not per name.
 */
export function createLabelLayer(
  source: VectorSource<Feature<Point>>,
  fontPx: () => number,
  obstacles: () => readonly MapObstacle[],
  view: () => Extent | null
): VectorLayer<VectorSource<Feature<Point>>> {
  let placed: { key: string; offsets: Map<FeatureLike, [number, number]> } | null = null
  // The view (it reads the overlays' sizes from the DOM) once per styling pass, not once per name:
  // the layer styles all its names in one synchronous pass, so the value is dropped after it.
  let passView: { extent: Extent | null } | null = null
  const currentView = (): Extent | null => {
    if (!passView) {
      passView = { extent: view() }
      queueMicrotask(() => (passView = null))
    }
    return passView.extent
  }
  const layer: VectorLayer<VectorSource<Feature<Point>>> = new VectorLayer({
    source,
    declutter: true,
    zIndex: 10,
    style: (f: FeatureLike, resolution: number) => {
      const shown = currentView()
      const key = `${resolution}|${layer.getRevision()}|${source.getRevision()}|${shown?.join(',') ?? ''}`
      if (placed?.key !== key) placed = { key, offsets: placeLabels(source.getFeatures(), fontPx(), obstacles(), resolution, shown) }
      const [x, y] = placed.offsets.get(f) ?? [0, 0]
      return labelStyle(String(f.get('name') ?? ''), fontPx(), Math.round(x), Math.round(y))
    }
  })
  return layer
}

/**
 * One placement pass over the names: a name a marker covers moves to the nearest place where none
 * does, or else where they cover it least. A place may be taken only inside the view (less a
 * margin), with the name's centre inside its region, and off every other name where that one
 * stands or was moved to (so declutter never drops a name for a move).
 */
function placeLabels(
  features: readonly Feature<Point>[],
  px: number,
  markers: readonly MapObstacle[],
  resolution: number,
  shown: Extent | null
): Map<FeatureLike, [number, number]> {
  const offsets = new Map<FeatureLike, [number, number]>()
  if (markers.length === 0) return offsets
  const labels = features.flatMap((f) => {
    const at = f.getGeometry()?.getCoordinates()
    return at ? [{ f, at, box: labelBox(String(f.get('name') ?? ''), px) }] : []
  })
  /** Where each name stands now, in map units: its anchor until it is moved. */
  const boxes = new Map(labels.map((l) => [l.f, { x: l.at[0]!, y: l.at[1]!, w: l.box.width * resolution, h: l.box.height * resolution }]))
  const margin = LABEL_MARGIN_PX * resolution
  for (const { f, at, box } of labels) {
    const [ax, ay] = at as [number, number]
    const near: LabelObstacle[] = []
    for (const m of markers) {
      const dx = (m.coordinate[0]! - ax) / resolution
      const dy = (ay - m.coordinate[1]!) / resolution
      if (Math.abs(dx) < box.width * 2 + m.r && Math.abs(dy) < box.width * 2 + m.r) near.push({ dx, dy, r: m.r })
    }
    if (near.length === 0) continue
    const region = f.get('region') as SimpleGeometry | undefined
    const own = boxes.get(f)!
    // The names a move could reach (a few label widths around), not all of them.
    const reach = own.w * 3
    const neighbours = labels.filter((l) => l.f !== f && Math.abs(l.at[0]! - ax) < reach && Math.abs(l.at[1]! - ay) < reach).map((l) => l.f)
    const allowed = (dx: number, dy: number): boolean => {
      const cx = ax + dx * resolution
      const cy = ay - dy * resolution
      const inView = !shown || (cx - own.w / 2 - margin >= shown[0]! && cx + own.w / 2 + margin <= shown[2]! && cy - own.h / 2 - margin >= shown[1]! && cy + own.h / 2 + margin <= shown[3]!)
      if (!inView || (region && !region.intersectsCoordinate([cx, cy]))) return false
      for (const other of neighbours) {
        const b = boxes.get(other)!
        if (Math.abs(b.x - cx) < (b.w + own.w) / 2 && Math.abs(b.y - cy) < (b.h + own.h) / 2) return false
      }
      return true
    }
    const [x, y] = labelOffset(box, near, allowed)
    if (x === 0 && y === 0) continue
    offsets.set(f, [x, y])
    boxes.set(f, { ...own, x: ax + x * resolution, y: ay - y * resolution })
  }
  return offsets
}
