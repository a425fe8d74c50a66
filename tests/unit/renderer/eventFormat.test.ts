import { describe, expect, it } from 'vitest'
import { fromShanghai } from '@shared/time'
import { formatSpan, formatStepTime } from '@renderer/components/events/eventFormat'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('formatSpan', () => {
  it('says a span in its two largest units, rounded down (Chinese)', () => {
    expect(formatSpan(2 * DAY + 3 * HOUR + 59 * MIN, true)).toBe('2天3小时')
    expect(formatSpan(2 * DAY + 30 * MIN, true)).toBe('2天')
    expect(formatSpan(HOUR + 20 * MIN + 59_000, true)).toBe('1小时20分')
    expect(formatSpan(3 * HOUR, true)).toBe('3小时')
    expect(formatSpan(45 * MIN, true)).toBe('45分')
    expect(formatSpan(59_999, true)).toBe('不足1分')
    expect(formatSpan(-5, true)).toBe('不足1分')
  })

  it('in English', () => {
    expect(formatSpan(2 * DAY + 3 * HOUR, false)).toBe('2d 3h')
    expect(formatSpan(HOUR + 20 * MIN, false)).toBe('1h 20m')
    expect(formatSpan(45 * MIN, false)).toBe('45m')
    expect(formatSpan(0, false)).toBe('<1m')
  })
})

describe('formatStepTime', () => {
  it('gives HH:mm MM-DD on the Shanghai clock', () => {
    expect(formatStepTime(fromShanghai(2026, 3, 7, 9, 5))).toBe('09:05 03-07')
    expect(formatStepTime(fromShanghai(2026, 12, 31, 23, 59, 59))).toBe('23:59 12-31')
  })
})
