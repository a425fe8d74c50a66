import type Feature from 'ol/Feature'
import type OlMap from 'ol/Map'
import type { Pixel } from 'ol/pixel'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { isEmpty, type Extent } from 'ol/extent'
import type { RingAnalysis } from '@shared/api/types'
import type { Project } from './features'
import { dispatchableKinds, incidentFeatures, type IncidentFeatureKind } from './incidentFeatures'
import { incidentStyle } from './incidentStyles'

export interface IncidentLayer {
  layer: VectorLayer<VectorSource<Feature>>
  /** Replaces the drawn incident (null: nothing). */
  set(analysis: RingAnalysis | null, project: Project, label: (m: number) => string): void
  /** Rings drawn. */
  rings(): number
  /** The outer ring's extent, or null. */
  extent(): Extent | null
  /** The vanguard member's or worker's marker nearest `pixel` within `tolerance` px (a generous hit area: the wall is touched under stress), or null. */
  staffAt(map: OlMap, pixel: Pixel, tolerance: number): Feature | null
  dispose(): void
}

/** The incident layer: plain OpenLayers objects (never reactive), above the district's layers. */
export function createIncidentLayer(scale: () => number): IncidentLayer {
  const source = new VectorSource<Feature>()
  const layer = new VectorLayer({ source, style: incidentStyle(scale), zIndex: 50, updateWhileAnimating: true, updateWhileInteracting: true })
  let ringCount = 0
  return {
    layer,
    set(analysis, project, label) {
      source.clear(true)
      ringCount = 0
      if (!analysis) return
      source.addFeatures(incidentFeatures(analysis, project, label))
      ringCount = analysis.ringsM.length
    },
    rings: () => ringCount,
    extent() {
      const outer = source.getFeatureById(`ring:${ringCount - 1}`)
      const e = outer?.getGeometry()?.getExtent()
      return e && !isEmpty(e) ? e : null
    },
    staffAt(map, pixel, tolerance) {
      let best: Feature | null = null
      let bestD = Infinity
      map.forEachFeatureAtPixel(
        pixel,
        (f) => {
          const at = (f as Feature).getGeometry()?.getExtent()
          if (!at || !dispatchableKinds.includes(f.get('kind') as IncidentFeatureKind)) return
          const [x = NaN, y = NaN] = map.getPixelFromCoordinate([at[0]!, at[1]!]) ?? []
          const d = Math.hypot(x - pixel[0]!, y - pixel[1]!)
          if (d < bestD) [best, bestD] = [f as Feature, d]
        },
        { layerFilter: (l) => l === layer, hitTolerance: tolerance }
      )
      return best
    },
    dispose() {
      source.clear(true)
      layer.setSource(null)
      layer.dispose()
      source.dispose()
    }
  }
}
