import { haversineM, ringOf } from '@shared/domain/ringGeometry'

/** Where the incident's rings are: their centre (WGS-84) and radii, innermost first. */
export interface RingFrame {
  centre: { lon: number; lat: number }
  ringsM: readonly number[]
}

/** The innermost ring holding a WGS-84 point, or null outside the last one (or with no rings). */
export function ringAt(frame: RingFrame | null, lon: number, lat: number): number | null {
  if (!frame || frame.ringsM.length === 0 || !Number.isFinite(lon) || !Number.isFinite(lat)) return null
  return ringOf(haversineM(frame.centre.lon, frame.centre.lat, lon, lat), frame.ringsM)
}

/**
 * The alert feed while an incident runs: alerts inside the rings first, innermost ring first,
 * newest first within a ring; the alerts outside keep their order after them (the feed's own,
 * newest first). Without rings the list is returned as it is.
 */
export function inRingsFirst<T extends { lon: number; lat: number; at: number }>(items: readonly T[], frame: RingFrame | null): readonly T[] {
  if (!frame || frame.ringsM.length === 0) return items
  const keyed = items.map((item, index) => ({ item, index, ring: ringAt(frame, item.lon, item.lat) }))
  keyed.sort((a, b) => {
    if (a.ring === null || b.ring === null) return a.ring === b.ring ? a.index - b.index : a.ring === null ? 1 : -1
    return a.ring - b.ring || b.item.at - a.item.at || a.index - b.index
  })
  return keyed.map((k) => k.item)
}
