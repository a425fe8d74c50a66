import gcoord from 'gcoord'
import type { BasemapInfo } from '@shared/api/types'

export type LonLat = [number, number]

const identity = (lonLat: LonLat): LonLat => lonLat

/**
 * Converts a WGS-84 [lon, lat] to the basemap's coordinate system before projection, so our
 * layers sit on the tiles (GCJ-02 basemaps are offset by hundreds of metres from WGS-84).
 * Identity for WGS-84 and CGCS2000 (equal for display). gcoord leaves points outside China as
 * they are, as GCJ-02 does.
 */
export function toBasemapLonLat(info: Pick<BasemapInfo, 'crs'>): (lonLat: LonLat) => LonLat {
  if (info.crs !== 'GCJ02') return identity
  return (lonLat) => {
    const [lon, lat] = gcoord.transform<[number, number]>([lonLat[0], lonLat[1]], gcoord.WGS84, gcoord.GCJ02)
    return [lon, lat]
  }
}
