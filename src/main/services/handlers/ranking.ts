import type { WorkerRanking } from '@shared/api/types'
import type { WorkerCounts, WorkerInfo } from '../../store/repositories/workerActivity'

/** Weights of the worker score (docs/STATISTICS.md): reports, on-time handling, satisfaction. */
export const scoreWeights = { reports: 40, onTime: 30, satisfaction: 30 } as const

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits

type RankedRow = WorkerRanking['rows'][number]
type Scored = Omit<RankedRow, 'name' | 'role' | 'gridCode' | 'gridName'>

/** Ranking order: higher score, then more reports, more handled, then staff id. */
const before = (x: Scored, y: Scored): boolean =>
  x.score !== y.score ? x.score > y.score : x.reports !== y.reports ? x.reports > y.reports : x.handled !== y.handled ? x.handled > y.handled : x.staffId < y.staffId

/**
 * Scores and ranks the workers of an area:
 *   score = 40 · reports / (most reports in the area) + 30 · on-time share + 30 · satisfaction share
 * A worker with no handled (or no rated) event in the period counts at the area's own share
 * (over all its workers' events), or 0 when the area has none. Ties: more reports, more handled, id.
 */
export function rankWorkers(
  activity: readonly WorkerCounts[],
  limit: number,
  describe: (staffIds: readonly string[]) => readonly WorkerInfo[]
): RankedRow[] {
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
  // Tens of thousands of workers, ten shown: keep the best `limit` in order while scoring.
  const top: Scored[] = []
  for (const a of activity) {
    const onTimeRate = ratio(a.onTime, a.handled)
    const satisfaction = ratio(a.satisfied, a.rated)
    const score =
      scoreWeights.reports * (maxReports > 0 ? a.reports / maxReports : 0) +
      scoreWeights.onTime * (onTimeRate ?? areaOnTime) +
      scoreWeights.satisfaction * (satisfaction ?? areaSatisfaction)
    const row = { staffId: a.staffId, reports: a.reports, handled: a.handled, onTimeRate, satisfaction, score: round(score, 1) }
    if (top.length === limit && before(top[limit - 1]!, row)) continue
    let i = top.length
    while (i > 0 && before(row, top[i - 1]!)) i--
    top.splice(i, 0, row)
    if (top.length > limit) top.pop()
  }
  // Names only for the few shown.
  const info = new Map(describe(top.map((t) => t.staffId)).map((i) => [i.staffId, i]))
  return top.map((t) => {
    const i = info.get(t.staffId)
    return { ...t, name: i?.name ?? t.staffId, role: i?.role ?? '', gridCode: i?.gridCode ?? '', gridName: i?.gridName ?? '' }
  })
}
