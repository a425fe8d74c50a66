import { describe, expect, it, vi } from 'vitest'
import type { AlertView } from '@shared/api/alertTypes'
import { alertTypes, isHighSeverity, type AlertType } from '@shared/domain/alert'
import { fromShanghai } from '@shared/time'
import { alertRow, chimeWorthy, formatAlertTime, formatScore, hasSnapshot } from '@renderer/components/alerts/alertRow'
import { CHIME_MIN_INTERVAL_MS, createChimeGate } from '@renderer/composables/useChime'
import { alertView } from '../../support/alertView'

// The store module imports the API client, which needs a window; its pure helpers do not.
vi.mock('@renderer/api', () => ({ api: {} }))

const { ALERT_WINDOW, alertInArea, mergeAlerts } = await import('@renderer/stores/alerts')

const base = fromShanghai(2026, 11, 22, 14, 0, 0)

const alert = (id: string, at: number, over: Partial<AlertView> = {}): AlertView =>
  alertView(id, { at, gridCode: '440311-001-001-01', communityCode: '440311-001-001', ...over })

describe('mergeAlerts', () => {
  it('orders newest first, ties by id', () => {
    const merged = mergeAlerts([alert('b', base), alert('old', base - 60_000)], [alert('new', base + 1000), alert('a', base)])
    expect(merged.map((a) => a.id)).toEqual(['new', 'a', 'b', 'old'])
  })

  it('keeps one copy per id, the incoming one winning', () => {
    const merged = mergeAlerts([alert('x', base, { status: 'new' })], [alert('x', base, { status: 'dispatched', handledBy: 'admin' })])
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ status: 'dispatched', handledBy: 'admin' })
  })

  it('holds at most the window, dropping the oldest', () => {
    const held = Array.from({ length: ALERT_WINDOW }, (_, i) => alert(`h${i}`, base - i * 1000))
    const merged = mergeAlerts(held, [alert('fresh', base + 5000)])
    expect(merged).toHaveLength(ALERT_WINDOW)
    expect(merged[0]!.id).toBe('fresh')
    expect(merged.some((a) => a.id === `h${ALERT_WINDOW - 1}`)).toBe(false)
    expect(mergeAlerts([], held, 10)).toHaveLength(10)
  })

  it('does not change its inputs', () => {
    const held = [alert('a', base)]
    mergeAlerts(held, [alert('b', base + 1)])
    expect(held.map((a) => a.id)).toEqual(['a'])
  })
})

describe('alertInArea', () => {
  const a = alert('a', base)
  it('nests by code and dash, like the server', () => {
    expect(alertInArea(a, null)).toBe(true)
    expect(alertInArea(a, '440311')).toBe(true)
    expect(alertInArea(a, '440311-001')).toBe(true)
    expect(alertInArea(a, '440311-001-001-01')).toBe(true)
    expect(alertInArea(a, '440311-00')).toBe(false)
    expect(alertInArea(a, '440311-002')).toBe(false)
    expect(alertInArea(alert('b', base, { gridCode: '440311-0010-001-01' }), '440311-001')).toBe(false)
  })
})

describe('alert rows', () => {
  it('show Shanghai time whatever the machine zone, and the score as a whole percentage', () => {
    expect(formatAlertTime(fromShanghai(2026, 11, 22, 9, 5, 7))).toBe('09:05:07')
    expect(formatAlertTime(fromShanghai(2026, 11, 22, 23, 59, 59))).toBe('23:59:59')
    expect(formatScore(0.874)).toBe('87%')
    expect(formatScore(0.995)).toBe('100%')
    expect(formatScore(1.4)).toBe('100%')
    expect(formatScore(-0.1)).toBe('0%')
    expect(formatScore(Number.NaN)).toBe('—')
  })

  it('carry type, severity, camera, grid and status; fall back to ids without names', () => {
    const row = alertRow(alert('r1', fromShanghai(2026, 11, 22, 8, 1, 2), { type: 'fireSmoke', status: 'acknowledged' }))
    expect(row).toEqual({
      id: 'r1',
      type: 'fireSmoke',
      high: true,
      camera: '民治大道与人民路口',
      grid: '第一网格',
      time: '08:01:02',
      score: '87%',
      status: 'acknowledged',
      hasSnapshot: false
    })
    expect(alertRow(alert('r2', base, { cameraName: '', gridName: '' }))).toMatchObject({ camera: 'cam-1', grid: '440311-001-001-01', high: false })
  })

  it('mark exactly the high-severity types', () => {
    const high = alertTypes.filter((t: AlertType) => alertRow(alert('x', base, { type: t })).high)
    expect(high.sort()).toEqual(alertTypes.filter(isHighSeverity).sort())
    expect(high).toContain('fireSmoke')
    expect(high).not.toContain('illegalParking')
  })

  it('have a snapshot only for an http(s) URL, which main fetches', () => {
    expect(hasSnapshot('https://cam.example/snap/1.jpg')).toBe(true)
    expect(hasSnapshot('http://10.1.2.3:5000/api/events/1/snapshot.jpg')).toBe(true)
    expect(hasSnapshot('javascript:alert(1)')).toBe(false)
    expect(hasSnapshot('//evil.example/x.jpg')).toBe(false)
    expect(hasSnapshot('data:text/html,<b>x</b>')).toBe(false)
    expect(hasSnapshot(null)).toBe(false)
    expect(hasSnapshot('')).toBe(false)
  })
})

describe('chime', () => {
  it('sounds for new, recent, high-severity arrivals only', () => {
    const now = base + 60_000
    const arrivals = [
      alert('fire', base, { type: 'fireSmoke' }),
      alert('parking', base, { type: 'illegalParking' }),
      alert('seen', base, { type: 'fight', status: 'acknowledged' }),
      alert('late', base - 3600_000, { type: 'fallDetection' })
    ]
    expect(chimeWorthy(arrivals, now).map((a) => a.id)).toEqual(['fire'])
  })

  it('rings at most once per interval in a burst', () => {
    const gate = createChimeGate(2000)
    const rang = [0, 100, 500, 1999, 2000, 2100, 3999, 4000, 10_000].filter((t) => gate(t))
    expect(rang).toEqual([0, 2000, 4000, 10_000])
    expect(CHIME_MIN_INTERVAL_MS).toBeGreaterThanOrEqual(1500)
    expect(CHIME_MIN_INTERVAL_MS).toBeLessThanOrEqual(3000)
  })

  it('has its own throttle per gate', () => {
    const a = createChimeGate(2000)
    const b = createChimeGate(2000)
    expect(a(0)).toBe(true)
    expect(b(1)).toBe(true)
    expect(a(1)).toBe(false)
  })
})
