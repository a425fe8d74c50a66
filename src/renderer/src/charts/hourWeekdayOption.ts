import type { ComposeOption } from 'echarts/core'
import type { HeatmapSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components'
import type { HourWeekday } from '@shared/api/analysisTypes'
import { axisLabel, axisLine, emptyOption, pxAt, tooltipStyle } from './common'
import { HOURS } from './hourlyOption'
import { heatGradient } from './theme'

export type HourWeekdayOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption | GraphicComponentOption
>

export interface HourWeekdayLabels {
  /** Monday first, seven names. */
  weekdays: readonly string[]
  empty: string
  /** Tooltip of a cell. */
  cell(weekday: string, hour: number, count: number): string
}

export const defaultHourWeekdayLabels: HourWeekdayLabels = {
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  empty: '暂无数据',
  cell: (w, h, n) => `${w} ${h}–${h + 1}时<br/>${n} 件`
}

/** An empty hour is the panel's dark blue; then the heat ramp of the map's heat layer. */
export const matrixColors = ['#0f2a4d', ...heatGradient] as const

/** [hour, weekday, count] for every hour of the week, Monday 00:00 first. */
export function matrixCells(data: Pick<HourWeekday, 'counts'>): [number, number, number][] {
  const out: [number, number, number][] = []
  for (let w = 0; w < 7; w++) for (let h = 0; h < 24; h++) out.push([h, w, data.counts[w]?.[h] ?? 0])
  return out
}

/** The busiest hour of the week (the first, Monday first, on a tie), or null when there are no events. */
export function peakCell(data: Pick<HourWeekday, 'counts'>): { weekday: number; hour: number; count: number } | null {
  let best: { weekday: number; hour: number; count: number } | null = null
  for (const [hour, weekday, count] of matrixCells(data)) if (count > 0 && (!best || count > best.count)) best = { weekday, hour, count }
  return best
}

/**
 * Hot-spot hours: a 7 × 24 heat map (weekdays down, Monday on top; hours across, Shanghai time).
 * Colours scale from 0 to the busiest hour (the panel names it over the chart: peakCell).
 */
export function buildHourWeekdayOption(data: HourWeekday, labels: HourWeekdayLabels = defaultHourWeekdayLabels, scale = 1): HourWeekdayOption {
  if (!peakCell(data)) return emptyOption(labels.empty, scale)
  const px = pxAt(scale)
  const weekday = (w: number): string => labels.weekdays[w] ?? String(w)
  return {
    animationDuration: 400,
    tooltip: {
      ...tooltipStyle(scale),
      formatter: (p: unknown): string => {
        const v = (p as { value?: [number, number, number] }).value
        return v ? labels.cell(weekday(v[1]), v[0], v[2]) : ''
      }
    },
    grid: { left: px(4), right: px(10), top: px(4), bottom: px(2), containLabel: true },
    xAxis: {
      type: 'category',
      data: HOURS,
      axisLine,
      axisTick: { show: false },
      splitArea: { show: false },
      axisLabel: axisLabel(scale, { interval: 2, margin: px(8) })
    },
    yAxis: {
      type: 'category',
      data: labels.weekdays.slice(0, 7),
      inverse: true,
      axisLine,
      axisTick: { show: false },
      // Every weekday named, however short the rows.
      axisLabel: axisLabel(scale, { margin: px(8), interval: 0 })
    },
    visualMap: { type: 'continuous', show: false, min: 0, max: Math.max(1, data.max), dimension: 2, inRange: { color: [...matrixColors] } },
    series: [
      {
        type: 'heatmap',
        data: matrixCells(data),
        itemStyle: { borderColor: '#071427', borderWidth: Math.max(1, px(1)) },
        emphasis: { itemStyle: { borderColor: '#ffffff', borderWidth: Math.max(1, px(2)) } }
      }
    ]
  }
}
