import { describe, expect, it } from 'vitest'
import type { HotDemandRow, HourWeekday } from '@shared/api/analysisTypes'
import { buildHourWeekdayOption, matrixCells, matrixColors, peakCell } from '@renderer/charts/hourWeekdayOption'
import { formatRise, formatRiseRate, HOT_DEMAND_ROWS, hotDemandBars, riseTrend } from '@renderer/charts/hotDemandBars'
import { heatGradient, riseColors } from '@renderer/charts/theme'
import {
  cellPixels,
  gridCells,
  HEAT_TOP,
  heatFeatures,
  heatGain,
  heatKernel,
  heatRadius,
  heatWeight,
  MAX_HEAT_GAIN,
  MERCATOR_UNITS_PER_DEGREE,
  overlaid
} from '@renderer/map/heatLayer'
import { projectWgs84 } from '@renderer/map/features'

const area = { code: '440311', name: '光明区', level: 'district' as const }
const zeros = (): number[][] => Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0))

describe('buildHourWeekdayOption: the hour × weekday matrix', () => {
  const counts = zeros()
  counts[0]![9] = 12 // Monday 09:00
  counts[4]![18] = 30 // Friday 18:00
  counts[6]![23] = 30 // Sunday 23:00: as busy as Friday, later in the week
  const data: HourWeekday = { area, category: null, since: 0, until: 1, counts, max: 30, total: 72 }

  it('draws one cell per hour of the week, [hour, weekday, count], Monday on top', () => {
    const o = buildHourWeekdayOption(data) as {
      series: { type: string; data: [number, number, number][] }[]
      yAxis: { data: string[]; inverse: boolean }
      xAxis: { data: string[] }
      visualMap: { min: number; max: number; dimension: number; show: boolean; inRange: { color: string[] } }
    }
    expect(o.series[0]!.type).toBe('heatmap')
    expect(o.series[0]!.data).toHaveLength(168)
    expect(o.series[0]!.data).toContainEqual([9, 0, 12])
    expect(o.series[0]!.data).toContainEqual([18, 4, 30])
    expect(o.series[0]!.data).toContainEqual([23, 6, 30])
    expect(o.yAxis).toMatchObject({ data: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], inverse: true })
    expect(o.xAxis.data).toHaveLength(24)
    // Colours from 0 (the dark blue of an empty hour) to the busiest hour, hidden scale.
    expect(o.visualMap).toMatchObject({ min: 0, max: 30, dimension: 2, show: false })
    expect(o.visualMap.inRange.color).toEqual([...matrixColors])
    expect(matrixColors.slice(1)).toEqual([...heatGradient])
  })

  it('names the busiest hour, the first in the week on a tie', () => {
    expect(peakCell(data)).toEqual({ weekday: 4, hour: 18, count: 30 })
    expect(peakCell({ counts: zeros() })).toBeNull()
    expect(matrixCells({ counts: [] }).every(([, , n]) => n === 0)).toBe(true)
  })

  it('writes the cell in the tooltip with the labels given', () => {
    const o = buildHourWeekdayOption(data, { weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], empty: 'No data', cell: (w, h, n) => `${w} ${h} ${n}` }) as {
      tooltip: { formatter: (p: unknown) => string }
    }
    expect(o.tooltip.formatter({ value: [18, 4, 30] })).toBe('Fri 18 30')
  })

  it('says 暂无数据 when the period holds no event, and grows text with the screen', () => {
    const empty = buildHourWeekdayOption({ ...data, counts: zeros(), max: 0, total: 0 })
    expect(JSON.stringify(empty)).toContain('暂无数据')
    const big = buildHourWeekdayOption(data, undefined, 2) as { xAxis: { axisLabel: { fontSize: number } } }
    expect(big.xAxis.axisLabel.fontSize).toBe(30)
  })
})

describe('hotDemandBars: the hot resident demands list', () => {
  const row = (category: HotDemandRow['category'], count: number, previous: number): HotDemandRow => ({
    category,
    count,
    previous,
    rise: count - previous,
    riseRate: previous > 0 ? (count - previous) / previous : null
  })

  it('formats the rise: whole percent from 10 %, one decimal below, new and flat without a percentage', () => {
    expect(formatRiseRate(row('dispute', 138, 100))).toBe('+38%')
    expect(formatRiseRate(row('dispute', 88, 100))).toBe('−12%')
    expect(formatRiseRate(row('dispute', 103, 100))).toBe('+3.0%')
    expect(formatRiseRate(row('dispute', 1001, 1000))).toBe('+0.1%')
    expect(formatRiseRate(row('dispute', 5, 0))).toBeNull()
    expect(formatRiseRate(row('dispute', 5, 5))).toBeNull()
    expect([formatRise(12), formatRise(-3), formatRise(0)]).toEqual(['+12', '−3', '0'])
    expect([riseTrend(row('dispute', 5, 0)), riseTrend(row('dispute', 6, 5)), riseTrend(row('dispute', 4, 5)), riseTrend(row('dispute', 0, 0))]).toEqual([
      'new',
      'up',
      'down',
      'flat'
    ])
  })

  it('keeps the API order (most rise first), drops categories without demands, sizes bars against the longest of either week', () => {
    const rows = [row('petition', 3, 0), row('dispute', 40, 20), row('environment', 50, 60), row('workSafety', 0, 0), row('fireSafety', 10, 10)]
    const bars = hotDemandBars(rows)
    expect(bars.map((b) => b.row.category)).toEqual(['petition', 'dispute', 'environment', 'fireSafety'])
    expect(bars.map((b) => [b.width, b.previousWidth])).toEqual([
      [5, 0],
      [66.7, 33.3],
      [83.3, 100],
      [16.7, 16.7]
    ])
    expect(bars.map((b) => b.color)).toEqual([riseColors.up, riseColors.up, riseColors.down, riseColors.flat])
  })

  it('shows at most the limit, rising first', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row('dispute', 20 - i, 10))
    expect(hotDemandBars(rows)).toHaveLength(HOT_DEMAND_ROWS)
    expect(hotDemandBars(rows, 3).map((b) => b.row.count)).toEqual([20, 19, 18])
    expect(hotDemandBars([])).toEqual([])
  })
})

