import { deadlineFor, eventCategoryIds, type EventCategoryId } from '@shared/domain/categories'
import type { EventLevel, EventSource, EventTransition, GovEvent } from '@shared/domain/event'
import { formatShanghaiDate, shanghaiParts } from '@shared/time'
import { WeightedTable } from '../allocation'
import type { Point } from '../geometry'
import type { LocalProjection } from '../projection'
import type { Random } from '../random'
import type { PlannedGrid } from '../regions'
import type { GridTeam } from '../staff'
import { EVENTS_PER_YEAR, isWeekend, planDays, reportTime, type DayPlan } from './calendar'
import { categoryProfiles, drawLevel, monthlyShare } from './catalog'
import { eventLifecycle, type Actors, type Outcome } from './lifecycle'

/** Cases closed after their deadline (超期). */
const LATE_SHARE = 0.025
/** Cases still open long after their deadline, on average over categories (Guangming: 0.8 %). */
const STUCK_SHARE = 0.0066
/** Escalated cases are the hard ones: they are this much likelier to stay open. */
const ESCALATED_DIFFICULTY = 4
/** At weekends patrols thin out and residents report more themselves. */
const weekendSourceFactor: Record<EventSource, number> = { patrol: 0.6, resident: 1.25, hotline: 1.1, camera: 1, sensor: 1 }

export interface EventContext {
  grids: readonly PlannedGrid[]
  sitesByGrid: readonly Point[][]
  teams: readonly GridTeam[]
  projection: LocalProjection
  now: number
  scale: number
}

export interface EventChunk {
  events: GovEvent[]
  transitions: EventTransition[]
  /** Days generated so far, out of `totalDays`. */
  daysDone: number
  totalDays: number
}

/**
 * A year of events ending at `now`, produced day by day so that a million events (scale 30) can
 * be written in chunks. Each day draws from its own stream: the output does not depend on how
 * the days are grouped into chunks.
 */
export class EventPlanner {
  readonly days: DayPlan[]
  readonly total: number
  private readonly categoriesByMonth: WeightedTable<EventCategoryId>[]
  private readonly sources: Record<EventCategoryId, [weekday: WeightedTable<EventSource>, weekend: WeightedTable<EventSource>]>
  private readonly gridsByCategory: Record<EventCategoryId, WeightedTable<number>>
  private readonly stuckChance: Record<EventCategoryId, number>

  constructor(
    private readonly rng: Random,
    private readonly ctx: EventContext
  ) {
    this.total = Math.round(EVENTS_PER_YEAR * ctx.scale)
    this.days = planDays(rng.fork('days'), ctx.now, this.total)
    this.categoriesByMonth = Array.from(
      { length: 12 },
      (_, m) => new WeightedTable(eventCategoryIds, eventCategoryIds.map((c) => monthlyShare(categoryProfiles[c], m + 1)))
    )
    const perCategory = <T>(f: (c: EventCategoryId) => T): Record<EventCategoryId, T> =>
      Object.fromEntries(eventCategoryIds.map((c) => [c, f(c)])) as Record<EventCategoryId, T>
    this.sources = perCategory((c) => {
      const s = categoryProfiles[c].sources
      const keys = Object.keys(s) as EventSource[]
      const table = (weekend: boolean): WeightedTable<EventSource> =>
        new WeightedTable(keys, keys.map((k) => s[k]! * (weekend ? weekendSourceFactor[k] : 1)))
      return [table(false), table(true)]
    })
    // Some grids are hot spots whatever the category: markets, transport hubs, old villages.
    const hotness = ctx.grids.map(() => rng.logNormal(0.35))
    const gridIndices = ctx.grids.map((_, i) => i)
    this.gridsByCategory = perCategory((c) => {
      const a = categoryProfiles[c].affinity
      return new WeightedTable(
        gridIndices,
        ctx.grids.map((g, i) => g.profile.population * (1 + a.village * g.urbanVillage + a.industrial * g.industrial) * hotness[i]!)
      )
    })
    const meanDifficulty = eventCategoryIds.reduce((s, c) => s + categoryProfiles[c].share * categoryProfiles[c].difficulty, 0)
    this.stuckChance = perCategory((c) => (STUCK_SHARE * categoryProfiles[c].difficulty) / meanDifficulty)
  }

