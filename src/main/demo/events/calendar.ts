import type { EventSource } from '@shared/domain/event'
import { DAY_MS, fromShanghai, HOUR_MS, shanghaiDayStart, shanghaiParts, shanghaiWeekday } from '@shared/time'
import { apportion, WeightedTable } from '../allocation'
import type { Random } from '../random'

/** ~100 events a day, as a district of ~300,000 people reports (seed 000: 66,992 over two years). */
export const EVENTS_PER_YEAR = 36_500
export const WINDOW_DAYS = 365

/**
 * Reports per hour of the day (Shanghai time), by source. Patrols work office hours with a lunch
 * break, residents call from early morning to late evening, cameras and sensors never sleep.
 */
const hourProfiles: Record<EventSource, readonly number[]> = {
  patrol: [0, 0, 0, 0, 0, 0, 0.2, 1, 4, 7, 7, 6, 3, 4, 6, 6, 5, 3, 1.5, 1, 0.7, 0.4, 0.2, 0.1],
  resident: [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.8, 2, 4, 5, 5, 4.5, 3.5, 3.5, 4, 4.5, 4.5, 4, 4, 4.5, 4.5, 3.5, 2, 1],
  hotline: [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 2, 5, 6, 6, 5, 3.5, 4.5, 5.5, 5.5, 5, 4, 3, 3, 2.5, 2, 1, 0.5],
  camera: [1.5, 1.2, 1, 0.8, 0.8, 1, 1.5, 2.5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3.5, 4, 4.5, 4, 3.5, 2.5, 2],
  sensor: [1, 1, 1, 1, 1, 1, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.1, 1, 1, 1, 1, 1]
}
const hours = Array.from({ length: 24 }, (_, h) => h)
const hourTables = Object.fromEntries(
  (Object.keys(hourProfiles) as EventSource[]).map((s) => [s, new WeightedTable(hours, hourProfiles[s])])
) as Record<EventSource, WeightedTable<number>>

/** Share of a day's reports made before `hourOfDay` (fractional), over all sources together. */
function dayShareBefore(hourOfDay: number): number {
  const all = hours.map((h) => Object.values(hourProfiles).reduce((s, p) => s + p[h]!, 0))
  const total = all.reduce((a, b) => a + b, 0)
  let before = 0
  for (const h of hours) before += all[h]! * Math.max(0, Math.min(1, hourOfDay - h))
  return before / total
}

/** 春节 (Spring Festival) day, which moves every year; the district empties around it. */
const springFestival: Record<number, [number, number]> = {
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
  2031: [1, 23],
  2032: [2, 11]
}

/** Fewer reports at weekends, and far fewer over the Spring Festival and national holidays. */
function dayFactor(dayStart: number): number {
  const { year, month, day } = shanghaiParts(dayStart)
  const weekday = shanghaiWeekday(dayStart)
  let f = weekday === 5 ? 0.8 : weekday === 6 ? 0.75 : 1
  for (const y of [year, year + 1]) {
    const sf = springFestival[y]
    if (!sf) continue
    const offsetDays = Math.round((dayStart - fromShanghai(y, sf[0], sf[1])) / DAY_MS)
    if (offsetDays >= -3 && offsetDays <= 6) f *= 0.55
  }
  if (month === 10 && day <= 7) f *= 0.8
  if (month === 5 && day <= 5) f *= 0.85
  return f
}

export interface DayPlan {
  dayStart: number
  /** Reports may not be later than this: the end of the day, or `now` for today. */
  until: number
  count: number
}

/**
 * How many events each day of the 365 ending at `now` gets: a slow rise over the year (more
 * residents use the platform), weekday and holiday rhythm and day-to-day noise. The total is exact.
 */
export function planDays(rng: Random, now: number, total: number): DayPlan[] {
  const today = shanghaiDayStart(now)
  const days = Array.from({ length: WINDOW_DAYS }, (_, i) => today - (WINDOW_DAYS - 1 - i) * DAY_MS)
  const weights = days.map((dayStart, i) => {
    const growth = 0.9 + (0.2 * i) / (WINDOW_DAYS - 1)
    const coverage = dayStart === today ? dayShareBefore((now - today) / HOUR_MS) : 1
    return growth * dayFactor(dayStart) * rng.logNormal(0.12) * coverage
  })
  const counts = apportion(total, weights)
  return days.map((dayStart, i) => ({ dayStart, until: Math.min(dayStart + DAY_MS, now), count: counts[i]! }))
}

/** A report time on the day, from the source's hourly profile; never after `until`. */
export function reportTime(rng: Random, day: DayPlan, source: EventSource): number {
  for (let tries = 0; tries < 24; tries++) {
    const t = day.dayStart + hourTables[source].draw(rng) * HOUR_MS + rng.int(0, 3599) * 1000
    if (t <= day.until) return t
  }
  return day.dayStart + Math.floor(rng.float() * ((day.until - day.dayStart) / 1000)) * 1000
}

export const isWeekend = (dayStart: number): boolean => shanghaiWeekday(dayStart) >= 5
