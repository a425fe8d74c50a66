import { choroplethRamp } from './palette'

/**
 * Choropleth classes for count metrics (events, buildings): pure functions, unit-tested.
 * Breaks are the upper bounds of each class, ascending and distinct; a value v falls in the
 * first class whose bound is >= v. Quantile breaks on integers, so each class holds about the
 * same number of regions whatever the spread, and ties never make an empty class.
 */
export function classBreaks(values: readonly number[], classes = choroplethRamp.length): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0 || classes < 1) return []
  const breaks: number[] = []
  for (let i = 1; i <= classes; i++) {
    const q = Math.ceil(sorted[Math.max(0, Math.ceil((i / classes) * n) - 1)]!)
    if (breaks.length === 0 || q > breaks[breaks.length - 1]!) breaks.push(q)
  }
  return breaks
}

/** Index of the class of `value` (0-based); values above the last bound go to the last class. */
export function classIndex(value: number, breaks: readonly number[]): number {
  for (let i = 0; i < breaks.length; i++) if (value <= breaks[i]!) return i
  return Math.max(0, breaks.length - 1)
}

/**
 * The ramp's colours for `count` classes, spread over the whole ramp so that the top class is
 * always the brightest; one class takes the darkest colour (nothing stands out).
 */
export function rampColors(count: number): string[] {
  const last = choroplethRamp.length - 1
  if (count <= 0) return []
  if (count === 1) return [choroplethRamp[0]]
  return Array.from({ length: count }, (_, i) => choroplethRamp[Math.round((i * last) / (count - 1))]!)
}

export interface LegendEntry {
  /** Inclusive range of the class; equal for a single value. */
  from: number
  to: number
  color: string
}

/** Legend rows for integer breaks: "0", "1–3", "4–9" … starting at the smallest value. */
export function legendEntries(breaks: readonly number[], min = 0): LegendEntry[] {
  const colors = rampColors(breaks.length)
  return breaks.map((to, i) => ({ from: i === 0 ? Math.min(min, to) : breaks[i - 1]! + 1, to, color: colors[i]! }))
}

/** The fill colour of a value under `breaks`. */
export function colorFor(value: number, breaks: readonly number[]): string {
  const colors = rampColors(breaks.length)
  return colors[classIndex(value, breaks)] ?? choroplethRamp[0]
}
