import type { WorkerRanking } from '@shared/api/types'
import type { WorkerActivity } from '../../store/repositories/eventStats'

/** Weights of the worker score (docs/STATISTICS.md): reports, on-time handling, satisfaction. */
export const scoreWeights = { reports: 40, onTime: 30, satisfaction: 30 } as const

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits

/**
 * Scores and ranks the workers of an area:
 *   score = 40 · reports / (most reports in the area) + 30 · on-time share + 30 · satisfaction share
 * A worker with no handled (or no rated) event in the period counts at the area's own share
 * (over all its workers' events), or 0 when the area has none. Ties: more reports, more handled, id.
 */
export function rankWorkers(activity: readonly WorkerActivity[], limit: number): WorkerRanking['rows'] {
  let maxReports = 0
  let handled = 0
  let onTime = 0
  let rated = 0
  let satisfied = 0
  for (const a of activity) {
    maxReports = Math.max(maxReports, a.reports)
    handled += a.handled
    onTime += a.onTime
    rated += a.rated
    satisfied += a.satisfied
  }
  const areaOnTime = ratio(onTime, handled) ?? 0
  const areaSatisfaction = ratio(satisfied, rated) ?? 0
  return activity
    .map((a) => {
      const onTimeRate = ratio(a.onTime, a.handled)
      const satisfaction = ratio(a.satisfied, a.rated)
      const score =
        scoreWeights.reports * (maxReports > 0 ? a.reports / maxReports : 0) +
        scoreWeights.onTime * (onTimeRate ?? areaOnTime) +
        scoreWeights.satisfaction * (satisfaction ?? areaSatisfaction)
      return {
        staffId: a.staffId,
        name: a.name,
        role: a.role,
        gridCode: a.gridCode,
        gridName: a.gridName,
        reports: a.reports,
        handled: a.handled,
        onTimeRate,
        satisfaction,
        score: round(score, 1)
      }
    })
    .sort((x, y) => y.score - x.score || y.reports - x.reports || y.handled - x.handled || (x.staffId < y.staffId ? -1 : 1))
    .slice(0, limit)
}
