import type { TileCoord } from './coords'
import { flipY } from './coords'
import type { RemoteBasemapConfig } from './config'

/**
 * Upstream URL templates, kept in main (they may hold the `tk` key). Placeholders: {z} {x} {y},
 * {-y} (TMS row), {s} (one of `subdomains`, default a b c), a range such as {0-7} or {a-c}, and
 * {tk}. WMTS configurations become a KVP GetTile template for EPSG:3857 tile matrices.
 */
export interface UpstreamTemplate {
  /** The template with {tk} still in place: names the cache source without the secret. */
  template: string
  url(c: TileCoord): string
  /** The URL with the key blanked, for log lines. */
  redact(url: string): string
}

export function wmtsTemplate(c: Extract<RemoteBasemapConfig, { kind: 'wmts' }>): string {
  const params = [
    'SERVICE=WMTS',
    'REQUEST=GetTile',
    'VERSION=1.0.0',
    `LAYER=${encodeURIComponent(c.layer)}`,
    `STYLE=${encodeURIComponent(c.style)}`,
    `TILEMATRIXSET=${encodeURIComponent(c.matrixSet)}`,
    `FORMAT=${encodeURIComponent(c.format)}`,
    `TILEMATRIX=${encodeURIComponent(c.tileMatrixPrefix)}{z}`,
    'TILEROW={y}',
    'TILECOL={x}'
  ].join('&')
  const base = c.url.replace(/[?&]+$/, '')
  return base + (base.includes('?') ? '&' : '?') + params
}

export function createUpstreamTemplate(config: RemoteBasemapConfig): UpstreamTemplate {
  let template = config.kind === 'wmts' ? wmtsTemplate(config) : config.url
  if (config.tk !== undefined && !template.includes('{tk}')) template += (template.includes('?') ? '&' : '?') + 'tk={tk}'
  const subdomains = config.subdomains ?? ['a', 'b', 'c']
  const tk = config.tk ? encodeURIComponent(config.tk) : ''
  return {
    template,
    url(c) {
      // The same tile always goes to the same subdomain, so upstream and proxy caches stay warm.
      const pick = c.x + c.y
      return template
        .replace(/\{(\w)-(\w)\}/g, (_m, a: string, b: string) => rangeItem(a, b, pick))
        .replace(/\{s\}/g, subdomains[pick % subdomains.length] ?? '')
        .replace(/\{z\}/g, String(c.z))
        .replace(/\{x\}/g, String(c.x))
        .replace(/\{-y\}/g, String(flipY(c.z, c.y)))
        .replace(/\{y\}/g, String(c.y))
        .replace(/\{tk\}/g, tk)
    },
    redact(url) {
      return tk ? url.split(tk).join('***') : url
    }
  }
}

function rangeItem(a: string, b: string, pick: number): string {
  const from = a.charCodeAt(0)
  const to = b.charCodeAt(0)
  if (to < from) return a
  return String.fromCharCode(from + (pick % (to - from + 1)))
}
