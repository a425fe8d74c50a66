import { describe, expect, it } from 'vitest'
import { formatYuan } from '@renderer/components/panels/disputeFormat'

describe('formatYuan', () => {
  it('says sums in 万元 from ten thousand yuan, in 元 below, and nothing for none', () => {
    expect(formatYuan(null, true)).toBeNull()
    expect(formatYuan(0, true)).toBeNull()
    expect(formatYuan(800, true)).toBe('800元')
    expect(formatYuan(3000, true)).toBe('3,000元')
    expect(formatYuan(10_000, true)).toBe('1万元')
    expect(formatYuan(125_000, true)).toBe('12.5万元')
    expect(formatYuan(1_200_000, true)).toBe('120万元')
    expect(formatYuan(12_345_678, true)).toBe('1,234万元')
  })

  it('rounds down, so a sum below a warning threshold never reads as the threshold', () => {
    expect(formatYuan(99_999, true)).toBe('9.9万元')
    expect(formatYuan(999_999, true)).toBe('99.9万元')
    expect(formatYuan(999_999, false)).toBe('¥999k')
    expect(formatYuan(1_000_000, false)).toBe('¥1M')
  })

  it('says them in English with ¥, k and M', () => {
    expect(formatYuan(null, false)).toBeNull()
    expect(formatYuan(3000, false)).toBe('¥3,000')
    expect(formatYuan(125_000, false)).toBe('¥125k')
    expect(formatYuan(2_450_000, false)).toBe('¥2.4M')
  })
})
