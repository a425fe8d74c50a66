import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { classBreaks, classIndex, colorFor, legendEntries, rampColors } from '@renderer/map/choropleth'
import { choroplethRamp } from '@renderer/map/palette'

/** Relative luminance of #rrggbb, to check the ramp is sequential. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

describe('choropleth class breaks', () => {
  it('splits into quantile classes with integer upper bounds, the last one the maximum', () => {
    expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([2, 4, 6, 8, 10])
    expect(classBreaks([0, 0, 0, 1, 1, 2, 5, 12])).toEqual([0, 1, 5, 12])
  })

  it('never makes an empty class: ties and all-equal values collapse', () => {
    expect(classBreaks([3, 3, 3, 3])).toEqual([3])
    expect(classBreaks([0, 0, 0, 0, 7])).toEqual([0, 7])
    expect(classBreaks([])).toEqual([])
  })

  it('is strictly increasing, at most five classes, and every value has a class', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 300 }), (values) => {
        const b = classBreaks(values)
        expect(b.length).toBeGreaterThan(0)
        expect(b.length).toBeLessThanOrEqual(5)
        for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!)
        expect(b.at(-1)).toBe(Math.max(...values))
        for (const v of values) expect(v).toBeLessThanOrEqual(b[classIndex(v, b)]!)
        const used = new Set(values.map((v) => classIndex(v, b)))
        expect(used.size).toBe(b.length) // no empty class
      })
    )
  })

  it('puts a value in the first class whose bound holds it', () => {
    expect(classIndex(0, [0, 3, 9])).toBe(0)
    expect(classIndex(1, [0, 3, 9])).toBe(1)
    expect(classIndex(3, [0, 3, 9])).toBe(1)
    expect(classIndex(100, [0, 3, 9])).toBe(2)
  })
})

describe('colour ramp', () => {
  it('is sequential: darker for low values, brighter for high, on a dark background', () => {
    const l = choroplethRamp.map(luminance)
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeGreaterThan(l[i - 1]!)
    expect(l[0]!).toBeLessThan(0.05)
  })

  it('spreads n classes over the whole ramp: the top class is always the brightest', () => {
    expect(rampColors(5)).toEqual([...choroplethRamp])
    expect(rampColors(2)).toEqual([choroplethRamp[0], choroplethRamp[4]])
    expect(rampColors(3)).toEqual([choroplethRamp[0], choroplethRamp[2], choroplethRamp[4]])
    expect(rampColors(1)).toEqual([choroplethRamp[0]])
    expect(colorFor(9, [0, 3, 9])).toBe(choroplethRamp[4])
  })

  it('labels the legend with inclusive integer ranges', () => {
    expect(legendEntries([0, 3, 9])).toEqual([
      { from: 0, to: 0, color: choroplethRamp[0] },
      { from: 1, to: 3, color: choroplethRamp[2] },
      { from: 4, to: 9, color: choroplethRamp[4] }
    ])
  })
})
