import { describe, expect, it } from 'vitest'
import type { Breakdown, DailyTrend, HourlyProfile } from '@shared/api/types'
import type { EventSource } from '@shared/domain/event'
import { buildTrendOption, shortDate } from '@renderer/charts/trendOption'
import { buildHourlyOption, hourValues } from '@renderer/charts/hourlyOption'
import { buildRankedBarOption, ellipsis } from '@renderer/charts/rankedBarOption'
import { buildSourcesOption, formatShare } from '@renderer/charts/sourcesOption'
import { staleStats, statNames } from '@renderer/stores/statsTopics'

const area = { code: '440311', name: '光明区', level: 'district' as const }
type Series = { name?: string; type?: string; data?: unknown[]; lineStyle?: { width?: number } }
const seriesOf = (o: unknown): Series[] => (o as { series: Series[] }).series
const isEmpty = (o: unknown): boolean => seriesOf(o).length === 0 && JSON.stringify(o).includes('暂无数据')

describe('buildTrendOption', () => {
  const days = Array.from({ length: 30 }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, reported: 100 + i, closed: 90 + i }))
  const data: DailyTrend = { area, days }

  it('draws reported and closed as two lines, one point per day, oldest first', () => {
    const o = buildTrendOption(data)
    const s = seriesOf(o)
    expect(s.map((x) => [x.name, x.type])).toEqual([
      ['上报', 'line'],
      ['办结', 'line']
    ])
    expect(s[0]!.data).toHaveLength(30)
    expect(s[0]!.data?.[0]).toBe(100)
    expect((o as { xAxis: { data: string[] } }).xAxis.data[29]).toBe('11-30')
  })

  it('thins the date labels so at most about five show', () => {
    const interval = (buildTrendOption(data) as { xAxis: { axisLabel: { interval: number } } }).xAxis.axisLabel.interval
    expect(Math.ceil(30 / (interval + 1))).toBeLessThanOrEqual(5)
  })

  it('grows line widths with the screen', () => {
    expect(seriesOf(buildTrendOption(data, undefined, 2))[0]!.lineStyle?.width).toBe(6)
  })

  it('says 暂无数据 for no events', () => {
    expect(isEmpty(buildTrendOption({ area, days: [] }))).toBe(true)
    expect(isEmpty(buildTrendOption({ area, days: [{ date: '2026-11-01', reported: 0, closed: 0 }] }))).toBe(true)
  })

  it('shortens ISO dates only', () => {
    expect(shortDate('2026-11-22')).toBe('11-22')
    expect(shortDate('today')).toBe('today')
  })
})

describe('buildHourlyOption', () => {
  const data: HourlyProfile = { area, today: [1, 2, 3], average: Array.from({ length: 24 }, () => 2.345) }

  it('shows today as 24 bars and the 28-day mean as a line, missing hours as 0', () => {
    const s = seriesOf(buildHourlyOption(data))
    expect(s.map((x) => x.type)).toEqual(['bar', 'line'])
    expect(s[0]!.data).toHaveLength(24)
    expect(s[0]!.data?.slice(0, 4)).toEqual([1, 2, 3, 0])
    expect(s[1]!.data?.[0]).toBe(2.3)
  })

  it('says 暂无数据 when every hour is zero', () => {
    expect(isEmpty(buildHourlyOption({ area, today: [], average: [] }))).toBe(true)
  })

  it('pads and rounds hour values', () => {
    expect(hourValues([1.26], 1)).toHaveLength(24)
    expect(hourValues([1.26], 1)[0]).toBe(1.3)
  })
})

describe('buildRankedBarOption', () => {
  const rows = [
    { name: '城市管理', value: 30 },
    { name: '治安', value: 50 },
    { name: '信访', value: 0 },
    { name: '环境卫生', value: 10 }
  ]

  it('puts the largest first, hides zero rows and keeps each row its own colour', () => {
    const o = buildRankedBarOption(rows, '暂无数据', 1, { colors: ['#a', '#b', '#c', '#d'] }) as {
      yAxis: { data: string[] }
      series: { data: { value: number; itemStyle: { color: string } }[] }[]
    }
    expect(o.yAxis.data).toEqual(['治安', '城市管理', '环境卫生'])
    expect(o.series[0]!.data.map((d) => [d.value, d.itemStyle.color])).toEqual([
      [50, '#b'],
      [30, '#a'],
      [10, '#d']
    ])
  })

  it('says 暂无数据 for nothing to show', () => {
    expect(isEmpty(buildRankedBarOption([], '暂无数据'))).toBe(true)
    expect(isEmpty(buildRankedBarOption([{ name: 'x', value: 0 }], '暂无数据'))).toBe(true)
  })

  it('shortens long names with an ellipsis', () => {
    expect(ellipsis('光明街道第一社区第三网格', 6)).toBe('光明街道第…')
    expect(ellipsis('治安', 6)).toBe('治安')
  })
})

describe('buildSourcesOption', () => {
  const names: Record<EventSource, string> = { patrol: '巡查', resident: '居民', hotline: '12345 热线', camera: '视频', sensor: '感知' }
  const data: Breakdown<EventSource> = { area, since: 0, rows: [{ key: 'camera', count: 30 }, { key: 'patrol', count: 70 }] }

  it('shows the five sources in a fixed order, absent ones as 0', () => {
    const o = buildSourcesOption(data, (s) => names[s], '暂无数据') as { series: { type: string; data: { name: string; value: number }[] }[] }
    expect(o.series[0]!.type).toBe('pie')
    expect(o.series[0]!.data.map((d) => [d.name, d.value])).toEqual([
      ['巡查', 70],
      ['居民', 0],
      ['12345 热线', 0],
      ['视频', 30],
      ['感知', 0]
    ])
  })

  it('puts count and share in the legend', () => {
    const o = buildSourcesOption(data, (s) => names[s], '暂无数据') as { legend: { formatter: (n: string) => string } }
    expect(o.legend.formatter('视频')).toBe('视频  30  30.0%')
  })

  it('says 暂无数据 for no events', () => {
    expect(isEmpty(buildSourcesOption({ area, since: 0, rows: [] }, (s) => names[s], '暂无数据'))).toBe(true)
    expect(formatShare(1, 0)).toBe('—')
  })
})

describe('staleStats', () => {
  it('refreshes every panel for a new district and the event panels for events, nothing for operators', () => {
    expect(staleStats(['district'])).toEqual([...statNames])
    expect(staleStats(['events'])).toContain('kpis')
    expect(staleStats(['events'])).toContain('trend')
    expect(staleStats(['operators'])).toEqual([])
    expect(staleStats(['mode'])).toEqual([])
  })
})
