import { Fill, Stroke, Style, Text } from 'ol/style'
import { withAlpha } from './palette'

/**
 * Pure style factories for the district map: the same input gives an equal style, and the
 * cached ones return the same Style object, so thousands of grids share a handful of styles.
 */
export const mapColors = {
  background: '#06101f',
  gridBorder: 'rgba(214, 230, 255, 0.22)',
  communityBorder: 'rgba(214, 230, 255, 0.55)',
  streetBorder: 'rgba(236, 244, 255, 0.9)',
  districtGlow: 'rgba(64, 196, 255, 0.35)',
  districtOutline: '#7fe3ff',
  hoverBorder: '#ffffff',
  labelFill: '#ffffff',
  labelHalo: 'rgba(4, 10, 22, 0.92)'
} as const

export const labelFontFamily = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'

/** Border widths in CSS pixels at 1080p, thin → thick by level. */
export const borderWidths = { grid: 0.75, community: 1.5, street: 3, district: 3.5 } as const

/** Rounds a screen scale so that a few cached styles serve every window size. */
const scaleKey = (scale: number): number => Math.round(scale * 20) / 20

const gridCache = new Map<string, Style>()

/**
 * A grid filled with its street's colour; hovered grids are brighter with a white border.
 * `scale` (1 at 1080p, 2 on a 4K wall) thickens the lines like the text.
 */
export function gridStyle(streetColor: string, hovered: boolean, scale = 1): Style {
  const s = scaleKey(scale)
  const key = `${streetColor}|${hovered}|${s}`
  let style = gridCache.get(key)
  if (!style) {
    style = new Style({
      fill: new Fill({ color: withAlpha(streetColor, hovered ? 0.9 : 0.5) }),
      stroke: new Stroke({
        color: hovered ? mapColors.hoverBorder : mapColors.gridBorder,
        width: (hovered ? 2.5 : borderWidths.grid) * s
      }),
      zIndex: hovered ? 1 : 0
    })
    if (gridCache.size > 200) gridCache.clear()
    gridCache.set(key, style)
  }
  return style
}

const borderCache = new Map<string, Style | Style[]>()
function cachedBorder<T extends Style | Style[]>(key: string, make: () => T): T {
  let style = borderCache.get(key) as T | undefined
  if (!style) {
    style = make()
    if (borderCache.size > 60) borderCache.clear()
    borderCache.set(key, style)
  }
  return style
}

export function communityStyle(scale = 1): Style {
  const s = scaleKey(scale)
  return cachedBorder(`community|${s}`, () => new Style({ stroke: new Stroke({ color: mapColors.communityBorder, width: borderWidths.community * s }) }))
}

export function streetStyle(scale = 1): Style {
  const s = scaleKey(scale)
  return cachedBorder(`street|${s}`, () => new Style({ stroke: new Stroke({ color: mapColors.streetBorder, width: borderWidths.street * s }) }))
}

/** A wide translucent glow under a bright line. */
export function districtStyle(scale = 1): Style[] {
  const s = scaleKey(scale)
  return cachedBorder(`district|${s}`, () => [
    new Style({ stroke: new Stroke({ color: mapColors.districtGlow, width: 12 * s }) }),
    new Style({ stroke: new Stroke({ color: mapColors.districtOutline, width: borderWidths.district * s }) })
  ])
}

/** Street-name label size in CSS px: 26 px at 1080p, growing with the screen. */
export function streetLabelSize(scale: number): number {
  return Math.max(18, Math.round(26 * scale))
}

const labelCache = new Map<string, Style>()

/** A large bold street name with a dark halo, readable from across the room. */
export function streetLabelStyle(name: string, fontPx: number): Style {
  const key = `${name}|${fontPx}`
  let style = labelCache.get(key)
  if (!style) {
    style = new Style({
      text: new Text({
        text: name,
        font: `bold ${fontPx}px ${labelFontFamily}`,
        fill: new Fill({ color: mapColors.labelFill }),
        stroke: new Stroke({ color: mapColors.labelHalo, width: Math.max(3, Math.round(fontPx / 5)) }),
        padding: [2, 4, 2, 4]
      })
    })
    if (labelCache.size > 500) labelCache.clear()
    labelCache.set(key, style)
  }
  return style
}
