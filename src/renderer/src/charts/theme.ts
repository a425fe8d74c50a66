/** Colours and fonts shared by the wall's charts (canvas text does not read CSS variables). */
export const wallColors = {
  text: '#dbe8ff',
  muted: '#8fa6c8',
  axis: '#3b5478',
  grid: 'rgba(143, 166, 200, 0.16)',
  tooltipBackground: 'rgba(8, 20, 40, 0.94)',
  reported: '#3d9bff',
  resolved: '#35d49a',
  fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif'
} as const

/**
 * How much larger than at 1080p text should be on this screen: 1 at 1080 px high, 2 at 2160 px
 * (a 4K wall at device pixel ratio 1). Never below 0.85 so a laptop stays legible.
 */
export function uiScale(viewportHeight: number): number {
  if (!Number.isFinite(viewportHeight) || viewportHeight <= 0) return 1
  return Math.min(4, Math.max(0.85, viewportHeight / 1080))
}

/** Extra series colours (sources, categories), readable on the dark wall. */
export const seriesPalette = ['#3d9bff', '#35d49a', '#f5b73b', '#b283ff', '#ff7a8a', '#4fd6e8', '#9bd35a', '#ff9f4a', '#7f9cff', '#e86fd0'] as const

/** Building risk levels: 放心 green, 一般 blue, 警示 amber (the same as the KPI panel and map). */
export const riskColors = { safe: '#35d49a', normal: '#6fb7ff', warning: '#f5b73b' } as const

/** Cool to hot, for the analysis of hot spots (the map's heat layer and the hour × weekday matrix): blue, cyan, green, yellow, orange, red. */
export const heatGradient = ['#1f5fd1', '#19b6d2', '#7be07a', '#ffd23f', '#ff8a3d', '#ff2d55'] as const

/** Week-over-week change: rising (a warning on the wall), falling, flat. */
export const riseColors = { up: '#ff6b7d', down: '#35d49a', flat: '#6fb7ff' } as const
