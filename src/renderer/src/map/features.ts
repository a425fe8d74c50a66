import GeoJSON from 'ol/format/GeoJSON'
import Feature from 'ol/Feature'
import Point from 'ol/geom/Point'
import type Geometry from 'ol/geom/Geometry'
import { fromLonLat } from 'ol/proj'
import type { DistrictMap, MapRegion } from '@shared/api/types'
import { assignStreetColors, streetCodeOf, unknownStreetColor } from './palette'

/** Properties every region feature carries (read by the style functions and the hover card). */
export interface RegionProps {
  code: string
  name: string
  level: MapRegion['level']
  parentCode: string | null
  streetCode: string | null
  color: string
}

/** The regions as a GeoJSON FeatureCollection (WGS-84), one feature per region, id = code. */
export function toFeatureCollection(regions: readonly MapRegion[], colors: ReadonlyMap<string, string>) {
  return {
    type: 'FeatureCollection' as const,
    features: regions.map((r) => {
      const streetCode = r.level === 'district' ? null : streetCodeOf(r.code)
      const props: RegionProps = {
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        streetCode,
        color: (streetCode && colors.get(streetCode)) || unknownStreetColor
      }
      return { type: 'Feature' as const, id: r.code, properties: props, geometry: r.geometry }
    })
  }
}

const format = new GeoJSON()

/** Reads WGS-84 regions into OpenLayers features in Web Mercator. */
export function readRegionFeatures(regions: readonly MapRegion[], colors: ReadonlyMap<string, string>): Feature<Geometry>[] {
  return format.readFeatures(toFeatureCollection(regions, colors), {
    dataProjection: 'EPSG:4326',
    featureProjection: 'EPSG:3857'
  }) as Feature<Geometry>[]
}

/** One point feature per street at its centroid, carrying the name for the label layer. */
export function streetLabelFeatures(streets: readonly MapRegion[]): Feature<Point>[] {
  return streets.map((s) => {
    const f = new Feature({ geometry: new Point(fromLonLat(s.centroid)), name: s.name, code: s.code })
    f.setId(`label:${s.code}`)
    return f
  })
}

/** Everything the map layers need, built from the API's district map. */
export function buildDistrictFeatures(map: DistrictMap) {
  const colors = assignStreetColors(map.streets.map((s) => s.code))
  return {
    colors,
    grids: readRegionFeatures(map.grids, colors),
    communities: readRegionFeatures(map.communities, colors),
    streets: readRegionFeatures(map.streets, colors),
    district: readRegionFeatures([map.district], colors),
    labels: streetLabelFeatures(map.streets)
  }
}
