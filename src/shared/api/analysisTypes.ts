import type { EventCategoryId } from '../domain/categories'
import type { EventSource } from '../domain/event'
import type { AreaRef } from './types'

/** Output types of the analysis methods: hot-spot areas and hours, hot resident demands (docs/STATISTICS.md). */

/** Events of an area per place cell, for a heat map. */
export interface HeatCells {
  area: AreaRef
  /** The category counted; null: all. */
  category: EventCategoryId | null
  since: number
  until: number
  crs: 'WGS84'
  /** Side of a cell in degrees of longitude and latitude: 1/800° (≈ 139 × 128 m at 22.8° N), a multiple when merged. */
  cellDeg: number
  /** Centres of the cells with events and their counts, as columns (at most a few thousand). */
  lon: number[]
  lat: number[]
  count: number[]
  /** The largest count (0: no events), for normalising. */
  max: number
  /** Events in the window (the sum of the counts). */
  total: number
}

/** Events of an area by hour of the week (Shanghai time). */
export interface HourWeekday {
  area: AreaRef
  category: EventCategoryId | null
  since: number
  until: number
  /** counts[weekday][hour]: weekday 0 = Monday … 6 = Sunday, hour 0–23. */
  counts: number[][]
  max: number
  total: number
}

/** One category of resident demands this week against the week before. */
export interface HotDemandRow {
  category: EventCategoryId
  /** In the last 7 × 24 h. */
  count: number
  /** In the 7 × 24 h before. */
  previous: number
  /** count − previous. */
  rise: number
  /** rise ÷ previous; null when previous is 0. */
  riseRate: number | null
}

/** Resident demands (民生诉求) per category: every category, rising first (docs/STATISTICS.md). */
export interface HotDemands {
  area: AreaRef
  /** The sources counted as resident demands. */
  sources: EventSource[]
  /** This week is [since, until), the week before [previousSince, since). */
  previousSince: number
  since: number
  until: number
  rows: HotDemandRow[]
}
