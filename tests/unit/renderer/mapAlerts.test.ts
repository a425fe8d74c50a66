import { describe, expect, it } from 'vitest'
import type Circle from 'ol/style/Circle'
import type { AlertView } from '@shared/api/alertTypes'
import type { AlertStatus, AlertType } from '@shared/domain/alert'
import { alertTypes, isHighSeverity } from '@shared/domain/alert'
import {
  alertColors,
  alertMarkerStyle,
  alertRank,
  clusterRadius,
  clusterStyle,
  pulsePeriodMs,
  pulseStep,
  pulseSteps,
  pulseStyle,
  rankColor
} from '@renderer/map/alertStyles'
import { centreFor, clusterSummary, diffAlerts, focusPlan, isOpenAlert, isPulsing, PULSE_FPS, PULSE_FRESH_MS, shownAlerts } from '@renderer/map/alertLayer'
import { withAlpha } from '@renderer/map/palette'
import { alertView } from '../../support/alertView'

const NOW = Date.UTC(2025, 5, 1, 6, 0, 0)

const alert = (id: string, over: Partial<AlertView> = {}): AlertView =>
  alertView(id, { type: 'illegalParking', score: 0.9, at: NOW - 60_000, lon: 114.05, lat: 22.55, gridCode: '440311-003-02-017', communityCode: '440311-003-02', streetCode: '440311-003', ...over })

const high: AlertType = 'fireSmoke'
const normal: AlertType = 'illegalParking'

describe('alert severity and colour', () => {
  it('ranks high & new > high & acknowledged > other & new > other & acknowledged > closed', () => {
    expect(isHighSeverity(high)).toBe(true)
    expect(isHighSeverity(normal)).toBe(false)
    const order: [AlertType, AlertStatus][] = [
      [high, 'new'],
      [high, 'acknowledged'],
      [normal, 'new'],
      [normal, 'acknowledged'],
      [high, 'dispatched']
    ]
    const ranks = order.map(([t, s]) => alertRank(t, s))
    expect(ranks).toEqual([4, 3, 2, 1, 0])
    expect(alertRank(normal, 'dismissed')).toBe(0)
  })

  it('colours high severity red, the others amber, closed grey, for every type', () => {
    for (const t of alertTypes) {
      const c = rankColor(alertRank(t, 'new'))
      expect(c).toBe(isHighSeverity(t) ? alertColors.high : alertColors.normal)
    }
    expect(rankColor(0)).toBe(alertColors.closed)
    expect(new Set([alertColors.high, alertColors.normal, alertColors.closed]).size).toBe(3)
  })

  it('draws a new alert solid with a white rim, an acknowledged one hollow; the selected one ringed in gold', () => {
    const disc = (styles: ReturnType<typeof alertMarkerStyle>): Circle => styles.at(-1)!.getImage() as Circle
    expect(disc(alertMarkerStyle(4, false)).getFill()?.getColor()).toBe(alertColors.high)
    expect(disc(alertMarkerStyle(4, false)).getStroke()?.getColor()).toBe(alertColors.ring)
    expect(disc(alertMarkerStyle(2, false)).getFill()?.getColor()).toBe(alertColors.normal)
    // Acknowledged: hollow, rim in the severity colour; closed (still selected): grey.
    expect(disc(alertMarkerStyle(3, false)).getFill()?.getColor()).toBe(alertColors.halo)
    expect(disc(alertMarkerStyle(3, false)).getStroke()?.getColor()).toBe(alertColors.high)
    expect(disc(alertMarkerStyle(1, false)).getStroke()?.getColor()).toBe(alertColors.normal)
    expect(disc(alertMarkerStyle(0, false)).getStroke()?.getColor()).toBe(alertColors.closed)
    const plain = alertMarkerStyle(4, false)
    const ringed = alertMarkerStyle(4, true)
    expect(ringed.length).toBe(plain.length + 2)
    expect((ringed[1]!.getImage() as Circle).getStroke()?.getColor()).toBe(alertColors.selected)
    // Cached: the same inputs give the same objects.
    expect(alertMarkerStyle(4, true)).toBe(ringed)
    // Scales with the wall.
    expect(disc(alertMarkerStyle(4, false, 2)).getRadius()).toBe(2 * disc(plain).getRadius())
  })

  it('labels a cluster with its count in a large bold font, in its most severe colour, bigger for more digits', () => {
    const styles = clusterStyle(4, 27, false)
    const main = styles.at(-1)!
    expect(main.getText()?.getText()).toBe('27')
    expect(main.getText()?.getFont()).toMatch(/^bold 18px /)
    expect((main.getImage() as Circle).getFill()?.getColor()).toBe(withAlpha(alertColors.high, 0.95))
    expect(((clusterStyle(2, 3, false).at(-1)!.getImage() as Circle).getFill()?.getColor())).toBe(withAlpha(alertColors.normal, 0.95))
    expect(clusterRadius(5)).toBeLessThan(clusterRadius(50))
    expect(clusterRadius(50)).toBeLessThan(clusterRadius(150))
    expect(clusterStyle(4, 1500, false).at(-1)!.getText()?.getText()).toBe('999+')
    expect(clusterStyle(4, 27, true).length).toBe(styles.length + 2)
  })

  it('steps the pulse through a fixed set of frames: the ring grows and fades', () => {
    expect(pulseStep(0)).toBe(0)
    expect(pulseStep(pulsePeriodMs - 1)).toBe(pulseSteps - 1)
    expect(pulseStep(pulsePeriodMs)).toBe(0)
    expect(pulseStep(-1)).toBe(pulseSteps - 1)
    const first = pulseStyle(0, 9).getImage() as Circle
    const last = pulseStyle(pulseSteps - 1, 9).getImage() as Circle
    expect(last.getRadius()).toBeGreaterThan(first.getRadius())
    const alpha = (c: Circle): number => Number(/([\d.]+)\)$/.exec(String(c.getStroke()?.getColor()))?.[1])
    expect(alpha(last)).toBeLessThan(alpha(first))
    expect(pulseStyle(3, 9)).toBe(pulseStyle(3, 9))
    // Gentle on a weak GPU: far below 60 frames a second.
    expect(PULSE_FPS).toBeLessThanOrEqual(20)
  })
})

