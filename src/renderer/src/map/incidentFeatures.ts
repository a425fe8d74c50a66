import Feature from 'ol/Feature'
import Point from 'ol/geom/Point'
import Polygon, { circular } from 'ol/geom/Polygon'
import type { RingAnalysis } from '@shared/api/types'
import type { Project } from './features'

/**
 * OpenLayers features of the running incident (pure: unit-tested without a DOM): its rings as
 * geodesic circles (`circular` on WGS-84, then projected: a plain Circle in EPSG:3857 would be
 * 1/cos(lat) too large), a label on each ring's north point, the incident marker and the nearest
 * resources. Every feature carries `kind` for the style function.
 */
export type IncidentFeatureKind = 'ring' | 'ringLabel' | 'incident' | 'vanguard' | 'worker' | 'shelter' | 'supplyPoint'

/** Vertices per ring: smooth at any zoom the wall uses. */
export const RING_VERTICES = 64
/** Resources of each kind drawn on the map (the panel lists the same nearest ones). */
export const MAP_RESOURCES_PER_KIND = 8

/**
 * Where a ring's label sits, as a vertex of its circle (circular() starts at bearing 0, north, and
 * goes round): the outer ring's label at the north, the next one in at the north-east, the third
 * at the north-west, so that close rings' labels do not cover each other. `fromOuter`: 0 = outermost.
 */
export function labelVertex(fromOuter: number): number {
  return [0, RING_VERTICES / 8, (7 * RING_VERTICES) / 8][fromOuter % 3]!
}

/** One ring, outermost first in the returned list so that inner rings draw on top. */
export function ringFeatures(analysis: Pick<RingAnalysis, 'centre' | 'ringsM'>, project: Project, label: (m: number) => string): Feature[] {
  const centre: [number, number] = [analysis.centre.lon, analysis.centre.lat]
  const out: Feature[] = []
  for (let i = analysis.ringsM.length - 1; i >= 0; i--) {
    const radius = analysis.ringsM[i]!
    const wgs = circular(centre, radius, RING_VERTICES)
    const rings = wgs.getCoordinates().map((ring) => ring.map((c) => project([c[0]!, c[1]!])))
    const ring = new Feature({ geometry: new Polygon(rings), kind: 'ring', ring: i, radiusM: radius })
    ring.setId(`ring:${i}`)
    const at = rings[0]![labelVertex(analysis.ringsM.length - 1 - i)]!
    const text = new Feature({ geometry: new Point(at), kind: 'ringLabel', ring: i, label: label(radius) })
    text.setId(`ring-label:${i}`)
    out.push(ring, text)
  }
  return out
}

export function incidentMarker(analysis: Pick<RingAnalysis, 'centre'>, project: Project): Feature<Point> {
  const f = new Feature({ geometry: new Point(project([analysis.centre.lon, analysis.centre.lat])), kind: 'incident' })
  f.setId('incident')
  return f
}

/** Kinds of resource marker that a click dispatches a task to (the staff id is their `resourceId`). */
export const dispatchableKinds: readonly IncidentFeatureKind[] = ['vanguard', 'worker']

/** The nearest resources of each kind as points carrying kind, their id (`resourceId`: a staff id for vanguard and workers), name and distance. */
export function resourceFeatures(resources: RingAnalysis['resources'], project: Project, perKind = MAP_RESOURCES_PER_KIND): Feature<Point>[] {
  const lists: [IncidentFeatureKind, { id: string; name: string; lon: number; lat: number; distanceM: number }[]][] = [
    ['shelter', resources.shelters],
    ['supplyPoint', resources.supplyPoints],
    ['vanguard', resources.vanguard],
    ['worker', resources.workers]
  ]
  const out: Feature<Point>[] = []
  for (const [kind, items] of lists)
    for (const r of items.slice(0, perKind)) {
      const f = new Feature({ geometry: new Point(project([r.lon, r.lat])), kind, resourceId: r.id, name: r.name, distanceM: r.distanceM })
      f.setId(`${kind}:${r.id}`)
      out.push(f)
    }
  return out
}

/** Everything the incident layer draws. */
export function incidentFeatures(analysis: RingAnalysis, project: Project, label: (m: number) => string): Feature[] {
  return [...ringFeatures(analysis, project, label), ...resourceFeatures(analysis.resources, project), incidentMarker(analysis, project)]
}
