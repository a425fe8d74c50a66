import type Feature from 'ol/Feature'
import type { FeatureLike } from 'ol/Feature'
import type Geometry from 'ol/geom/Geometry'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { createEmpty, extend, isEmpty, type Extent } from 'ol/extent'
import type { DistrictMap } from '@shared/api/types'
import { buildDistrictFeatures } from './features'
import { communityStyle, districtStyle, gridStyle, streetLabelSize, streetLabelStyle, streetStyle } from './styles'
import { unknownStreetColor } from './palette'

/**
 * The district map's vector layers, bottom to top: grid fills, community borders, street
 * borders, district outline, street names (decluttered). Plain objects, never reactive.
 */
export interface DistrictLayers {
  /** In drawing order, for `new Map({ layers })`. */
  readonly all: VectorLayer<VectorSource<Feature<Geometry>>>[]
  readonly grids: VectorLayer<VectorSource<Feature<Geometry>>>
  setData(map: DistrictMap): void
  /** Highlights one grid (null: none). */
  setHovered(code: string | null): void
  /** Screen scale (1 at 1080p): line widths and label size follow it. */
  setScale(scale: number): void
  /** Extent of the district in EPSG:3857; null before data. */
  extent(): Extent | null
  featureCount(): number
  dispose(): void
}

export function createDistrictLayers(initialScale: number): DistrictLayers {
  let hovered: string | null = null
  let scale = initialScale
  let labelPx = streetLabelSize(scale)

  const source = (): VectorSource<Feature<Geometry>> => new VectorSource<Feature<Geometry>>()
  const gridSource = source()
  const communitySource = source()
  const streetSource = source()
  const districtSource = source()
  const labelSource = source()

  const gridLayer = new VectorLayer({
    source: gridSource,
    style: (f: FeatureLike) =>
      gridStyle((f.get('color') as string | undefined) ?? unknownStreetColor, f.get('code') === hovered, scale),
    updateWhileAnimating: false
  })
  const all = [
    gridLayer,
    new VectorLayer({ source: communitySource, style: () => communityStyle(scale) }),
    new VectorLayer({ source: streetSource, style: () => streetStyle(scale) }),
    new VectorLayer({ source: districtSource, style: () => districtStyle(scale) }),
    new VectorLayer({
      source: labelSource,
      declutter: true,
      style: (f: FeatureLike) => streetLabelStyle(String(f.get('name') ?? ''), labelPx),
      zIndex: 10
    })
  ]
  const sources = [gridSource, communitySource, streetSource, districtSource, labelSource]

  return {
    all,
    grids: gridLayer,
    setData(map) {
      const f = buildDistrictFeatures(map)
      for (const s of sources) s.clear(true)
      gridSource.addFeatures(f.grids)
      communitySource.addFeatures(f.communities)
      streetSource.addFeatures(f.streets)
      districtSource.addFeatures(f.district)
      labelSource.addFeatures(f.labels)
    },
    setHovered(code) {
      if (code === hovered) return
      hovered = code
      gridLayer.changed()
    },
    setScale(next) {
      if (next === scale) return
      scale = next
      labelPx = streetLabelSize(scale)
      for (const l of all) l.changed()
    },
    extent() {
      const e = createEmpty()
      const district = districtSource.getExtent()
      const grids = gridSource.getExtent()
      if (district) extend(e, district)
      if (isEmpty(e) && grids) extend(e, grids)
      return isEmpty(e) ? null : e
    },
    featureCount: () => gridSource.getFeatures().length + districtSource.getFeatures().length,
    dispose() {
      for (const s of sources) s.clear(true)
      for (const l of all) {
        l.setSource(null)
        l.dispose()
      }
      for (const s of sources) s.dispose()
    }
  }
}
