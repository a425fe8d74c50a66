import { describe, expect, it, vi } from 'vitest'
import { fromShanghai } from '@shared/time'
import { clockFace, formatAsOf } from '@renderer/composables/useClock'
import { coalesce } from '@renderer/composables/coalesce'
import { uiScale } from '@renderer/charts/theme'

describe('wall clock', () => {
  it('shows Shanghai date, weekday and time whatever the machine zone', () => {
    // 2026-11-22 is a Sunday; 23:59:58 in Shanghai is 15:59:58 UTC.
    expect(clockFace(fromShanghai(2026, 11, 22, 23, 59, 58))).toEqual({ date: '2026-11-22', weekday: 'sun', time: '23:59:58' })
    expect(clockFace(Date.UTC(2026, 10, 22, 16, 0, 0))).toEqual({ date: '2026-11-23', weekday: 'mon', time: '00:00:00' })
  })

  it('formats data freshness as HH:mm, with the date when not today', () => {
    const now = fromShanghai(2026, 11, 22, 14, 5)
    expect(formatAsOf(fromShanghai(2026, 11, 22, 9, 7), now)).toBe('09:07')
    expect(formatAsOf(fromShanghai(2026, 11, 21, 23, 50), now)).toBe('2026-11-21 23:50')
  })
})

describe('uiScale', () => {
  it('is 1 at 1080p, 2 at 2160p, bounded below for small screens', () => {
    expect(uiScale(1080)).toBe(1)
    expect(uiScale(2160)).toBe(2)
    expect(uiScale(600)).toBe(0.85)
    expect(uiScale(Number.NaN)).toBe(1)
  })
})

describe('coalesce', () => {
  it('runs at most one refresh at a time and collapses a burst into one re-run', async () => {
    let release: () => void = () => undefined
    const run = vi.fn(() => new Promise<void>((r) => (release = r)))
    const refresh = coalesce(run)
    const first = refresh()
    void refresh()
    void refresh()
    expect(run).toHaveBeenCalledTimes(1)
    release()
    await Promise.resolve()
    await Promise.resolve()
    expect(run).toHaveBeenCalledTimes(2)
    release()
    await first
    expect(run).toHaveBeenCalledTimes(2)
  })
})
