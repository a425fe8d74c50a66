import fc from 'fast-check'
import { intersection } from 'polyclip-ts'
import { describe, expect, it } from 'vitest'
import { apportion, labelByRank } from '../../../src/main/demo/allocation'
import { multiPolyArea, type MultiPoly } from '../../../src/main/demo/geometry'
import { partition } from '../../../src/main/demo/partition'
import { Random } from '../../../src/main/demo/random'

describe('demo building blocks', () => {
  it('Random: same seed and label, same stream; another label, another stream', () => {
    const draw = (r: Random): number[] => Array.from({ length: 5 }, () => r.float())
    expect(draw(Random.fromSeed(7).fork('a'))).toEqual(draw(Random.fromSeed(7).fork('a')))
    expect(draw(Random.fromSeed(7).fork('a'))).not.toEqual(draw(Random.fromSeed(7).fork('b')))
    expect(draw(Random.fromSeed(7))).not.toEqual(draw(Random.fromSeed(8)))
    const r = Random.fromSeed(1)
    const ints = Array.from({ length: 2000 }, () => r.int(1, 6))
    expect(new Set(ints)).toEqual(new Set([1, 2, 3, 4, 5, 6]))
  })

  it('apportion: exact total, minimum respected, each part within one of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 3 }),
        (weights, extra, minEach) => {
          const total = extra + minEach * weights.length
          const counts = apportion(total, weights, minEach)
          const sum = weights.reduce((a, b) => a + b, 0)
          expect(counts.reduce((a, b) => a + b, 0)).toBe(total)
          counts.forEach((c, i) => {
            expect(c).toBeGreaterThanOrEqual(minEach)
            expect(Math.abs(c - minEach - (extra * weights[i]!) / sum)).toBeLessThan(1)
          })
        }
      )
    )
  })

  it('labelByRank: exact counts per label, highest scores first', () => {
    const labels = labelByRank([0.1, 0.9, 0.5, 0.7, 0.2], ['warning', 'normal', 'safe'], [1, 2, 2])
    expect(labels).toEqual(['safe', 'warning', 'normal', 'normal', 'safe'])
  })

  it('partition tiles even a deeply concave parent exactly, without overlaps', () => {
    // An E: long thin teeth make clipped Voronoi cells fall apart, which partition must repair.
    const e: MultiPoly = [
      [
        [
          [0, 0], [4000, 0], [4000, 300], [300, 300], [300, 1000], [4000, 1000], [4000, 1300],
          [300, 1300], [300, 2000], [4000, 2000], [4000, 2300], [0, 2300], [0, 0]
        ]
      ]
    ]
    for (let seed = 0; seed < 12; seed++) {
      const n = 2 + (seed % 7)
      const cells = partition(Random.fromSeed(seed), e, n, (x) => 1 + x / 1000)
      expect(cells.length).toBe(n)
      expect(cells.reduce((s, c) => s + multiPolyArea(c), 0)).toBeCloseTo(multiPolyArea(e), 3)
      for (let i = 0; i < n; i++) {
        expect(multiPolyArea(cells[i]!)).toBeGreaterThan(0)
        for (let j = i + 1; j < n; j++) expect(multiPolyArea(intersection(cells[i]!, cells[j]!) as MultiPoly)).toBeLessThan(1e-3)
      }
    }
  })
})
