import { describe, expect, it } from 'vitest'
import { deadlineFor, deadlineRules, eventCategories, eventCategoryIds, isOverdue } from '@shared/domain/categories'
import { DAY_MS, HOUR_MS, MINUTE_MS, fromShanghai, formatShanghaiDateTime } from '@shared/time'

describe('deadlines', () => {
  it('follow the seeds: 13710, 15/30 days, 15 min / 30 min / 24 h', () => {
    expect(deadlineRules.cityEvent.resolveMs).toBe(DAY_MS)
    expect(deadlineRules.cityComponent.resolveMs).toBe(3 * DAY_MS)
    expect(deadlineRules.cityEvent.difficultMs).toBe(7 * DAY_MS)
    expect(deadlineRules.general.resolveMs).toBe(15 * DAY_MS)
    expect(deadlineRules.general.difficultMs).toBe(30 * DAY_MS)
    expect(deadlineRules.residentRequest).toMatchObject({ respondMs: 15 * MINUTE_MS, replyMs: 30 * MINUTE_MS, resolveMs: 24 * HOUR_MS })
  })

  it('every category has a rule and a default level', () => {
    for (const id of eventCategoryIds) {
      expect(deadlineRules[eventCategories[id].rule]).toBeDefined()
      expect([1, 2, 3]).toContain(eventCategories[id].defaultLevel)
    }
  })

  it('crosses a month boundary in Shanghai time', () => {
    const reported = fromShanghai(2026, 1, 31, 23, 30)
    expect(formatShanghaiDateTime(deadlineFor('cityManagement', 1, reported))).toBe('2026-02-01 23:30:00')
    expect(formatShanghaiDateTime(deadlineFor('infrastructure', 2, reported))).toBe('2026-02-03 23:30:00')
    expect(formatShanghaiDateTime(deadlineFor('dispute', 2, reported))).toBe('2026-02-15 23:30:00')
    expect(formatShanghaiDateTime(deadlineFor('dispute', 3, reported))).toBe('2026-03-02 23:30:00')
  })

  it('crosses a year and a leap day', () => {
    const reported = fromShanghai(2027, 12, 31, 22, 0)
    expect(formatShanghaiDateTime(deadlineFor('livelihood', 1, reported))).toBe('2028-01-01 22:00:00')
    const beforeLeap = fromShanghai(2028, 2, 28, 9, 0)
    expect(formatShanghaiDateTime(deadlineFor('cityManagement', 1, beforeLeap))).toBe('2028-02-29 09:00:00')
  })

  it('gives the same deadlines, days and overdue flags whatever the machine’s time zone', () => {
    const saved = process.env['TZ']
    const reported = fromShanghai(2026, 3, 31, 23, 45)
    const results = new Set<string>()
    try {
      for (const tz of ['Asia/Shanghai', 'UTC', 'America/New_York', 'Pacific/Kiritimati', 'Europe/London']) {
        process.env['TZ'] = tz
        const deadline = deadlineFor('infrastructure', 2, reported)
        results.add(
          JSON.stringify([
            deadline,
            formatShanghaiDateTime(deadline),
            isOverdue(deadline, null, fromShanghai(2026, 4, 3, 23, 45)),
            isOverdue(deadline, null, fromShanghai(2026, 4, 3, 23, 46))
          ])
        )
      }
    } finally {
      if (saved === undefined) delete process.env['TZ']
      else process.env['TZ'] = saved
    }
    expect([...results]).toEqual([JSON.stringify([reported + 3 * DAY_MS, '2026-04-03 23:45:00', false, true])])
  })

  it('flags overdue on the deadline, not before', () => {
    const deadline = fromShanghai(2026, 11, 22, 12, 0)
    expect(isOverdue(deadline, null, deadline)).toBe(false)
    expect(isOverdue(deadline, null, deadline + 1)).toBe(true)
    expect(isOverdue(deadline, deadline - HOUR_MS, deadline + DAY_MS)).toBe(false)
    expect(isOverdue(deadline, deadline + MINUTE_MS, deadline + DAY_MS)).toBe(true)
  })
})
