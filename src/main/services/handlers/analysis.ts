import type { HotDemandRow } from '@shared/api/analysisTypes'
import { eventCategoryIds } from '@shared/domain/categories'
import { DEMAND_WEEK_DAYS, residentDemandSources } from '@shared/domain/demands'
import { DAY_MS } from '@shared/time'
import { CELLS_PER_DEGREE, type CellCount } from '../../store/repositories/eventAnalysis'
import { areaRef, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'
import { lastDaysWindow } from './stats'

/** Most cells a heat map carries: past it, cells are merged 2 × 2, and again, until it fits. */
export const HEAT_MAX_CELLS = 4000

/** Cells merged `factor` × `factor` (indices divided by the factor, counts summed). */
function mergeBy(cells: readonly CellCount[], factor: number): CellCount[] {
  if (factor === 1) return [...cells]
  const merged = new Map<string, CellCount>()
  for (const c of cells) {
    const x = Math.floor(c.x / factor)
    const y = Math.floor(c.y / factor)
    const key = `${x},${y}`
    const m = merged.get(key)
    if (m) m.n += c.n
    else merged.set(key, { x, y, n: c.n })
  }
  return [...merged.values()]
}

/** The smallest power-of-two merge that leaves at most `maxCells` cells, and the merged cells. */
export function fitCells(cells: readonly CellCount[], maxCells: number): { factor: number; cells: CellCount[] } {
  let factor = 1
  let out = mergeBy(cells, factor)
  while (out.length > maxCells) {
    factor *= 2
    out = mergeBy(cells, factor)
  }
  return { factor, cells: out }
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6

/** Most rise first; at the same rise the steeper (a category new this week first), then the larger, then the catalogue's order. */
function byRise(a: HotDemandRow, b: HotDemandRow): number {
  const steep = (r: HotDemandRow): number => r.riseRate ?? (r.rise > 0 ? Infinity : 0)
  return b.rise - a.rise || steep(b) - steep(a) || b.count - a.count
}

/**
 * Analysis (docs/STATISTICS.md, "Analysis"): hot-spot areas (events per place cell, for the map's
 * heat layer), hot-spot hours (by hour and weekday) and hot resident demands (categories rising
 * week over week).
 */
export function analysisHandlers(d: HandlerDeps): HandlerGroup<'stats.heat' | 'stats.hourWeekday' | 'stats.hotDemands'> {
  const { store } = d
  return {
    'stats.heat': ({ areaCode, category, days }) => {
      const area = areaRef(requireRegion(store, areaCode))
      const { since, until } = lastDaysWindow(d.now(), days)
      const { factor, cells } = fitCells(store.analysis.cells(areaCode, category ?? null, since, until), HEAT_MAX_CELLS)
      const centre = (i: number, origin: number): number => round6(((i + 0.5) * factor) / CELLS_PER_DEGREE - origin)
      return {
        area,
        category: category ?? null,
        since,
        until,
        crs: 'WGS84',
        cellDeg: factor / CELLS_PER_DEGREE,
        lon: cells.map((c) => centre(c.x, 180)),
        lat: cells.map((c) => centre(c.y, 90)),
        count: cells.map((c) => c.n),
        max: cells.reduce((m, c) => Math.max(m, c.n), 0),
        total: cells.reduce((s, c) => s + c.n, 0)
      }
    },

    'stats.hourWeekday': ({ areaCode, category, days }) => {
      const area = areaRef(requireRegion(store, areaCode))
      const { since, until } = lastDaysWindow(d.now(), days)
      const hours = store.analysis.weekHours(areaCode, category ?? null, since, until)
      return {
        area,
        category: category ?? null,
        since,
        until,
        counts: Array.from({ length: 7 }, (_, w) => hours.slice(w * 24, w * 24 + 24)),
        max: Math.max(0, ...hours),
        total: hours.reduce((s, n) => s + n, 0)
      }
    },

    'stats.hotDemands': ({ areaCode }) => {
      const area = areaRef(requireRegion(store, areaCode))
      const until = d.now() + 1
      const since = until - DEMAND_WEEK_DAYS * DAY_MS
      const previousSince = since - DEMAND_WEEK_DAYS * DAY_MS
      const counts = new Map(
        store.analysis.reportedTwoWindows(areaCode, residentDemandSources, previousSince, since, until).map((r) => [r.category, r])
      )
      const rows = eventCategoryIds
        .map((category): HotDemandRow => {
          const count = counts.get(category)?.count ?? 0
          const previous = counts.get(category)?.previous ?? 0
          return { category, count, previous, rise: count - previous, riseRate: previous > 0 ? (count - previous) / previous : null }
        })
        .sort(byRise)
      return { area, sources: [...residentDemandSources], previousSince, since, until, rows }
    }
  }
}
