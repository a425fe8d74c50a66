import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { RegionGeometry } from '@shared/api/types'
import { containsPoint, interiorPoint } from '@renderer/map/geometry'

const ring = (pts: [number, number][]): [number, number][] => [...pts, pts[0]!]

/** A "U": its centroid falls in the notch, outside the shape. */
const uShape: RegionGeometry = {
  type: 'Polygon',
  coordinates: [ring([[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3]])]
}

describe('interior point', () => {
  it('lies inside a concave polygon whose centroid does not', () => {
    expect(containsPoint(uShape, [1.5, 1.6])).toBe(false) // about the centroid
    expect(containsPoint(uShape, interiorPoint(uShape))).toBe(true)
  })

  it('avoids holes', () => {
    const donut: RegionGeometry = {
      type: 'Polygon',
      coordinates: [ring([[0, 0], [10, 0], [10, 10], [0, 10]]), ring([[3, 3], [7, 3], [7, 7], [3, 7]])]
    }
    const p = interiorPoint(donut)
    expect(containsPoint(donut, p)).toBe(true)
  })

  it('takes the largest part of a MultiPolygon, and the middle of a rectangle', () => {
    const multi: RegionGeometry = {
      type: 'MultiPolygon',
      coordinates: [[ring([[0, 0], [1, 0], [1, 1], [0, 1]])], [ring([[10, 10], [14, 10], [14, 12], [10, 12]])]]
    }
    const [x, y] = interiorPoint(multi)
    expect(x).toBeCloseTo(12, 6)
    expect(y).toBeCloseTo(11, 6)
  })

  it('is inside every random star-shaped polygon', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }), (radii) => {
        const pts = radii.map((r, i): [number, number] => {
          const a = (i / radii.length) * 2 * Math.PI
          return [113.9 + r * 0.01 * Math.cos(a), 22.7 + r * 0.01 * Math.sin(a)]
        })
        const g: RegionGeometry = { type: 'Polygon', coordinates: [ring(pts)] }
        expect(containsPoint(g, interiorPoint(g))).toBe(true)
      })
    )
  })
})
