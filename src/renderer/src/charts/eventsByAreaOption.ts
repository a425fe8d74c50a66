import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type {
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption
} from 'echarts/components'
import type { EventsByArea } from '@shared/api/types'
import { emptyOption } from './common'
import { wallColors } from './theme'

export type EventsByAreaOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | GraphicComponentOption
>

export interface EventsByAreaLabels {
  reported: string
  resolved: string
  resolutionRate: string
  empty: string
}

export const defaultEventsByAreaLabels: EventsByAreaLabels = {
  reported: '上报',
  resolved: '办结',
  resolutionRate: '办结率',
  empty: '暂无数据'
}

/** Resolved share of reported, as "98.5%"; "—" when nothing was reported. */
export function formatRate(resolved: number, reported: number): string {
  if (reported <= 0) return '—'
  return `${(Math.round((resolved / reported) * 1000) / 10).toFixed(1)}%`
}

/**
 * Events reported and resolved per child area as horizontal bars (area names stay horizontal
 * and readable from across the room). `scale` = 1 at 1080p; fonts grow with it for 4K.
 * No rows: an explicit "暂无数据" text instead of an empty grid.
 */
export function buildEventsByAreaOption(
  data: EventsByArea,
  labels: EventsByAreaLabels = defaultEventsByAreaLabels,
  scale = 1
): EventsByAreaOption {
  const px = (n: number): number => Math.round(n * scale)
  const font = { fontFamily: wallColors.fontFamily }
  if (data.rows.length === 0) return emptyOption(labels.empty, scale)
  const names = data.rows.map((r) => r.name)
  const rates = new Map(data.rows.map((r) => [r.name, formatRate(r.resolved, r.reported)]))
  const barLabel = {
    show: true,
    position: 'right' as const,
    color: wallColors.text,
    fontSize: px(18),
    ...font
  }
  return {
    animationDuration: 600,
    textStyle: { ...font, color: wallColors.text },
    legend: {
      top: 0,
      right: 0,
      itemWidth: px(22),
      itemHeight: px(14),
      itemGap: px(24),
      textStyle: { color: wallColors.text, fontSize: px(18), ...font },
      data: [labels.reported, labels.resolved]
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: wallColors.tooltipBackground,
      borderColor: wallColors.grid,
      textStyle: { color: wallColors.text, fontSize: px(16), ...font },
      formatter: (params: unknown): string => {
        const items = (Array.isArray(params) ? params : [params]) as { name?: string; seriesName?: string; value?: unknown }[]
        const name = items[0]?.name ?? ''
        const lines = items.map((p) => `${p.seriesName ?? ''}：${String(p.value ?? '')}`)
        return [name, ...lines, `${labels.resolutionRate}：${rates.get(name) ?? '—'}`].join('<br/>')
      }
    },
    grid: { left: px(8), right: px(56), top: px(44), bottom: px(8), containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: wallColors.muted, fontSize: px(16), ...font },
      splitLine: { lineStyle: { color: wallColors.grid } }
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: wallColors.axis } },
      axisLabel: { color: wallColors.text, fontSize: px(18), fontWeight: 'bold', margin: px(12), ...font }
    },
    series: [
      {
        name: labels.reported,
        type: 'bar',
        data: data.rows.map((r) => r.reported),
        barMaxWidth: px(28),
        barGap: '20%',
        itemStyle: { color: wallColors.reported, borderRadius: [0, 3, 3, 0] },
        label: barLabel
      },
      {
        name: labels.resolved,
        type: 'bar',
        data: data.rows.map((r) => r.resolved),
        barMaxWidth: px(28),
        itemStyle: { color: wallColors.resolved, borderRadius: [0, 3, 3, 0] },
        label: barLabel
      }
    ]
  }
}
