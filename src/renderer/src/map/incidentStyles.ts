import type { FeatureLike } from 'ol/Feature'
import { Circle, Fill, RegularShape, Stroke, Style, Text } from 'ol/style'
import { labelFontFamily } from './styles'
import { scaleKey, styleCache } from './styleCache'
import type { IncidentFeatureKind } from './incidentFeatures'

/**
 * Styles of the incident layer (pure, cached): rings red → amber → yellow from the inside out, a
 * thick dashed line over a faint fill so the district stays readable under them; ring labels on a
 * dark plate; the incident as a large red marker; resources by kind. Sizes are CSS px at 1080p
 * times `scale`.
 */
export const ringColors = ['#ff3b3b', '#ff8a1f', '#ffd21f'] as const
export const resourceColors: Readonly<Record<'vanguard' | 'worker' | 'shelter' | 'supplyPoint', string>> = {
  vanguard: '#ff5f7a',
  worker: '#34d1ff',
  shelter: '#35d49a',
  supplyPoint: '#b58cff'
}

const cached = styleCache(200)
const ringColor = (ring: number): string => ringColors[Math.min(ring, ringColors.length - 1)]!

export function ringStyle(ring: number, scale = 1): Style {
  const s = scaleKey(scale)
  const color = ringColor(ring)
  return cached(`ring|${ring}|${s}`, () =>
    new Style({
      fill: new Fill({ color: `${color}${ring === 0 ? '2e' : '14'}` }),
      stroke: new Stroke({ color, width: (ring === 0 ? 4 : 3) * s, lineDash: ring === 0 ? undefined : [14 * s, 8 * s] }),
      zIndex: 10 - ring
    })
  )
}

export function ringLabelStyle(ring: number, label: string, scale = 1): Style {
  const s = scaleKey(scale)
  return cached(`ringLabel|${ring}|${label}|${s}`, () =>
    new Style({
      text: new Text({
        text: label,
        font: `700 ${Math.round(22 * s)}px ${labelFontFamily}`,
        fill: new Fill({ color: '#1a0b00' }),
        backgroundFill: new Fill({ color: ringColor(ring) }),
        padding: [3 * s, 8 * s, 3 * s, 8 * s].map(Math.round),
        textBaseline: 'bottom',
        offsetY: -4 * s,
        overflow: true
      }),
      zIndex: 20
    })
  )
}

export function incidentMarkerStyle(scale = 1): Style[] {
  const s = scaleKey(scale)
  return cached(`incident|${s}`, () => [
    new Style({ image: new Circle({ radius: 22 * s, fill: new Fill({ color: 'rgba(255, 59, 59, 0.35)' }) }), zIndex: 30 }),
    new Style({
      image: new RegularShape({ points: 5, radius: 16 * s, radius2: 7 * s, fill: new Fill({ color: '#ff3b3b' }), stroke: new Stroke({ color: '#ffffff', width: 2.5 * s }) }),
      zIndex: 31
    })
  ])
}

export function resourceStyle(kind: keyof typeof resourceColors, scale = 1): Style {
  const s = scaleKey(scale)
  const fill = new Fill({ color: resourceColors[kind] })
  const stroke = new Stroke({ color: '#06101f', width: 2 * s })
  return cached(`resource|${kind}|${s}`, () =>
    new Style({
      image:
        kind === 'shelter'
          ? new RegularShape({ points: 4, radius: 11 * s, angle: Math.PI / 4, fill, stroke })
          : kind === 'supplyPoint'
            ? new RegularShape({ points: 3, radius: 12 * s, fill, stroke })
            : new Circle({ radius: 7 * s, fill, stroke }),
      zIndex: 25
    })
  )
}

/** The layer's style function. */
export function incidentStyle(scale: () => number): (feature: FeatureLike) => Style | Style[] | undefined {
  return (feature) => {
    const kind = feature.get('kind') as IncidentFeatureKind
    const s = scale()
    if (kind === 'ring') return ringStyle(Number(feature.get('ring')), s)
    if (kind === 'ringLabel') return ringLabelStyle(Number(feature.get('ring')), String(feature.get('label')), s)
    if (kind === 'incident') return incidentMarkerStyle(s)
    return resourceStyle(kind, s)
  }
}
