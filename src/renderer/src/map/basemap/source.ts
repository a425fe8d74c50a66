import type { BasemapInfo } from '@shared/api/types'

/** What the basemap's OpenLayers XYZ source is built from: plain data, testable without a DOM. */
export interface BasemapSourceOptions {
  /** Root-relative, so it resolves against the page's own origin (http://host:port or app://gcc). */
  url: string
  minZoom: number
  maxZoom: number
  attributions: string | undefined
  projection: 'EPSG:3857'
}

/**
 * The source options for a basemap, or null when there are no tiles to draw: kind 'none', no
 * tileUrl, or a tileUrl that is not on our own origin (tiles only ever come from our /tiles
 * route; the CSP would refuse anything else anyway).
 */
export function basemapSourceOptions(info: BasemapInfo): BasemapSourceOptions | null {
  const url = info.tileUrl
  if (info.kind === 'none' || !url || !url.startsWith('/') || url.startsWith('//')) return null
  if (!url.includes('{z}') || !url.includes('{x}') || !url.includes('{y}')) return null
  const minZoom = clampZoom(info.minZoom, 0)
  const maxZoom = Math.max(minZoom, clampZoom(info.maxZoom, 18))
  return { url, minZoom, maxZoom, attributions: info.attribution.trim() || undefined, projection: 'EPSG:3857' }
}

function clampZoom(z: number, fallback: number): number {
  return Number.isInteger(z) ? Math.min(22, Math.max(0, z)) : fallback
}