describe('which alerts the map shows, and which pulse', () => {
  it('shows open alerts; dispatched and dismissed leave the map unless selected', () => {
    const items = [alert('a'), alert('b', { status: 'acknowledged' }), alert('c', { status: 'dispatched' }), alert('d', { status: 'dismissed' })]
    expect(items.filter(isOpenAlert).map((a) => a.id)).toEqual(['a', 'b'])
    expect(shownAlerts(items, null).map((a) => a.id)).toEqual(['a', 'b'])
    expect(shownAlerts(items, 'c').map((a) => a.id)).toEqual(['a', 'b', 'c'])
    expect(shownAlerts(items, 'zzz').map((a) => a.id)).toEqual(['a', 'b'])
  })

  it('pulses only new high-severity alerts of the last two minutes', () => {
    expect(isPulsing(alert('x', { type: high, at: NOW - 30_000 }), NOW)).toBe(true)
    expect(isPulsing(alert('x', { type: high, at: NOW - PULSE_FRESH_MS - 1 }), NOW)).toBe(false)
    expect(isPulsing(alert('x', { type: high, status: 'acknowledged', at: NOW - 1000 }), NOW)).toBe(false)
    expect(isPulsing(alert('x', { type: normal, at: NOW - 1000 }), NOW)).toBe(false)
    // A camera clock a little ahead still counts as fresh; one far ahead does not pulse forever.
    expect(isPulsing(alert('x', { type: high, at: NOW + 10_000 }), NOW)).toBe(true)
    expect(isPulsing(alert('x', { type: high, at: NOW + 3 * PULSE_FRESH_MS }), NOW)).toBe(false)
  })
})

