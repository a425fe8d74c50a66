import { DAY_MS } from '../time'

/**
 * Supervision (督办) of overdue events (docs/EVENTS.md). An open event past its deadline is
 * overdue; how long it has been overdue sets its escalation level, as data: the first rule whose
 * bound the overdue time is below applies.
 *   1 督办: overdue less than 1 day
 *   2 催办: overdue 1 day to less than 3 days
 *   3 挂牌督办: overdue 3 days or more
 * Times are epoch ms: no calendar and no time zone is involved.
 */
export const supervisionLevels = [
  { level: 1, belowMs: 1 * DAY_MS, zh: '督办', en: 'Supervise' },
  { level: 2, belowMs: 3 * DAY_MS, zh: '催办', en: 'Urge' },
  { level: 3, belowMs: Infinity, zh: '挂牌督办', en: 'Listed supervision' }
] as const
export type SupervisionLevel = (typeof supervisionLevels)[number]['level']

/** The escalation level of an event overdue by `overdueMs` (> 0). */
export function supervisionLevel(overdueMs: number): SupervisionLevel {
  for (const l of supervisionLevels) if (overdueMs < l.belowMs) return l.level
  return 3
}

/** Default window of "due soon" (临期): open events due within this many minutes from now. */
export const DEFAULT_DUE_SOON_MINUTES = 120
/** The window an administrator may set for the whole center (events.configureSupervision): 10 min to 7 days. */
export const DUE_SOON_MINUTES_MIN = 10
export const DUE_SOON_MINUTES_MAX = 7 * 24 * 60

/**
 * Overdue at `now`: open and the deadline is strictly before now (as isOverdue in categories.ts).
 * Due soon: open and now ≤ deadline ≤ now + window. An event due exactly now is due soon, with
 * 0 ms left; one millisecond later it is overdue.
 */
export const isOverdueAt = (deadlineAt: number, now: number): boolean => deadlineAt < now
export const isDueSoonAt = (deadlineAt: number, now: number, windowMs: number): boolean => deadlineAt >= now && deadlineAt <= now + windowMs
