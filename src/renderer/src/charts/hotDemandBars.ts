import type { HotDemandRow } from '@shared/api/analysisTypes'
import { riseColors } from './theme'

/** Rows the hot-demand panel shows at most: rising first, so what is cut is what fell most. */
export const HOT_DEMAND_ROWS = 8

export type RiseTrend = 'up' | 'down' | 'flat' | 'new'

/** One line of the hot-demand bar list. */
export interface HotDemandBar {
  row: HotDemandRow
  trend: RiseTrend
  /** This week's and last week's bars, in % of the longest bar shown. */
  width: number
  previousWidth: number
  color: string
}

/** Up (new counts as up), down or flat. */
export function riseTrend(row: Pick<HotDemandRow, 'rise' | 'riseRate'>): RiseTrend {
  if (row.rise === 0) return 'flat'
  if (row.rise < 0) return 'down'
  return row.riseRate === null ? 'new' : 'up'
}

/** The rise as a percentage, "+38%" or "−12%" (one decimal under 10 %); null when there is none to give (flat, or new from nothing). */
export function formatRiseRate(row: Pick<HotDemandRow, 'rise' | 'riseRate'>): string | null {
  if (row.rise === 0 || row.riseRate === null) return null
  const pct = Math.abs(row.riseRate * 100)
  return `${row.rise > 0 ? '+' : '−'}${pct >= 10 ? Math.round(pct) : pct.toFixed(1)}%`
}

/** The change in events, "+12" or "−3". */
export const formatRise = (rise: number): string => (rise > 0 ? `+${rise}` : rise < 0 ? `−${-rise}` : '0')

/**
 * The lines to show: categories with a demand in either week, in the API's order (most rise
 * first), at most `limit`, with bar widths relative to the longest bar of either week.
 */
export function hotDemandBars(rows: readonly HotDemandRow[], limit = HOT_DEMAND_ROWS): HotDemandBar[] {
  const shown = rows.filter((r) => r.count > 0 || r.previous > 0).slice(0, limit)
  const longest = shown.reduce((m, r) => Math.max(m, r.count, r.previous), 0)
  const pct = (n: number): number => (longest > 0 ? Math.round((n / longest) * 1000) / 10 : 0)
  return shown.map((row) => {
    const trend = riseTrend(row)
    return {
      row,
      trend,
      width: pct(row.count),
      previousWidth: pct(row.previous),
      color: trend === 'down' ? riseColors.down : trend === 'flat' ? riseColors.flat : riseColors.up
    }
  })
}
