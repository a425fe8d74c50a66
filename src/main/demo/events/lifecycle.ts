import {
  eventTransitions,
  nextStatus,
  type EventAction,
  type EventLevel,
  type EventSource,
  type EventStatus,
  type EventTransition
} from '@shared/domain/event'
import { MINUTE_MS } from '@shared/time'
import { WeightedTable } from '../allocation'
import type { Random } from '../random'

/** How the event's loop ends: within its deadline, after it (超期), or not at all (a hard case). */
export type Outcome = 'onTime' | 'late' | 'stuck'

/** Verification fails and the case goes back to handling (退回). */
const RETURN_SHARE = 0.03
/** Closed cases that get a follow-up call (回访) with a rating. */
const RATED_SHARE = 0.88
/** Stars of the follow-up: 95 % rate 4 or 5, as the seeds' satisfaction (95.7 %). */
const satisfactionTable = new WeightedTable([5, 4, 3, 2, 1], [0.8, 0.152, 0.03, 0.01, 0.008])
/** Where a hard case stalls. */
const stallTable = new WeightedTable<EventStatus>(
  ['accepted', 'escalated', 'dispatched', 'handling', 'returned', 'handled'],
  [0.5, 3, 1.5, 4, 1, 1.5]
)

export interface Actors {
  reporter: string
  acceptor: string
  handler: string
  chief: string
}

export interface LifecycleInput {
  eventId: string
  reportedAt: number
  deadlineAt: number
  level: EventLevel
  escalated: boolean
  source: EventSource
  outcome: Outcome
  actors: Actors
  /** Nothing happens after now: later steps are simply not there yet. */
  now: number
}

export interface LifecycleResult {
  transitions: EventTransition[]
  status: EventStatus
  closedAt: number | null
  satisfaction: number | null
}

interface Step {
  action: EventAction
  ms: number
  actor: string
}

/** Log-uniform minutes: most steps are quick, a few take long, as in real case logs. */
const minutes = (rng: Random, lo: number, hi: number): number => Math.exp(rng.range(Math.log(lo), Math.log(hi))) * MINUTE_MS

const acceptMinutes: Record<EventSource, [number, number]> = {
  patrol: [0.5, 5],
  resident: [2, 15],
  hotline: [2, 15],
  camera: [2, 30],
  sensor: [2, 30]
}
const startMinutes: Record<EventLevel, [number, number]> = { 1: [5, 40], 2: [30, 480], 3: [120, 2880] }
const handleMinutes: Record<EventLevel, [number, number]> = { 1: [15, 240], 2: [180, 5760], 3: [1440, 17280] }

/** The loop of 上报 → 受理 → (上报上级) → 派遣 → 处置 → 反馈 → (退回) → 核查 → 结案 → 评价. */
function plannedSteps(rng: Random, e: LifecycleInput, returned: boolean): Step[] {
  const { actors: a, level } = e
  const steps: Step[] = []
  const step = (action: EventAction, range: [number, number], actor: string): void => {
    steps.push({ action, ms: minutes(rng, ...range), actor })
  }
  const escalateFirst = e.escalated && rng.chance(0.5)
  if (escalateFirst) step('escalate', [20, 240], a.chief)
  step('accept', acceptMinutes[e.source], a.acceptor)
  if (e.escalated && !escalateFirst) step('escalate', [20, 240], a.chief)
  // Level 1 is corrected on the spot by whoever accepted it; the others are dispatched.
  if (level !== 1 || e.escalated) step('dispatch', level === 3 ? [30, 240] : [5, 60], level === 3 ? 'system' : a.chief)
  step('startHandling', startMinutes[level], a.handler)
  step('reportHandled', handleMinutes[level], a.handler)
  if (returned) {
    step('returnToHandling', [60, 720], a.chief)
    step('resume', [30, 360], a.handler)
    step('reportHandled', [30, handleMinutes[level][1] / 2], a.handler)
  }
  step('verify', [20, 600], a.chief)
  step('close', [10, 240], a.chief)
  if (rng.chance(RATED_SHARE)) step('rate', [120, 4320], 'system')
  return steps
}

/**
 * Stretches or squeezes the steps between acceptance and closing so that the case closes where
 * its outcome says: before the deadline (most), or some way past it (超期). Acceptance keeps its
 * own time: the response time is judged separately (15 minutes for resident requests).
 */
function fitToDeadline(rng: Random, steps: Step[], e: LifecycleInput): void {
  const first = steps.findIndex((s) => s.action === 'accept')
  const close = steps.findIndex((s) => s.action === 'close')
  const window = e.deadlineAt - e.reportedAt
  const fixed = steps.slice(0, first + 1).reduce((s, x) => s + x.ms, 0)
  const variable = steps.slice(first + 1, close + 1).reduce((s, x) => s + x.ms, 0)
  let target: number | null = null
  if (e.outcome === 'late') target = window * (1.03 + rng.exponential(0.35))
  else if (fixed + variable > window * 0.97) target = window * rng.range(0.55, 0.97)
  if (target === null) return
  const factor = Math.max(0.001, (target - fixed) / variable)
  for (let i = first + 1; i <= close; i++) steps[i]!.ms *= factor
}

/** Plays the planned loop through the state machine, up to `now` (and up to the stall, if any). */
export function eventLifecycle(rng: Random, e: LifecycleInput): LifecycleResult {
  let stallAt = e.outcome === 'stuck' ? stallTable.draw(rng) : null
  const steps = plannedSteps(rng, e, stallAt === 'returned' || rng.chance(RETURN_SHARE))
  // A level 1 case is never dispatched, only escalated cases pass `escalated`: stall elsewhere.
  if (stallAt && !steps.some((s) => eventTransitions[s.action].to === stallAt)) stallAt = 'handling'
  fitToDeadline(rng, steps, e)
  let status: EventStatus = 'reported'
  let at = e.reportedAt
  const transitions: EventTransition[] = [{ eventId: e.eventId, action: 'report', status, at, actor: e.actors.reporter }]
  let closedAt: number | null = null
  let satisfaction: number | null = null
  for (const s of steps) {
    at += Math.max(MINUTE_MS, Math.round(s.ms / 1000) * 1000)
    if (at > e.now) break
    status = nextStatus(status, s.action)
    transitions.push({ eventId: e.eventId, action: s.action, status, at, actor: s.actor })
    if (s.action === 'close') closedAt = at
    if (s.action === 'rate') satisfaction = satisfactionTable.draw(rng)
    if (status === stallAt) break
  }
  return { transitions, status, closedAt, satisfaction }
}
