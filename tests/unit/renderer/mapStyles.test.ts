import { describe, expect, it } from 'vitest'
import type Fill from 'ol/style/Fill'
import type Stroke from 'ol/style/Stroke'
import type RegularShape from 'ol/style/RegularShape'
import { fromLonLat } from 'ol/proj'
import type { MapRegion } from '@shared/api/types'
import { choroplethRamp, noDataColor, riskColors, streetCodeOf, withAlpha } from '@renderer/map/palette'
import {
  buildingCanvasStyle,
  buildingFlatStyle,
  buildingRadius,
  cameraStyle,
  choroplethAlpha,
  choroplethStyle,
  dimStyle,
  districtStyle,
  labelStyle,
  lineWidths,
  selectedStyle,
  staffStyle
} from '@renderer/map/styles'
import { buildingFeatures, projector, projectWgs84, regionFeature } from '@renderer/map/features'

const fillOf = (f: Fill | null | undefined): unknown => f?.getColor()
const widthOf = (s: Stroke | null | undefined): number => s?.getWidth() ?? 0

describe('palette', () => {
  it('converts hex to rgba and finds a region’s street from its code', () => {
    expect(withAlpha('#2f74d6', 0.5)).toBe('rgba(47, 116, 214, 0.5)')
    expect(() => withAlpha('red', 1)).toThrow()
    expect(streetCodeOf('440311-003-02-017')).toBe('440311-003')
    expect(streetCodeOf('440311')).toBeNull()
  })

  it('colours building risk green / blue / amber-red, all distinct and well-formed', () => {
    expect(riskColors).toHaveLength(3)
    expect(new Set(riskColors).size).toBe(3)
    for (const c of riskColors) expect(c).toMatch(/^#[0-9a-f]{6}$/)
    const [r0, g0] = [parseInt(riskColors[0].slice(1, 3), 16), parseInt(riskColors[0].slice(3, 5), 16)]
    expect(g0).toBeGreaterThan(r0) // safe is green
    const [r2, b2] = [parseInt(riskColors[2].slice(1, 3), 16), parseInt(riskColors[2].slice(5, 7), 16)]
    expect(r2).toBeGreaterThan(200) // warning is amber-red
    expect(b2).toBeLessThan(100)
  })
})

describe('region styles', () => {
  it('fills a region with its class colour, translucent; grey while the metric is unavailable', () => {
    const low = choroplethStyle(0, [0, 3, 9])
    const high = choroplethStyle(9, [0, 3, 9])
    expect(fillOf(low.getFill())).toBe(withAlpha(choroplethRamp[0], choroplethAlpha))
    expect(fillOf(high.getFill())).toBe(withAlpha(choroplethRamp[4], choroplethAlpha))
    expect(fillOf(choroplethStyle(null, [0, 3, 9]).getFill())).toBe(withAlpha(noDataColor, choroplethAlpha))
    expect(fillOf(choroplethStyle(5, []).getFill())).toBe(withAlpha(noDataColor, choroplethAlpha))
  })

  it('returns the same cached style for the same input, one per scale', () => {
    expect(choroplethStyle(1, [1, 2])).toBe(choroplethStyle(1, [1, 2]))
    expect(labelStyle('凤凰街道', 26)).toBe(labelStyle('凤凰街道', 26))
    expect(dimStyle(2)).toBe(dimStyle(2))
    expect(dimStyle(2)).not.toBe(dimStyle(1))
    expect(widthOf(choroplethStyle(1, [1], 2).getStroke())).toBe(lineWidths.region * 2)
  })

  it('outlines the selected area thicker than the district, both over a glow', () => {
    const sel = selectedStyle()
    const dist = districtStyle()
    expect(widthOf(sel.at(-1)!.getStroke())).toBeGreaterThan(widthOf(dist.at(-1)!.getStroke()) - 0.01)
    expect(widthOf(sel[0]!.getStroke())).toBeGreaterThan(widthOf(sel.at(-1)!.getStroke()))
    expect(sel.every((s) => s.getFill() === null)).toBe(true)
  })

  it('labels large, bold, with a halo', () => {
    const text = labelStyle('凤凰街道', 26).getText()!
    expect(text.getText()).toBe('凤凰街道')
    expect(text.getFont()).toMatch(/^bold 26px .*Noto Sans CJK SC/)
    expect(widthOf(text.getStroke())).toBeGreaterThanOrEqual(3)
  })
})

describe('point styles', () => {
  it('draws online and offline cameras with different shapes, not only colours', () => {
    const on = cameraStyle(true).getImage() as RegularShape
    const off = cameraStyle(false).getImage() as RegularShape
    expect(on.getRadius2()).not.toBe(off.getRadius2())
    expect(on.getFill()).not.toBeNull()
    expect(off.getFill()).toBeNull()
    expect(staffStyle().getImage()).not.toBeNull()
  })

  it('colours WebGL buildings by a match on risk, with the same colours as the legend', () => {
    const style = buildingFlatStyle()
    expect(style['circle-fill-color']).toEqual(['match', ['get', 'risk'], 0, riskColors[0], 1, riskColors[1], 2, riskColors[2], '#888888'])
    expect(style['circle-radius']).toBeDefined()
  })

  it('draws canvas buildings like the WebGL ones: colour by risk, radius by zoom', () => {
    expect(buildingRadius(13)).toBe(2)
    expect(buildingRadius(18)).toBe(7)
    expect(buildingRadius(25)).toBe(7)
    const img = (risk: number, zoom: number) => buildingCanvasStyle(risk, zoom).getImage() as unknown as { getFill(): Fill; getRadius(): number }
    expect(fillOf(img(2, 15).getFill())).toBe(riskColors[2])
    expect(img(0, 17).getRadius()).toBeGreaterThan(img(0, 14).getRadius())
  })
})

describe('features', () => {
  const grid: MapRegion = {
    code: '440311-002-01-003',
    name: '第3网格',
    level: 'grid',
    parentCode: '440311-002-01',
    centroid: [113.905, 22.775],
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [113.9, 22.77],
          [113.91, 22.77],
          [113.91, 22.78],
          [113.9, 22.78],
          [113.9, 22.77]
        ]
      ]
    }
  }

  it('reads WGS-84 lon/lat into Web Mercator metres, id = code', () => {
    const feature = regionFeature(grid, projectWgs84)
    expect(feature.getId()).toBe(grid.code)
    expect(feature.get('parentCode')).toBe('440311-002-01')
    const [minX, minY] = feature.getGeometry()!.getExtent()
    const [x, y] = fromLonLat([113.9, 22.77])
    expect(minX).toBeCloseTo(x!, 3)
    expect(minY).toBeCloseTo(y!, 3)
  })

  it('passes every coordinate through the basemap conversion first', () => {
    const shift = projector(([lon, lat]) => [lon + 0.005, lat + 0.003])
    const [minX] = regionFeature(grid, shift).getGeometry()!.getExtent()
    expect(minX).toBeCloseTo(fromLonLat([113.905, 22.773])[0]!, 3)
    const [b] = buildingFeatures({ crs: 'WGS84', ids: ['B1'], lon: [113.9], lat: [22.77], risk: [2] }, shift)
    expect(b!.get('risk')).toBe(2)
    expect(b!.getGeometry()!.getCoordinates()[0]).toBeCloseTo(fromLonLat([113.905, 22.773])[0]!, 3)
  })
})