  /** The events in chunks of `daysPerChunk` days, oldest first. */
  *chunks(daysPerChunk = 7): Generator<EventChunk> {
    for (let d = 0; d < this.days.length; d += daysPerChunk) {
      const chunk: EventChunk = { events: [], transitions: [], daysDone: 0, totalDays: this.days.length }
      for (const day of this.days.slice(d, d + daysPerChunk)) this.generateDay(day, chunk)
      chunk.daysDone = Math.min(this.days.length, d + daysPerChunk)
      yield chunk
    }
  }

  private generateDay(day: DayPlan, out: EventChunk): void {
    const rng = this.rng.fork(`day:${day.dayStart}`)
    const categories = this.categoriesByMonth[shanghaiParts(day.dayStart).month - 1]!
    const weekend = isWeekend(day.dayStart) ? 1 : 0
    const drafts = Array.from({ length: day.count }, () => {
      const category = categories.draw(rng)
      const source = this.sources[category][weekend].draw(rng)
      return { category, source, at: reportTime(rng, day, source) }
    }).sort((a, b) => a.at - b.at)
    const prefix = `EV${formatShanghaiDate(day.dayStart).replaceAll('-', '')}`
    drafts.forEach((draft, i) => {
      const { event, transitions } = this.generateEvent(rng, `${prefix}${String(i + 1).padStart(5, '0')}`, draft)
      out.events.push(event)
      for (const t of transitions) out.transitions.push(t)
    })
  }

  private generateEvent(
    rng: Random,
    id: string,
    draft: { category: EventCategoryId; source: EventSource; at: number }
  ): { event: GovEvent; transitions: EventTransition[] } {
    const { category, source, at } = draft
    const gi = this.gridsByCategory[category].draw(rng)
    const grid = this.ctx.grids[gi]!
    const { level, escalated } = drawLevel(rng, category)
    const deadlineAt = deadlineFor(category, level, at)
    const stuck = this.stuckChance[category] * (escalated ? ESCALATED_DIFFICULTY : 1)
    const r = rng.float()
    const outcome: Outcome = r < stuck ? 'stuck' : r < stuck + LATE_SHARE ? 'late' : 'onTime'
    const [lon, lat] = this.ctx.projection.toLonLat(this.place(rng, gi))
    const title = rng.pick(categoryProfiles[category].titles)
    const life = eventLifecycle(rng, {
      eventId: id,
      reportedAt: at,
      deadlineAt,
      level,
      escalated,
      source,
      outcome,
      actors: this.actors(rng, this.ctx.teams[gi]!, source, level),
      now: this.ctx.now
    })
    const event: GovEvent = {
      id,
      category,
      source,
      level,
      status: life.status,
      gridCode: grid.record.code,
      title,
      lon,
      lat,
      reportedAt: at,
      deadlineAt,
      closedAt: life.closedAt,
      satisfaction: life.satisfaction,
      reporterId: life.transitions[0]!.actor,
      handlerId: life.transitions.findLast((t) => t.action === 'reportHandled')?.actor ?? null
    }
    return { event, transitions: life.transitions }
  }

  /** Events happen where people are: next to one of the grid's buildings when it has any. */
  private place(rng: Random, gi: number): Point {
    const grid = this.ctx.grids[gi]!
    const sites = this.ctx.sitesByGrid[gi] ?? []
    const site = sites.length > 0 ? rng.pick(sites) : null
    return (site && grid.sampler.near(rng, site, 60)) ?? grid.sampler.sample(rng)
  }

  /** Who does what: patrol reports are the worker's own; level 3 goes to department staff. */
  private actors(rng: Random, team: GridTeam, source: EventSource, level: EventLevel): Actors {
    const anyWorker = (): string => (team.workers.length > 0 ? rng.pick(team.workers) : team.chief)
    const reporter = source === 'patrol' ? anyWorker() : 'system'
    const acceptor = source === 'patrol' ? reporter : team.fullTime.length > 0 ? rng.pick(team.fullTime) : team.chief
    const handler =
      level === 3 && team.dept.length > 0 ? rng.pick(team.dept) : level === 1 && source === 'patrol' ? reporter : anyWorker()
    return { reporter, acceptor, handler, chief: team.chief }
  }
}
