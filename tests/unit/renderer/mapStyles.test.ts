import { describe, expect, it } from 'vitest'
import Fill from 'ol/style/Fill'
import Stroke from 'ol/style/Stroke'
import { fromLonLat } from 'ol/proj'
import type { MapRegion } from '@shared/api/types'
import { assignStreetColors, streetCodeOf, streetPalette, unknownStreetColor, withAlpha } from '@renderer/map/palette'
import {
  borderWidths,
  communityStyle,
  districtStyle,
  gridStyle,
  streetLabelSize,
  streetLabelStyle,
  streetStyle
} from '@renderer/map/styles'
import { readRegionFeatures, toFeatureCollection } from '@renderer/map/features'

const streets = ['440311-003', '440311-001', '440311-006', '440311-002', '440311-005', '440311-004']

describe('street palette', () => {
  it('gives six streets six different colours', () => {
    const colors = assignStreetColors(streets)
    expect(new Set(colors.values()).size).toBe(6)
    expect(streetPalette.length).toBeGreaterThanOrEqual(6)
    expect(new Set(streetPalette).size).toBe(streetPalette.length)
  })

  it('is deterministic and independent of input order', () => {
    const a = assignStreetColors(streets)
    const b = assignStreetColors([...streets].reverse())
    for (const code of streets) expect(a.get(code)).toBe(b.get(code))
    expect(a.get('440311-001')).toBe(streetPalette[0])
  })

  it('uses only well-formed colours, none pure red (red means alarm)', () => {
    for (const c of streetPalette) {
      expect(c).toMatch(/^#[0-9a-f]{6}$/)
      expect(c).not.toBe('#ff0000')
    }
  })

  it('converts hex to rgba and finds a region’s street from its code', () => {
    expect(withAlpha('#2f74d6', 0.5)).toBe('rgba(47, 116, 214, 0.5)')
    expect(() => withAlpha('red', 1)).toThrow()
    expect(streetCodeOf('440311-003-02-017')).toBe('440311-003')
    expect(streetCodeOf('440311')).toBeNull()
  })
})

describe('map styles', () => {
  const fillOf = (f: Fill | null): unknown => f?.getColor()
  const widthOf = (s: Stroke | null): number => s?.getWidth() ?? 0

  it('fills a grid with its street colour, translucent, and highlights it when hovered', () => {
    const normal = gridStyle('#2f74d6', false)
    const hovered = gridStyle('#2f74d6', true)
    expect(fillOf(normal.getFill())).toBe('rgba(47, 116, 214, 0.5)')
    expect(fillOf(hovered.getFill())).toBe('rgba(47, 116, 214, 0.9)')
    expect(widthOf(hovered.getStroke())).toBeGreaterThan(widthOf(normal.getStroke()))
  })

  it('returns the same cached style for the same input', () => {
    expect(gridStyle('#17a88f', false)).toBe(gridStyle('#17a88f', false))
    expect(streetLabelStyle('光明街道', 26)).toBe(streetLabelStyle('光明街道', 26))
  })

  it('draws borders thin → thick from grid to district', () => {
    const grid = widthOf(gridStyle('#17a88f', false).getStroke())
    const community = widthOf(communityStyle().getStroke())
    const street = widthOf(streetStyle().getStroke())
    const outline = districtStyle()
    const district = widthOf(outline[outline.length - 1]!.getStroke())
    expect(grid).toBe(borderWidths.grid)
    expect(grid).toBeLessThan(community)
    expect(community).toBeLessThan(street)
    expect(street).toBeLessThanOrEqual(district)
  })

  it('thickens lines on a 4K wall, and caches per scale', () => {
    expect(widthOf(streetStyle(2).getStroke())).toBe(borderWidths.street * 2)
    expect(widthOf(gridStyle('#17a88f', false, 2).getStroke())).toBe(borderWidths.grid * 2)
    expect(streetStyle(2)).toBe(streetStyle(2))
    expect(streetStyle(2)).not.toBe(streetStyle(1))
  })

  it('labels streets large, bold, with a halo, and larger on a 4K wall', () => {
    const text = streetLabelStyle('光明街道', streetLabelSize(1)).getText()!
    expect(text.getText()).toBe('光明街道')
    expect(text.getFont()).toMatch(/^bold 26px .*Noto Sans CJK SC/)
    expect(widthOf(text.getStroke())).toBeGreaterThanOrEqual(3)
    expect(streetLabelSize(2)).toBe(52)
    expect(streetLabelSize(0.5)).toBe(18)
  })
})

describe('district features', () => {
  const square = (lon: number, lat: number): MapRegion['geometry'] => ({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 0.01, lat],
        [lon + 0.01, lat + 0.01],
        [lon, lat + 0.01],
        [lon, lat]
      ]
    ]
  })
  const grid: MapRegion = {
    code: '440311-002-01-003',
    name: '第3网格',
    level: 'grid',
    parentCode: '440311-002-01',
    centroid: [113.905, 22.775],
    geometry: square(113.9, 22.77)
  }

  it('carries code, name and the street colour on each feature', () => {
    const colors = assignStreetColors(['440311-001', '440311-002'])
    const fc = toFeatureCollection([grid, { ...grid, code: '440399-009-01-001' }], colors)
    expect(fc.features[0]!.id).toBe(grid.code)
    expect(fc.features[0]!.properties).toMatchObject({ code: grid.code, streetCode: '440311-002', color: streetPalette[1] })
    expect(fc.features[1]!.properties.color).toBe(unknownStreetColor)
  })

  it('reads WGS-84 lon/lat into Web Mercator metres', () => {
    const [feature] = readRegionFeatures([grid], new Map())
    const [minX, minY] = feature!.getGeometry()!.getExtent()
    const [x, y] = fromLonLat([113.9, 22.77])
    expect(minX).toBeCloseTo(x!, 3)
    expect(minY).toBeCloseTo(y!, 3)
    expect(minX).toBeGreaterThan(12_000_000) // metres, not degrees
  })
})
