import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { DailyTrend } from '@shared/api/types'
import { axisLabel, axisLine, emptyOption, legendStyle, pxAt, splitLine, tooltipStyle } from './common'
import { wallColors } from './theme'

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | GraphicComponentOption
>

export interface TrendLabels {
  reported: string
  closed: string
  empty: string
}
export const defaultTrendLabels: TrendLabels = { reported: '上报', closed: '办结', empty: '暂无数据' }

/** "2026-11-22" → "11-22" (the year is the same across the window and wastes room). */
export const shortDate = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(5) : date)

/** Daily events reported vs closed, oldest left, today right: two lines, one point per day. */
export function buildTrendOption(data: DailyTrend, labels: TrendLabels = defaultTrendLabels, scale = 1): TrendOption {
  const px = pxAt(scale)
  if (data.days.length === 0 || data.days.every((d) => d.reported === 0 && d.closed === 0)) return emptyOption(labels.empty, scale)
  const line = (name: string, color: string, values: number[], area: boolean): LineSeriesOption => ({
    name,
    type: 'line',
    data: values,
    smooth: true,
    showSymbol: false,
    symbolSize: px(6),
    lineStyle: { width: px(3), color },
    itemStyle: { color },
    ...(area ? { areaStyle: { color, opacity: 0.14 } } : {})
  })
  return {
    animationDuration: 600,
    legend: { ...legendStyle(scale), data: [labels.reported, labels.closed] },
    tooltip: { trigger: 'axis', ...tooltipStyle(scale) },
    grid: { left: px(8), right: px(16), top: px(40), bottom: px(6), containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: data.days.map((d) => shortDate(d.date)),
      axisLine,
      axisTick: { show: false },
      // Every 7th day: 5 labels that never overlap at the narrowest panel.
      axisLabel: axisLabel(scale, { interval: Math.max(0, Math.ceil(data.days.length / 5) - 1), margin: px(10) })
    },
    yAxis: { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: axisLabel(scale), splitLine },
    series: [
      line(labels.reported, wallColors.reported, data.days.map((d) => d.reported), true),
      line(labels.closed, wallColors.resolved, data.days.map((d) => d.closed), false)
    ]
  }
}
