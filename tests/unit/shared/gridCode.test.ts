import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  ancestorCode,
  formatRegionCode,
  isRegionCode,
  parentRegionCode,
  parseRegionCode,
  RegionCodeError
} from '@shared/domain/gridCode'

describe('grid codes', () => {
  it('parses the example from the plan (002 plan 6)', () => {
    expect(parseRegionCode('440311-003-02-017')).toEqual({ level: 'grid', district: '440311', street: 3, community: 2, grid: 17 })
  })

  it('knows each level by its depth', () => {
    expect(parseRegionCode('440311').level).toBe('district')
    expect(parseRegionCode('440311-003').level).toBe('street')
    expect(parseRegionCode('440311-003-02').level).toBe('community')
    expect(parseRegionCode('440311-003-02-017-01').level).toBe('subgrid')
  })

  it.each(['', '44031', '440311-3', '440311-003-2', '440311-003-02-17', '440311-000', 'abc', '440311-003-02-017-01-01', ' 440311'])(
    'refuses the malformed code %j with a clear error',
    (code) => {
      expect(() => parseRegionCode(code)).toThrow(RegionCodeError)
      expect(isRegionCode(code)).toBe(false)
    }
  )

  it('formats and parses back (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 999 }),
        (district, street, community, grid) => {
          const code = formatRegionCode({ district, street, community, grid })
          expect(isRegionCode(code, 'grid')).toBe(true)
          const { level: _level, ...parts } = parseRegionCode(code)
          expect(formatRegionCode(parts)).toBe(code)
        }
      )
    )
  })

  it('refuses sequences that do not fit and gaps in the hierarchy', () => {
    expect(() => formatRegionCode({ district: '440311', street: 1000 })).toThrow(RegionCodeError)
    expect(() => formatRegionCode({ district: '440311', grid: 1 })).toThrow(RegionCodeError)
    expect(() => formatRegionCode({ district: '4403', street: 1 })).toThrow(RegionCodeError)
  })

  it('walks up the hierarchy', () => {
    expect(parentRegionCode('440311-003-02-017')).toBe('440311-003-02')
    expect(parentRegionCode('440311')).toBeNull()
    expect(ancestorCode('440311-003-02-017', 'street')).toBe('440311-003')
    expect(ancestorCode('440311-003', 'street')).toBe('440311-003')
    expect(() => ancestorCode('440311-003', 'grid')).toThrow(RegionCodeError)
  })
})
