import { describe, expect, it } from 'vitest'
import { toLonLat } from 'ol/proj'
import type Polygon from 'ol/geom/Polygon'
import type Point from 'ol/geom/Point'
import { haversineM } from '@shared/domain/ringGeometry'
import { documentTitle, formatCount, formatDistance, formatElapsed, levelColor, levelInk, ringLabel } from '@renderer/emergency/format'
import { inRingsFirst, ringAt, type RingFrame } from '@renderer/emergency/feedOrder'
import { emptyModeForm, modeFormResult } from '@renderer/emergency/modeForm'
import { isEmergencyShortcut } from '@renderer/emergency/shortcut'
import { incidentFeatures, labelVertex, resourceFeatures, RING_VERTICES, ringFeatures } from '@renderer/map/incidentFeatures'
import { projectWgs84 } from '@renderer/map/features'
import { incidentStyle, ringColors } from '@renderer/map/incidentStyles'
import type { RingAnalysis } from '@shared/api/types'

describe('emergency wall formats', () => {
  it('counts the incident clock in hours, minutes and seconds, past 24 hours', () => {
    expect(formatElapsed(0)).toBe('00:00:00')
    expect(formatElapsed(-5000)).toBe('00:00:00')
    expect(formatElapsed(65_999)).toBe('00:01:05')
    expect(formatElapsed((26 * 3600 + 3 * 60 + 4) * 1000)).toBe('26:03:04')
  })

  it('writes distances in metres below a kilometre and ring radii as labels', () => {
    expect(formatDistance(80.4)).toBe('80 m')
    expect(formatDistance(999)).toBe('999 m')
    expect(formatDistance(1000)).toBe('1 km')
    expect(formatDistance(1234)).toBe('1.2 km')
    expect(formatDistance(12_345)).toBe('12 km')
    expect(formatDistance(Number.NaN)).toBe('—')
    expect([100, 500, 1000, 1500, 3000, 20_000].map(ringLabel)).toEqual(['100 m', '500 m', '1 km', '1.5 km', '3 km', '20 km'])
    expect(formatCount(51623)).toBe('51,623')
  })

  it('colours the levels I 红 II 橙 III 黄 IV 蓝 with readable ink', () => {
    expect(['I', 'II', 'III', 'IV'].map((l) => levelColor(l as 'I'))).toEqual(['#ff3b3b', '#ff8a1f', '#ffd21f', '#3d8bff'])
    expect(levelInk('III')).toBe('#1a1200')
    expect(levelInk('I')).toBe('#ffffff')
  })

  it('puts the drill mark first in the document title, and only the product in normal mode', () => {
    expect(documentTitle('指挥中心', null, '演练')).toBe('指挥中心')
    const incident = { typeName: '火灾', level: 'II' as const, label: '圳美社区第1网格', drill: true }
    expect(documentTitle('指挥中心', incident, '演练')).toBe('【演练】火灾 II · 圳美社区第1网格 — 指挥中心')
    expect(documentTitle('指挥中心', { ...incident, drill: false }, '演练')).toBe('火灾 II · 圳美社区第1网格 — 指挥中心')
  })
})

describe('the alert feed in emergency mode', () => {
  const frame: RingFrame = { centre: { lon: 113.9, lat: 22.7 }, ringsM: [500, 1000, 3000] }
  // ~0.009° of latitude is ~1 km.
  const at = (id: string, dLatKm: number, time: number) => ({ id, lon: 113.9, lat: 22.7 + dLatKm * 0.008993, at: time })

  it('finds the innermost ring holding an alert, null outside or without rings', () => {
    expect(ringAt(frame, 113.9, 22.7)).toBe(0)
    expect(ringAt(frame, 113.9, 22.7 + 0.8 * 0.008993)).toBe(1)
    expect(ringAt(frame, 113.9, 22.7 + 2 * 0.008993)).toBe(2)
    expect(ringAt(frame, 113.9, 22.7 + 5 * 0.008993)).toBeNull()
    expect(ringAt(null, 113.9, 22.7)).toBeNull()
    expect(ringAt(frame, Number.NaN, 22.7)).toBeNull()
  })

  it('puts alerts inside the rings first, by ring then newest, and keeps the others in their order', () => {
    const items = [at('far-new', 9, 900), at('r2-new', 2, 800), at('r0-old', 0.1, 100), at('far-old', 8, 50), at('r0-new', 0.2, 700), at('r1', 0.7, 600)]
    expect(inRingsFirst(items, frame).map((a) => a.id)).toEqual(['r0-new', 'r0-old', 'r1', 'r2-new', 'far-new', 'far-old'])
  })

  it('leaves the feed as it is without an incident', () => {
    const items = [at('a', 9, 1), at('b', 0, 2)]
    expect(inRingsFirst(items, null)).toBe(items)
    expect(inRingsFirst(items, { ...frame, ringsM: [] })).toBe(items)
  })
})

