import { describe, expect, it } from 'vitest'
import {
  compareDisputes,
  disputeFactsSchema,
  disputeUrgencies,
  disputeWarningLevel,
  disputeWarningLevelIds,
  disputeWarningLevels,
  type DisputeFacts,
  type DisputeOrderKey
} from '@shared/domain/dispute'

const facts = (over: Partial<DisputeFacts> = {}): DisputeFacts => ({ people: 2, urgency: 'normal', amountYuan: null, ...over })
const level = (over: Partial<DisputeFacts>): string => disputeWarningLevel(facts(over))

describe('disputeWarningLevel: three levels by people involved, urgency and money at stake', () => {
  it('orders the levels as China’s early warnings do: 一级 red the most serious, then 二级 orange, 三级 yellow', () => {
    expect(disputeWarningLevels.map((l) => [l.level, l.grade, l.zh, l.colourZh])).toEqual([
      ['red', 1, '一级', '红色'],
      ['orange', 2, '二级', '橙色'],
      ['yellow', 3, '三级', '黄色']
    ])
    expect(disputeWarningLevelIds).toEqual(['red', 'orange', 'yellow'])
    expect(disputeUrgencies).toEqual(['normal', 'urgent', 'critical'])
  })

  it('grades by people: yellow below 5, orange from 5 (a group dispute), red from 50', () => {
    expect(level({ people: 2 })).toBe('yellow')
    expect(level({ people: 4 })).toBe('yellow')
    expect(level({ people: 5 })).toBe('orange')
    expect(level({ people: 49 })).toBe('orange')
    expect(level({ people: 50 })).toBe('red')
    expect(level({ people: 5000 })).toBe('red')
  })

  it('grades by urgency: 一般 yellow, 紧急 orange, 特急 red', () => {
    expect(level({ urgency: 'normal' })).toBe('yellow')
    expect(level({ urgency: 'urgent' })).toBe('orange')
    expect(level({ urgency: 'critical' })).toBe('red')
  })

  it('grades by money at stake: orange from 100,000 yuan, red from 1,000,000; none stated counts as none', () => {
    expect(level({ amountYuan: null })).toBe('yellow')
    expect(level({ amountYuan: 0 })).toBe('yellow')
    expect(level({ amountYuan: 99_999 })).toBe('yellow')
    expect(level({ amountYuan: 100_000 })).toBe('orange')
    expect(level({ amountYuan: 999_999 })).toBe('orange')
    expect(level({ amountYuan: 1_000_000 })).toBe('red')
  })

  it('takes the most serious level any one factor reaches', () => {
    expect(level({ people: 4, urgency: 'normal', amountYuan: 99_999 })).toBe('yellow')
    expect(level({ people: 4, urgency: 'urgent', amountYuan: 0 })).toBe('orange')
    expect(level({ people: 49, urgency: 'urgent', amountYuan: 999_999 })).toBe('orange')
    expect(level({ people: 2, urgency: 'normal', amountYuan: 1_000_000 })).toBe('red')
    expect(level({ people: 3, urgency: 'critical', amountYuan: 500 })).toBe('red')
    expect(level({ people: 50, urgency: 'normal', amountYuan: null })).toBe('red')
  })

  it('checks every combination of the thresholds against the rule read as a table', () => {
    const people = [2, 4, 5, 49, 50]
    const amounts = [null, 0, 99_999, 100_000, 999_999, 1_000_000]
    const expected = (f: DisputeFacts): string => {
      if (f.people >= 50 || f.urgency === 'critical' || (f.amountYuan ?? 0) >= 1_000_000) return 'red'
      if (f.people >= 5 || f.urgency === 'urgent' || (f.amountYuan ?? 0) >= 100_000) return 'orange'
      return 'yellow'
    }
    let n = 0
    for (const p of people) {
      for (const urgency of disputeUrgencies) {
        for (const amountYuan of amounts) {
          const f = facts({ people: p, urgency, amountYuan })
          expect(disputeWarningLevel(f), JSON.stringify(f)).toBe(expected(f))
          n++
        }
      }
    }
    expect(n).toBe(90)
  })
})

describe('disputeFactsSchema', () => {
  it('accepts whole people from 2, the three urgencies, whole yuan from 0 or none', () => {
    expect(disputeFactsSchema.parse({ people: 2, urgency: 'critical' })).toEqual({ people: 2, urgency: 'critical', amountYuan: null })
    expect(disputeFactsSchema.parse({ people: 30, urgency: 'urgent', amountYuan: 0 })).toEqual({ people: 30, urgency: 'urgent', amountYuan: 0 })
  })

  it('refuses fewer than two people, fractions, negative sums, unknown urgencies and extra fields', () => {
    for (const bad of [
      { people: 1, urgency: 'normal' },
      { people: 2.5, urgency: 'normal' },
      { people: 3, urgency: 'normal', amountYuan: -1 },
      { people: 3, urgency: 'normal', amountYuan: 10.5 },
      { people: 3, urgency: 'high' },
      { people: 3, urgency: 'normal', level: 'red' }
    ]) {
      expect(disputeFactsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
  })
})

describe('compareDisputes: most serious first', () => {
  const key = (id: string, reportedAt: number, f: DisputeFacts | null): DisputeOrderKey => ({
    id,
    reportedAt,
    facts: f,
    warningLevel: f ? disputeWarningLevel(f) : null
  })

  it('orders by level, then urgency, then people, then age (older first), then id; ungraded last', () => {
    const rows = [
      key('ungraded', 1, null),
      key('yellow', 1, facts({ people: 4 })),
      key('orange-people', 1, facts({ people: 20 })),
      key('orange-urgent', 5, facts({ people: 3, urgency: 'urgent' })),
      key('red-money', 1, facts({ amountYuan: 2_000_000 })),
      key('red-critical', 9, facts({ urgency: 'critical' })),
      key('orange-old', 1, facts({ people: 5 })),
      key('orange-new', 2, facts({ people: 5 })),
      key('b-tie', 3, facts({ people: 5 })),
      key('a-tie', 3, facts({ people: 5 }))
    ]
    expect([...rows].sort(compareDisputes).map((r) => r.id)).toEqual([
      'red-critical',
      'red-money',
      'orange-urgent',
      'orange-people',
      'orange-old',
      'orange-new',
      'a-tie',
      'b-tie',
      'yellow',
      'ungraded'
    ])
  })
})