describe('diffAlerts', () => {
  const held = (list: AlertView[]): Map<string, AlertView> => new Map(list.map((a) => [a.id, a]))

  it('adds new ids, removes gone ones, leaves the same objects alone', () => {
    const a = alert('a')
    const b = alert('b')
    const c = alert('c')
    const d = diffAlerts(held([a, b]), [c, a])
    expect(d.add.map((x) => x.id)).toEqual(['c'])
    expect(d.remove).toEqual(['b'])
    expect(d.update).toEqual([])
    expect(d.move).toEqual([])
  })

  it('updates in place on a status or type change, re-adds on a move, ignores an equal copy', () => {
    const a = alert('a')
    const b = alert('b')
    const c = alert('c')
    const d = diffAlerts(held([a, b, c]), [{ ...a, status: 'acknowledged' }, { ...b, lon: b.lon + 0.001 }, { ...c }])
    expect(d.update.map((x) => x.id)).toEqual(['a'])
    expect(d.move.map((x) => x.id)).toEqual(['b'])
    expect(d.add).toEqual([])
    expect(d.remove).toEqual([])
  })

  it('counts an id once when the list repeats it, and stays bounded by the list', () => {
    const list = Array.from({ length: 200 }, (_, i) => alert(`id-${i}`))
    const d = diffAlerts(new Map(), [...list, ...list])
    expect(d.add).toHaveLength(200)
    const next = diffAlerts(held(list), list.slice(0, 150))
    expect(next.remove).toHaveLength(50)
  })
})

describe('clusterSummary', () => {
  it('takes the colour of the most severe member and leads with it (newest among equals)', () => {
    const members = [
      alert('old-fire', { type: high, at: NOW - 600_000 }),
      alert('parking', { type: normal, at: NOW - 1000 }),
      alert('new-fire', { type: high, at: NOW - 300_000 }),
      alert('ack-fight', { type: 'fight', status: 'acknowledged', at: NOW })
    ]
    const s = clusterSummary(members, null, NOW)
    expect(s.count).toBe(4)
    expect(s.rank).toBe(4)
    expect(s.top.id).toBe('new-fire')
    expect(s.selected).toBe(false)
    expect(s.pulsing).toBe(false)
  })

  it('marks a cluster holding the selected alert or a pulsing one', () => {
    const members = [alert('p', { type: normal }), alert('q', { type: 'fight', at: NOW - 5000 })]
    const s = clusterSummary(members, 'p', NOW)
    expect(s.selected).toBe(true)
    expect(s.pulsing).toBe(true)
    expect(s.top.id).toBe('q')
    expect(clusterSummary([alert('only', { type: normal, status: 'acknowledged' })], null, NOW).rank).toBe(1)
  })
})

describe('focusPlan and centreFor', () => {
  const base = { size: [1000, 800] as const, insets: [0, 0, 100, 200] as const, usefulZoom: 15, focusZoom: 16.5 }

  it('leaves the view alone when the alert is in the free part of the view at a useful zoom', () => {
    expect(focusPlan({ ...base, zoom: 15.5, pixel: [600, 350] })).toBeNull()
  })

  it('pans (same zoom) when it is under an overlay or near an edge, and never zooms out', () => {
    expect(focusPlan({ ...base, zoom: 15.5, pixel: [150, 350] })).toEqual({ zoom: 15.5 }) // under the legend column
    expect(focusPlan({ ...base, zoom: 15.5, pixel: [600, 790] })).toEqual({ zoom: 15.5 }) // under the toggles
    expect(focusPlan({ ...base, zoom: 18, pixel: null })).toEqual({ zoom: 18 })
  })

  it('zooms in to the focus zoom from a district-wide view', () => {
    expect(focusPlan({ ...base, zoom: 12.3, pixel: [600, 350] })).toEqual({ zoom: 16.5 })
  })

  it('centres the point in the free part of the view', () => {
    // Insets left 200, bottom 100: the free area's centre is 100 px right of and 50 px above the map's.
    const c = centreFor([1000, 2000], 2, [0, 0, 100, 200])
    expect(c).toEqual([1000 - 100 * 2, 2000 - 50 * 2])
    expect(centreFor([5, 5], 1, [0, 0, 0, 0])).toEqual([5, 5])
  })
})
