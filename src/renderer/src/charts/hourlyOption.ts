import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { HourlyProfile } from '@shared/api/types'
import { axisLabel, axisLine, emptyOption, legendStyle, pxAt, splitLine, tooltipStyle } from './common'
import { wallColors } from './theme'

export type HourlyOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | GraphicComponentOption
>

export interface HourlyLabels {
  today: string
  average: string
  empty: string
}
export const defaultHourlyLabels: HourlyLabels = { today: '今日', average: '近28日均值', empty: '暂无数据' }

export const HOURS = Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}`)

/** Takes 24 values; missing hours count 0, averages are rounded to one decimal. */
export function hourValues(values: readonly number[], decimals = 0): number[] {
  const f = 10 ** decimals
  return HOURS.map((_, h) => Math.round((values[h] ?? 0) * f) / f)
}

/** Events by hour of day: today's bars against the 28-day mean per hour as a line. */
export function buildHourlyOption(data: HourlyProfile, labels: HourlyLabels = defaultHourlyLabels, scale = 1): HourlyOption {
  const px = pxAt(scale)
  const today = hourValues(data.today)
  const average = hourValues(data.average, 1)
  if ([...today, ...average].every((v) => v === 0)) return emptyOption(labels.empty, scale)
  return {
    animationDuration: 600,
    legend: { ...legendStyle(scale), data: [labels.today, labels.average] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...tooltipStyle(scale) },
    grid: { left: px(8), right: px(16), top: px(40), bottom: px(6), containLabel: true },
    xAxis: {
      type: 'category',
      data: HOURS,
      axisLine,
      axisTick: { show: false },
      axisLabel: axisLabel(scale, { interval: 2, margin: px(10) })
    },
    yAxis: { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: axisLabel(scale), splitLine },
    series: [
      {
        name: labels.today,
        type: 'bar',
        data: today,
        barMaxWidth: px(18),
        itemStyle: { color: wallColors.reported, borderRadius: [3, 3, 0, 0] }
      },
      {
        name: labels.average,
        type: 'line',
        data: average,
        smooth: true,
        showSymbol: false,
        lineStyle: { width: px(3), color: '#f5b73b', type: 'dashed' },
        itemStyle: { color: '#f5b73b' }
      }
    ]
  }
}
