import type { ComposeOption } from 'echarts/core'
import type { PieSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { eventSources, type EventSource } from '@shared/domain/event'
import type { Breakdown } from '@shared/api/types'
import { emptyOption, font, pxAt, tooltipStyle } from './common'
import { seriesPalette, wallColors } from './theme'

export type SourcesOption = ComposeOption<PieSeriesOption | TooltipComponentOption | LegendComponentOption | GraphicComponentOption>

/** A share as "12.3%"; "—" of nothing. */
export function formatShare(part: number, total: number): string {
  return total > 0 ? `${((part / total) * 100).toFixed(1)}%` : '—'
}

/**
 * Where events come from (巡查, 居民, 12345 热线, 视频, 感知) as a ring, the five sources always
 * in the same order and colour; the legend on the right carries the count and share.
 */
export function buildSourcesOption(
  data: Breakdown<EventSource>,
  sourceName: (s: EventSource) => string,
  empty: string,
  scale = 1
): SourcesOption {
  const px = pxAt(scale)
  const counts = new Map(data.rows.map((r) => [r.key, r.count]))
  const rows = eventSources.map((key, i) => ({ key, name: sourceName(key), value: counts.get(key) ?? 0, color: seriesPalette[i]! }))
  const total = rows.reduce((s, r) => s + r.value, 0)
  if (total === 0) return emptyOption(empty, scale)
  const byName = new Map(rows.map((r) => [r.name, r]))
  return {
    animationDuration: 600,
    tooltip: { trigger: 'item', ...tooltipStyle(scale) },
    legend: {
      orient: 'vertical',
      right: px(8),
      top: 'middle',
      itemWidth: px(16),
      itemHeight: px(16),
      itemGap: px(12),
      textStyle: { color: wallColors.text, fontSize: px(17), ...font },
      formatter: (name: string): string => {
        const r = byName.get(name)
        return r ? `${name}  ${r.value.toLocaleString('zh-CN')}  ${formatShare(r.value, total)}` : name
      },
      data: rows.map((r) => r.name)
    },
    series: [
      {
        type: 'pie',
        radius: ['45%', '78%'],
        center: ['27%', '52%'],
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: wallColors.tooltipBackground, borderWidth: px(2) },
        data: rows.map((r) => ({ name: r.name, value: r.value, itemStyle: { color: r.color } }))
      }
    ]
  }
}
