import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style'
import type { FlatStyle } from 'ol/style/flat'
import { colorFor } from './choropleth'
import { noDataColor, pointColors, riskColors, withAlpha } from './palette'
import { scaleKey, styleCache } from './styleCache'

/**
 * Pure style factories for the district map: the same input gives the same (cached) Style, so
 * thousands of features share a handful of styles. Sizes are CSS px at 1080p times `scale`.
 */
export const mapColors = {
  background: '#06101f',
  regionBorder: 'rgba(214, 230, 255, 0.55)',
  dimFill: 'rgba(3, 8, 18, 0.62)',
  dimBorder: 'rgba(150, 175, 210, 0.28)',
  districtGlow: 'rgba(64, 196, 255, 0.35)',
  districtOutline: '#7fe3ff',
  selectedGlow: 'rgba(255, 214, 102, 0.35)',
  selectedOutline: '#ffd666',
  labelFill: '#ffffff',
  labelHalo: 'rgba(4, 10, 22, 0.92)'
} as const

export const labelFontFamily = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'

/** Line widths in CSS px at 1080p. */
export const lineWidths = { region: 1.25, dim: 1, district: 3.5, selected: 4 } as const

const cached = styleCache(2000)

/** Fill alpha of a choropleth region: opaque enough to read the class, points still show on top. */
export const choroplethAlpha = 0.72

/**
 * A region coloured by its metric value's class (null: metric unavailable → neutral grey).
 * `breaks` are the class bounds from classBreaks().
 */
export function choroplethStyle(value: number | null, breaks: readonly number[], scale = 1): Style {
  const color = value === null || breaks.length === 0 ? noDataColor : colorFor(value, breaks)
  const s = scaleKey(scale)
  return cached(`choro|${color}|${s}`, () =>
    new Style({
      fill: new Fill({ color: withAlpha(color, choroplethAlpha) }),
      stroke: new Stroke({ color: mapColors.regionBorder, width: lineWidths.region * s })
    })
  )
}

/** Regions outside the selected area: darkened, faint border. */
export function dimStyle(scale = 1): Style {
  const s = scaleKey(scale)
  return cached(`dim|${s}`, () =>
    new Style({ fill: new Fill({ color: mapColors.dimFill }), stroke: new Stroke({ color: mapColors.dimBorder, width: lineWidths.dim * s }) })
  )
}

/** The district outline: a wide translucent glow under a bright line. */
export function districtStyle(scale = 1): Style[] {
  const s = scaleKey(scale)
  return cached(`district|${s}`, () => [
    new Style({ stroke: new Stroke({ color: mapColors.districtGlow, width: 12 * s }) }),
    new Style({ stroke: new Stroke({ color: mapColors.districtOutline, width: lineWidths.district * s }) })
  ])
}

/** The selected area's outline: gold, thick, with a glow; no fill (the children show through). */
export function selectedStyle(scale = 1): Style[] {
  const s = scaleKey(scale)
  return cached(`selected|${s}`, () => [
    new Style({ stroke: new Stroke({ color: mapColors.selectedGlow, width: 14 * s }) }),
    new Style({ stroke: new Stroke({ color: mapColors.selectedOutline, width: lineWidths.selected * s }) })
  ])
}

/** A large bold name with a dark halo, readable from across the room; offset (CSS px) to keep clear of alert markers (labelPlacement.ts). */
export function labelStyle(name: string, fontPx: number, offsetX = 0, offsetY = 0): Style {
  return cached(`label|${name}|${fontPx}|${offsetX}|${offsetY}`, () =>
    new Style({
      text: new Text({
        text: name,
        offsetX,
        offsetY,
        font: `bold ${fontPx}px ${labelFontFamily}`,
        fill: new Fill({ color: mapColors.labelFill }),
        stroke: new Stroke({ color: mapColors.labelHalo, width: Math.max(3, Math.round(fontPx / 5)) }),
        padding: [4, 6, 4, 6],
        overflow: true
      })
    })
  )
}

/** Cameras: online a filled cyan square, offline a grey cross: told apart by shape, not only colour. */
export function cameraStyle(online: boolean, scale = 1): Style {
  const s = scaleKey(scale)
  return cached(`camera|${online}|${s}`, () =>
    online
      ? new Style({
          image: new RegularShape({
            points: 4,
            radius: 6.5 * s,
            angle: Math.PI / 4,
            fill: new Fill({ color: pointColors.cameraOnline }),
            stroke: new Stroke({ color: pointColors.outline, width: 1.5 * s })
          }),
          zIndex: 1
        })
      : new Style({
          image: new RegularShape({
            points: 4,
            radius: 7 * s,
            radius2: 0,
            angle: Math.PI / 4,
            stroke: new Stroke({ color: pointColors.cameraOffline, width: 3 * s })
          }),
          zIndex: 0
        })
  )
}

/** A grid worker's last known position: a white dot in a violet ring. */
export function staffStyle(scale = 1): Style {
  const s = scaleKey(scale)
  return cached(`staff|${s}`, () =>
    new Style({
      image: new Circle({
        radius: 4.5 * s,
        fill: new Fill({ color: pointColors.staff }),
        stroke: new Stroke({ color: pointColors.staffRing, width: 2.5 * s })
      })
    })
  )
}

/** Building dot radius in CSS px: grows from 2 px at zoom 13 to 7 px at zoom 18 (× scale). */
export function buildingRadius(zoom: number, scale = 1): number {
  const z = Math.min(18, Math.max(13, zoom))
  return (2 + (z - 13)) * scale
}

/**
 * Buildings for the WebGL layer: a flat style, the colour by a `match` on the feature's `risk`
 * (0 safe, 1 normal, 2 warning), the radius by zoom; warning buildings drawn larger.
 */
export function buildingFlatStyle(scale = 1): FlatStyle {
  const s = scaleKey(scale)
  return {
    'circle-radius': [
      '*',
      ['interpolate', ['linear'], ['zoom'], 13, 2 * s, 18, 7 * s],
      ['match', ['get', 'risk'], 2, 1.3, 1]
    ],
    'circle-fill-color': ['match', ['get', 'risk'], 0, riskColors[0], 1, riskColors[1], 2, riskColors[2], '#888888'],
    'circle-stroke-color': pointColors.outline,
    'circle-stroke-width': 0.75 * s
  }
}

/** The same buildings as ordinary canvas styles (for the frame-time comparison). */
export function buildingCanvasStyle(risk: number, zoom: number, scale = 1): Style {
  const r = Math.round(buildingRadius(zoom, scale) * (risk === 2 ? 1.3 : 1) * 4) / 4
  return cached(`building|${risk}|${r}|${scaleKey(scale)}`, () =>
    new Style({
      image: new Circle({
        radius: r,
        fill: new Fill({ color: riskColors[risk] ?? '#888888' }),
        stroke: new Stroke({ color: pointColors.outline, width: 0.75 * scaleKey(scale) })
      })
    })
  )
}
