import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, GridComponentOption, TooltipComponentOption } from 'echarts/components'
import { axisLine, emptyOption, font, pxAt, splitLine, tooltipStyle } from './common'
import { seriesPalette, wallColors } from './theme'

export type RankedBarOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | GraphicComponentOption>

export interface RankedRow {
  name: string
  value: number
}

export interface RankedBarStyle {
  /** One colour per bar (categories) or one for all (hot spots). */
  colors?: readonly string[]
  /** Bar label text, e.g. "12.4‰"; the value by default. */
  format?: (v: number) => string
  /** Longest name shown before an ellipsis, in characters. */
  maxNameChars?: number
  /** Tooltip lines under the name, by row index. */
  detail?: (index: number) => string[]
}

/** A name longer than `max` characters ends in "…" (full name in the tooltip). */
export function ellipsis(name: string, max: number): string {
  const chars = [...name]
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : name
}

/**
 * Largest first, as horizontal bars with the names on the left, readable from across the room
 * (names never rotated). Used by the category breakdown and the hot-spot grids.
 */
export function buildRankedBarOption(rows: readonly RankedRow[], empty: string, scale = 1, style: RankedBarStyle = {}): RankedBarOption {
  const px = pxAt(scale)
  const order = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.value > 0)
    .sort((a, b) => b.r.value - a.r.value)
  if (order.length === 0) return emptyOption(empty, scale)
  const colors = style.colors ?? [wallColors.reported]
  const format = style.format ?? ((v: number) => v.toLocaleString('zh-CN'))
  const maxChars = style.maxNameChars ?? 8
  return {
    animationDuration: 600,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...tooltipStyle(scale),
      formatter: (params: unknown): string => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined
        const item = p?.dataIndex !== undefined ? order[p.dataIndex] : undefined
        if (!item) return ''
        return [item.r.name, format(item.r.value), ...(style.detail?.(item.i) ?? [])].join('<br/>')
      }
    },
    grid: { left: px(8), right: px(72), top: px(8), bottom: px(4), containLabel: true },
    xAxis: { type: 'value', show: false, splitLine },
    yAxis: {
      type: 'category',
      inverse: true,
      data: order.map(({ r }) => ellipsis(r.name, maxChars)),
      axisTick: { show: false },
      axisLine,
      axisLabel: { color: wallColors.text, fontSize: px(17), margin: px(10), interval: 0, ...font }
    },
    series: [
      {
        type: 'bar',
        data: order.map(({ r, i }) => ({ value: r.value, itemStyle: { color: colors[i % colors.length] ?? wallColors.reported } })),
        barMaxWidth: px(22),
        barCategoryGap: '35%',
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: wallColors.text,
          fontSize: px(16),
          formatter: (p: { value?: unknown }) => format(Number(p.value ?? 0)),
          ...font
        }
      }
    ]
  }
}

export { seriesPalette }