describe('the 平急转换 form', () => {
  it('asks for a reason, a location and a summary before any call', () => {
    expect(modeFormResult({ ...emptyModeForm(), reason: 'x' }, 'emergency')).toEqual({ ok: false, invalid: 'reason' })
    expect(modeFormResult({ ...emptyModeForm(), reason: '火情' }, 'emergency')).toEqual({ ok: false, invalid: 'location' })
    expect(modeFormResult({ ...emptyModeForm(), reason: '火情', by: 'point', lon: '113.9', lat: '' }, 'emergency')).toEqual({ ok: false, invalid: 'location' })
    expect(modeFormResult({ ...emptyModeForm(), summary: ' ' }, 'normal')).toEqual({ ok: false, invalid: 'summary' })
  })

  it('builds mode.enter from a grid or a point, and mode.leave from the summary', () => {
    expect(modeFormResult({ ...emptyModeForm(' 440311-001-01-001 '), reason: ' 火情 ', drill: true, level: 'II' }, 'emergency')).toEqual({
      ok: true,
      kind: 'enter',
      input: { type: 'fire', level: 'II', location: { gridCode: '440311-001-01-001' }, reason: '火情', drill: true }
    })
    expect(modeFormResult({ ...emptyModeForm(), reason: '内涝', type: 'waterlogging', by: 'point', lon: '113.93', lat: '22.75' }, 'emergency')).toMatchObject({
      ok: true,
      input: { type: 'waterlogging', location: { lon: 113.93, lat: 22.75 } }
    })
    expect(modeFormResult({ ...emptyModeForm(), summary: ' 已处置 ' }, 'normal')).toEqual({ ok: true, kind: 'leave', summary: '已处置' })
  })

  it('opens on Ctrl+Shift+E (or ⌘+Shift+E), not on Ctrl+E, Alt or a held key', () => {
    const key = { ctrlKey: true, metaKey: false, shiftKey: true, altKey: false, code: 'KeyE', repeat: false }
    expect(isEmergencyShortcut(key)).toBe(true)
    expect(isEmergencyShortcut({ ...key, ctrlKey: false, metaKey: true })).toBe(true)
    expect(isEmergencyShortcut({ ...key, shiftKey: false })).toBe(false)
    expect(isEmergencyShortcut({ ...key, altKey: true })).toBe(false)
    expect(isEmergencyShortcut({ ...key, repeat: true })).toBe(false)
    expect(isEmergencyShortcut({ ...key, code: 'KeyW' })).toBe(false)
  })
})

describe('the incident on the map', () => {
  const place = (id: string, lon: number, lat: number, distanceM: number) => ({ id, name: id, gridCode: 'g', lon, lat, distanceM, ring: null })
  const analysis = {
    incidentId: 'INC-20261122-01',
    drill: false,
    centre: { crs: 'WGS84', lon: 113.93, lat: 22.76 },
    ringsM: [500, 1000, 3000],
    resources: {
      vanguard: [{ ...place('v1', 113.931, 22.761, 150), role: 'vanguardTeam', phone: '' }],
      workers: [],
      shelters: Array.from({ length: 12 }, (_, i) => ({ ...place(`s${i}`, 113.94, 22.77, 1000 + i), kind: 'school', capacity: 1000 })),
      supplyPoints: [{ ...place('p1', 113.95, 22.75, 2500), supplies: {} }]
    }
  } as unknown as RingAnalysis

  it('draws each ring as a geodesic circle: every vertex at the radius on the ground, in Web Mercator', () => {
    const features = ringFeatures(analysis, projectWgs84, ringLabel)
    const rings = features.filter((f) => f.get('kind') === 'ring')
    expect(rings.map((f) => f.get('radiusM'))).toEqual([3000, 1000, 500])
    for (const ring of rings) {
      const coords = (ring.getGeometry() as Polygon).getCoordinates()[0]!
      expect(coords).toHaveLength(RING_VERTICES + 1)
      for (const c of coords) {
        const [lon, lat] = toLonLat(c) as [number, number]
        expect(Math.abs(haversineM(113.93, 22.76, lon, lat) - ring.get('radiusM'))).toBeLessThan(0.5)
      }
    }
  })

  it('labels each ring at a different bearing (outer north, then north-east, north-west)', () => {
    expect([0, 1, 2].map(labelVertex)).toEqual([0, 8, 56])
    const labels = ringFeatures(analysis, projectWgs84, ringLabel).filter((f) => f.get('kind') === 'ringLabel')
    expect(labels.map((f) => f.get('label'))).toEqual(['3 km', '1 km', '500 m'])
    const [lon, lat] = toLonLat((labels[0]!.getGeometry() as Point).getCoordinates())
    expect(lon).toBeCloseTo(113.93, 6)
    expect(haversineM(113.93, 22.76, lon!, lat!)).toBeCloseTo(3000, -0)
  })

  it('adds the incident marker and the nearest resources of each kind, at most eight', () => {
    expect(resourceFeatures(analysis.resources, projectWgs84).map((f) => f.get('kind'))).toEqual([...Array(8).fill('shelter'), 'supplyPoint', 'vanguard'])
    const all = incidentFeatures(analysis, projectWgs84, ringLabel)
    expect(all.filter((f) => f.get('kind') === 'incident')).toHaveLength(1)
    expect(all).toHaveLength(6 + 10 + 1)
  })

  it('styles rings red → amber → yellow from the inside out', () => {
    const style = incidentStyle(() => 1)
    const colours = ringFeatures(analysis, projectWgs84, ringLabel)
      .filter((f) => f.get('kind') === 'ring')
      .map((f) => {
        const s = style(f)
        return Array.isArray(s) ? null : s?.getStroke()?.getColor()
      })
    expect(colours).toEqual([ringColors[2], ringColors[1], ringColors[0]])
  })
})
