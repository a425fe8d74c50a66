import type { GraphicComponentOption } from 'echarts/components'
import { wallColors } from './theme'

/** Pixel sizes at 1080p grown by the wall's text scale. */
export const pxAt =
  (scale: number) =>
  (n: number): number =>
    Math.round(n * scale)

export const font = { fontFamily: wallColors.fontFamily } as const

/** An explicit "暂无数据" in the middle of the chart, never an empty grid. */
export function emptyOption(text: string, scale = 1): { animation: false; graphic: GraphicComponentOption[]; series: [] } {
  return {
    animation: false,
    graphic: [
      {
        type: 'text',
        left: 'center',
        top: 'middle',
        style: { text, fontSize: pxAt(scale)(26), fontWeight: 'bold', fill: wallColors.muted, ...font }
      }
    ],
    series: []
  }
}

export function tooltipStyle(scale: number) {
  const px = pxAt(scale)
  return {
    backgroundColor: wallColors.tooltipBackground,
    borderColor: wallColors.grid,
    textStyle: { color: wallColors.text, fontSize: px(16), ...font }
  }
}

export function legendStyle(scale: number) {
  const px = pxAt(scale)
  return {
    top: 0,
    right: 0,
    itemWidth: px(22),
    itemHeight: px(12),
    itemGap: px(20),
    textStyle: { color: wallColors.text, fontSize: px(17), ...font }
  }
}

/** Axis text at 15 px (1080p): muted, never rotated. */
export function axisLabel(scale: number, extra: Record<string, unknown> = {}) {
  return { color: wallColors.muted, fontSize: pxAt(scale)(15), ...font, ...extra }
}

export const splitLine = { lineStyle: { color: wallColors.grid } }
export const axisLine = { lineStyle: { color: wallColors.axis } }

/** Largest value, at least 1 (an axis of all zeros still has a scale). */
export const maxOf = (values: readonly number[]): number => values.reduce((m, v) => (v > m ? v : m), 1)