describe('the heat layer', () => {
  it('weighs a cell by the square root of its share of the busiest one', () => {
    expect(heatWeight(100, 100)).toBe(1)
    expect(heatWeight(25, 100)).toBe(0.5)
    expect(heatWeight(0, 100)).toBe(0)
    expect(heatWeight(5, 0)).toBe(0)
    expect(heatWeight(200, 100)).toBe(1)
  })

  it('blurs about a cell across at any zoom, within bounds that grow with the wall', () => {
    const cell = 1 / 800
    expect(cellPixels(cell, 3)).toBeCloseTo((cell * MERCATOR_UNITS_PER_DEGREE) / 3, 9)
    expect(cellPixels(cell, 3)).toBeCloseTo(46.4, 1)
    expect(heatRadius(cellPixels(cell, 3))).toEqual({ radius: 28, blur: 41.5 })
    // District zoom: small cells keep a floor; street zoom: a ceiling.
    expect(heatRadius(cellPixels(cell, 100))).toEqual({ radius: 8, blur: 12 })
    expect(heatRadius(cellPixels(cell, 0.5))).toEqual({ radius: 40, blur: 50 })
    expect(heatRadius(cellPixels(cell, 0.5), 2)).toEqual({ radius: 80, blur: 100 })
    expect(heatRadius(cellPixels(cell, 0))).toEqual({ radius: 8, blur: 12 })
  })

  it("follows OpenLayers' kernel: strongest at the point, nothing beyond radius + blur", () => {
    expect(heatKernel(0, 8, 12)).toBeCloseTo(0.7407, 3) // smoothstep(8 / 12)
    expect(heatKernel(0, 20, 10)).toBe(1)
    expect(heatKernel(20, 8, 12)).toBe(0)
    expect(heatKernel(30, 8, 12)).toBe(0)
    expect(heatKernel(5, 8, 12)).toBeLessThan(heatKernel(0, 8, 12))
  })

  it('puts the densest spot at the top of the ramp, dense or sparse, near or far', () => {
    // OpenLayers composites points "over" each other.
    expect(overlaid([1, 1], [0.5, 0.5], 1)).toBeCloseTo(0.75, 9)
    expect(overlaid([0.5], [1], 4)).toBe(1) // a weight times the gain stops at 1
    // A 9 × 9 block of full cells a few pixels apart overlaps: the gain brings its middle to HEAT_TOP.
    const block = Array.from({ length: 81 }, (_, i) => ({ x: i % 9, y: Math.floor(i / 9), weight: 1 }))
    const gain = heatGain(block, 7, 7.6, 8, 12)
    expect(gain).toBeLessThan(1)
    const around = block.map((c) => heatKernel(Math.hypot((c.x - 4) * 7, (c.y - 4) * 7.6), 8, 12))
    expect(overlaid(block.map((c) => c.weight), around, gain)).toBeCloseTo(HEAT_TOP, 6)
    // Zoomed in (cells far apart), the same block barely overlaps: more gain.
    expect(heatGain(block, 60, 65, 36, 50)).toBeGreaterThan(gain * 2)
    // A lone faint cell is lifted only so far; nothing to draw, or an empty screen: no gain.
    expect(heatGain([{ x: 0, y: 0, weight: 0.01 }], 7, 7.6, 8, 12)).toBe(MAX_HEAT_GAIN)
    expect(heatGain([], 7, 7.6, 8, 12)).toBe(1)
    expect(heatGain(block, 0, 0, 8, 12)).toBe(1)
  })

  it('finds each cell on the grid of its size from its centre', () => {
    const heat = { area, category: null, since: 0, until: 1, crs: 'WGS84' as const, cellDeg: 2 / 800, lon: [113.90125, -0.00125], lat: [22.70375, -45.00125], count: [9, 1], max: 9, total: 10 }
    expect(gridCells(heat)).toEqual([
      { x: 117560, y: 45081, weight: 1 },
      { x: 71999, y: 17999, weight: 1 / 3 }
    ])
  })

  it('puts one weighted point per cell at its centre, projected', () => {
    const features = heatFeatures(
      { area, category: null, since: 0, until: 1, crs: 'WGS84', cellDeg: 1 / 800, lon: [113.9, 113.91], lat: [22.7, 22.71], count: [4, 16], max: 16, total: 20 },
      projectWgs84
    )
    expect(features.map((f) => [f.get('count'), f.get('weight')])).toEqual([
      [4, 0.5],
      [16, 1]
    ])
    expect(features[0]!.getGeometry()!.getCoordinates()).toEqual(projectWgs84([113.9, 22.7]))
  })
})
