import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DAY_MS, formatShanghaiDateTime, fromShanghai, shanghaiDayStart, shanghaiHour, shanghaiWeekday } from '@shared/time'

describe('Asia/Shanghai time, whatever the machine zone', () => {
  it('starts the day at Shanghai midnight', () => {
    // 2026-11-21 16:30 UTC is 2026-11-22 00:30 in Shanghai.
    const at = Date.UTC(2026, 10, 21, 16, 30)
    expect(formatShanghaiDateTime(shanghaiDayStart(at))).toBe('2026-11-22 00:00:00')
    expect(shanghaiHour(at)).toBe(0)
    expect(shanghaiWeekday(at)).toBe(6) // Sunday
  })

  it('agrees with the platform time zone database', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'
    })
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2060, 0, 1) }), (at) => {
        const p = Object.fromEntries(fmt.formatToParts(at).map((x) => [x.type, x.value]))
        expect(formatShanghaiDateTime(at)).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`)
      })
    )
  })

  it('round-trips wall-clock times and day starts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), (at) => {
        const start = shanghaiDayStart(at)
        expect(start).toBeLessThanOrEqual(at)
        expect(at - start).toBeLessThan(DAY_MS)
        expect(shanghaiHour(start)).toBe(0)
      })
    )
    expect(fromShanghai(2026, 11, 22, 8)).toBe(Date.UTC(2026, 10, 22, 0))
  })
})
