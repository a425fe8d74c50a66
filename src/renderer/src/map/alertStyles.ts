import { Circle, Fill, Stroke, Style, Text } from 'ol/style'
import type { AlertStatus, AlertType } from '@shared/domain/alert'
import { isHighSeverity } from '@shared/domain/alert'
import { labelFontFamily } from './styles'
import { withAlpha } from './palette'
import { scaleKey, styleCache } from './styleCache'

/**
 * Pure style factories for the camera-AI alert layer (DOMAIN.md §4): a marker per alert coloured
 * by severity, a numbered disc per cluster coloured by its most severe member, a gold ring on the
 * selected one, and the frames of the pulse ring. Same input → the same cached Style. Sizes are
 * CSS px at 1080p times `scale`.
 */

/** Red for danger to people (isHighSeverity), amber for the rest, grey for a closed alert still selected. */
export const alertColors = {
  high: '#ff3b4e',
  normal: '#ffb020',
  closed: '#8b95a8',
  ring: '#ffffff',
  selected: '#ffd666',
  halo: 'rgba(3, 8, 18, 0.85)',
  countHalo: 'rgba(4, 10, 22, 0.9)'
} as const

/**
 * Severity rank, higher is more urgent: 4 high & new, 3 high & acknowledged, 2 other & new,
 * 1 other & acknowledged, 0 dispatched or dismissed (off the map unless selected).
 */
export type AlertRank = 0 | 1 | 2 | 3 | 4
export function alertRank(type: AlertType, status: AlertStatus): AlertRank {
  if (status !== 'new' && status !== 'acknowledged') return 0
  return ((isHighSeverity(type) ? 3 : 1) + (status === 'new' ? 1 : 0)) as AlertRank
}

export function rankColor(rank: AlertRank): string {
  return rank >= 3 ? alertColors.high : rank >= 1 ? alertColors.normal : alertColors.closed
}

/** Marker radius of a single alert (CSS px at 1080p). */
export const alertRadius = 10

/** Radius of a cluster's disc by its count: room for one, two or three digits at the count font. */
export function clusterRadius(count: number): number {
  return count < 10 ? 14 : count < 100 ? 17 : 21
}

/** Count font of a cluster (bold, CSS px at 1080p): readable from 5 m on a 1080p wall cell. */
export const clusterFontPx = 18

const cached = styleCache(500)

function selectionRing(radius: number, s: number): Style[] {
  return [
    new Style({ image: new Circle({ radius: radius + 6 * s, stroke: new Stroke({ color: alertColors.halo, width: 6 * s }) }) }),
    new Style({ image: new Circle({ radius: radius + 6 * s, stroke: new Stroke({ color: alertColors.selected, width: 3.5 * s }) }) })
  ]
}

/**
 * One alert: new ones a solid disc in the severity colour with a white rim and an "!"; acknowledged
 * ones (seen, still open) hollow: a dark disc with a thick rim and "!" in the colour; a closed one
 * still selected the same in grey. A dark halo keeps markers apart from the choropleth and the
 * building dots; the selected one gets the gold ring.
 */
export function alertMarkerStyle(rank: AlertRank, selected: boolean, scale = 1): Style[] {
  const s = scaleKey(scale)
  return cached(`alert|${rank}|${selected}|${s}`, () => {
    const r = alertRadius * s
    const isNew = rank === 4 || rank === 2
    const color = rankColor(rank)
    const glyph = isNew ? (rank === 2 ? '#1a1200' : '#ffffff') : color
    const styles = [
      new Style({ image: new Circle({ radius: r + 2 * s, fill: new Fill({ color: alertColors.halo }) }) }),
      new Style({
        image: new Circle({
          radius: r,
          fill: new Fill({ color: isNew ? color : alertColors.halo }),
          stroke: new Stroke({ color: isNew ? alertColors.ring : color, width: (isNew ? 2.5 : 3) * s })
        }),
        text: new Text({
          text: '!',
          font: `900 ${Math.round(13 * s)}px ${labelFontFamily}`,
          fill: new Fill({ color: glyph }),
          offsetY: Math.round(0.5 * s)
        })
      })
    ]
    return selected ? [...selectionRing(r, s), ...styles] : styles
  })
}

/** A cluster: a disc in its most severe member's colour, a faint outer band, the count in bold white. */
export function clusterStyle(rank: AlertRank, count: number, selected: boolean, scale = 1): Style[] {
  const s = scaleKey(scale)
  const text = count > 999 ? '999+' : String(count)
  return cached(`cluster|${rank}|${text}|${selected}|${s}`, () => {
    const r = clusterRadius(count) * s
    const color = rankColor(rank)
    const styles = [
      new Style({ image: new Circle({ radius: r + 5 * s, fill: new Fill({ color: withAlpha(color, 0.3) }) }) }),
      new Style({
        image: new Circle({
          radius: r,
          fill: new Fill({ color: withAlpha(color, 0.95) }),
          stroke: new Stroke({ color: alertColors.ring, width: 2.5 * s })
        }),
        text: new Text({
          text,
          font: `bold ${Math.round(clusterFontPx * s)}px ${labelFontFamily}`,
          fill: new Fill({ color: '#ffffff' }),
          stroke: new Stroke({ color: alertColors.countHalo, width: Math.max(3, Math.round(4 * s)) }),
          offsetY: Math.round(1 * s)
        })
      })
    ]
    return selected ? [...selectionRing(r + 5 * s, s), ...styles] : styles
  })
}

/** Frames per pulse period: the ring's phase is quantised so a few dozen styles serve every frame. */
export const pulseSteps = 24
/** One pulse: a ring grows from the marker's edge and fades out over this time. */
export const pulsePeriodMs = 1600

/** The pulse frame at `now` (0 … pulseSteps − 1). */
export function pulseStep(now: number): number {
  const phase = (((now % pulsePeriodMs) + pulsePeriodMs) % pulsePeriodMs) / pulsePeriodMs
  return Math.min(pulseSteps - 1, Math.floor(phase * pulseSteps))
}

/** The pulse ring around a marker of `baseRadius` CSS px (already scaled) at frame `step`. */
export function pulseStyle(step: number, baseRadius: number, scale = 1): Style {
  const s = scaleKey(scale)
  const base = Math.round(baseRadius)
  return cached(`pulse|${step}|${base}|${s}`, () => {
    const t = step / pulseSteps
    return new Style({
      image: new Circle({
        radius: base + 3 * s + t * 20 * s,
        stroke: new Stroke({ color: withAlpha(alertColors.high, Math.round((1 - t) * 0.9 * 100) / 100), width: 3.5 * s })
      })
    })
  })
}
