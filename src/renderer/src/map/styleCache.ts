import type { Style } from 'ol/style'

/** Rounds a screen scale so that a few cached styles serve every window size. */
export const scaleKey = (scale: number): number => Math.round(scale * 20) / 20

/**
 * A style cache: OpenLayers styles are made once per key and reused (a style function runs for
 * every feature on every frame). Cleared when it grows past `limit`.
 */
export function styleCache(limit: number): <T extends Style | Style[]>(key: string, make: () => T) => T {
  const cache = new Map<string, Style | Style[]>()
  return <T extends Style | Style[]>(key: string, make: () => T): T => {
    let style = cache.get(key) as T | undefined
    if (!style) {
      style = make()
      if (cache.size > limit) cache.clear()
      cache.set(key, style)
    }
    return style
  }
}
