import { describe, expect, it } from 'vitest'
import type { EventsByArea } from '@shared/api/types'
import { buildEventsByAreaOption, defaultEventsByAreaLabels, formatRate } from '@renderer/charts/eventsByAreaOption'

const data: EventsByArea = {
  area: { code: '440311', name: '示范区', level: 'district' },
  since: 0,
  until: 1,
  rows: [
    { code: '440311-001', name: '光明街道', reported: 120, resolved: 110 },
    { code: '440311-002', name: '凤凰街道', reported: 80, resolved: 79 },
    { code: '440311-003', name: '玉塘街道', reported: 0, resolved: 0 }
  ]
}

type Series = { name?: string; type?: string; data?: unknown[]; label?: { fontSize?: number } }
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series

describe('buildEventsByAreaOption', () => {
  it('puts the street names on the category axis, in order', () => {
    const o = buildEventsByAreaOption(data) as { yAxis: { type: string; data: string[] } }
    expect(o.yAxis.type).toBe('category')
    expect(o.yAxis.data).toEqual(['光明街道', '凤凰街道', '玉塘街道'])
  })

  it('has one bar series for reported and one for resolved, taken from the rows', () => {
    const series = seriesOf(buildEventsByAreaOption(data))
    expect(series.map((s) => [s.name, s.type])).toEqual([
      ['上报', 'bar'],
      ['办结', 'bar']
    ])
    expect(series[0]!.data).toEqual([120, 80, 0])
    expect(series[1]!.data).toEqual([110, 79, 0])
  })

  it('uses the given labels (English) for series and legend', () => {
    const labels = { reported: 'Reported', resolved: 'Resolved', resolutionRate: 'Rate', empty: 'No data' }
    const o = buildEventsByAreaOption(data, labels) as { legend: { data: string[] } }
    expect(o.legend.data).toEqual(['Reported', 'Resolved'])
    expect(seriesOf(o).map((s) => s.name)).toEqual(['Reported', 'Resolved'])
  })

  it('keeps axis labels at least 16 px at 1080p and scales them up for 4K', () => {
    const at1080 = buildEventsByAreaOption(data, defaultEventsByAreaLabels, 1) as {
      yAxis: { axisLabel: { fontSize: number } }
      xAxis: { axisLabel: { fontSize: number } }
    }
    const at4k = buildEventsByAreaOption(data, defaultEventsByAreaLabels, 2) as typeof at1080
    expect(at1080.yAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(16)
    expect(at1080.xAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(16)
    expect(at4k.yAxis.axisLabel.fontSize).toBe(at1080.yAxis.axisLabel.fontSize * 2)
  })

  it('shows an explicit "暂无数据" instead of an empty chart when there are no rows', () => {
    const o = buildEventsByAreaOption({ ...data, rows: [] }) as {
      graphic: { type: string; style: { text: string } }[]
      series: unknown[]
      yAxis?: unknown
    }
    expect(o.graphic[0]!.type).toBe('text')
    expect(o.graphic[0]!.style.text).toBe('暂无数据')
    expect(o.series).toEqual([])
    expect(o.yAxis).toBeUndefined()
  })

  it('is pure: same input, equal output, input untouched', () => {
    const copy = structuredClone(data)
    const a = JSON.stringify(buildEventsByAreaOption(data))
    const b = JSON.stringify(buildEventsByAreaOption(data))
    expect(a).toBe(b)
    expect(data).toEqual(copy)
  })

  it('tooltip adds the resolution rate', () => {
    const o = buildEventsByAreaOption(data) as { tooltip: { formatter: (p: unknown) => string } }
    const text = o.tooltip.formatter([
      { name: '光明街道', seriesName: '上报', value: 120 },
      { name: '光明街道', seriesName: '办结', value: 110 }
    ])
    expect(text).toContain('光明街道')
    expect(text).toContain('办结率：91.7%')
  })
})

describe('formatRate', () => {
  it('formats a share with one decimal and a dash when nothing was reported', () => {
    expect(formatRate(35_588, 35_800)).toBe('99.4%')
    expect(formatRate(1, 1)).toBe('100.0%')
    expect(formatRate(0, 0)).toBe('—')
  })
})
