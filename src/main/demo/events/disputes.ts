import type { DisputeFacts, DisputeUrgency } from '@shared/domain/dispute'
import type { GovEvent } from '@shared/domain/event'
import { shanghaiParts } from '@shared/time'
import type { DisputeFactsRecord } from '../../store/repositories/disputes'
import { Random } from '../random'

/**
 * The facts of the demo's disputes (docs/EVENTS.md, "Dispute early warning"), by the kind the
 * title names. Most are small: two to four neighbours, a tenant and a landlord, an owner and the
 * property company, with little or no money. Some kinds have a collective form: unpaid wages
 * (欠薪) owed to dozens of workers, owners against the property company, a gym's prepaid cards,
 * villagers over the compensation of a demolition. Level 3 events (escalated to the street) are
 * three times as likely to be the collective form, level 1 (settled on the spot) half as likely.
 */
interface Range {
  min: number
  max: number
}
interface Form {
  /** People involved: a median and the bounds (log-normal around the median). */
  people: Range & { median: number }
  /** Share of cases that state no money at stake. */
  noMoney: number
  /** Money at stake when stated (log-uniform between the bounds), in yuan. */
  amount: Range
}
interface DisputeKind {
  small: Form
  /** The collective form and its share before the level's factor. */
  collective?: Form & { share: number }
  /** Chances of urgent and critical (doubled for the collective form). */
  urgent: number
  critical: number
  /** Months (1–12) when the kind is urgent far more often: wages before the Spring Festival. */
  pressingMonths?: readonly number[]
}

const few = (min: number, median: number, max: number): Form['people'] => ({ min, median, max })

export const demoDisputeKinds: Record<string, DisputeKind> = {
  邻里纠纷: {
    small: { people: few(2, 2.5, 4), noMoney: 0.6, amount: { min: 200, max: 20_000 } },
    // A whole stairwell over adding a lift (加装电梯).
    collective: { share: 0.03, people: few(6, 12, 40), noMoney: 1, amount: { min: 0, max: 0 } },
    urgent: 0.06,
    critical: 0.004
  },
  物业纠纷: {
    small: { people: few(2, 2.5, 3), noMoney: 0.4, amount: { min: 500, max: 30_000 } },
    collective: { share: 0.06, people: few(8, 25, 300), noMoney: 0.4, amount: { min: 50_000, max: 3_000_000 } },
    urgent: 0.06,
    critical: 0.004
  },
  劳资纠纷: {
    small: { people: few(2, 2.5, 4), noMoney: 0, amount: { min: 2_000, max: 60_000 } },
    // 欠薪: workers × months unpaid × wage, drawn as a sum.
    collective: { share: 0.15, people: few(6, 20, 200), noMoney: 0, amount: { min: 60_000, max: 3_000_000 } },
    urgent: 0.08,
    critical: 0.008,
    pressingMonths: [12, 1]
  },
  租赁纠纷: {
    small: { people: few(2, 2.2, 3), noMoney: 0.1, amount: { min: 1_000, max: 60_000 } },
    // An urban-village landlord and the tenants of a whole building.
    collective: { share: 0.04, people: few(6, 15, 60), noMoney: 0.2, amount: { min: 20_000, max: 500_000 } },
    urgent: 0.05,
    critical: 0.004
  },
  家庭纠纷: {
    // Sometimes an inheritance (a flat), most often no money; the likeliest to turn violent.
    small: { people: few(2, 2.5, 5), noMoney: 0.9, amount: { min: 20_000, max: 1_500_000 } },
    urgent: 0.08,
    critical: 0.012
  },
  消费纠纷: {
    small: { people: few(2, 2, 3), noMoney: 0.05, amount: { min: 100, max: 20_000 } },
    // A gym or a training school closes with its prepaid cards (预付卡).
    collective: { share: 0.04, people: few(10, 40, 300), noMoney: 0, amount: { min: 30_000, max: 1_500_000 } },
    urgent: 0.04,
    critical: 0.002
  },
  征地拆迁纠纷: {
    // One household and the compensation of its house, or a village's collective compensation.
    small: { people: few(2, 3, 6), noMoney: 0.2, amount: { min: 20_000, max: 500_000 } },
    collective: { share: 0.08, people: few(15, 40, 300), noMoney: 0, amount: { min: 500_000, max: 20_000_000 } },
    urgent: 0.1,
    critical: 0.008
  }
}
/** Facts for a dispute whose title names no kind above. */
const otherKind: DisputeKind = { small: { people: few(2, 2.5, 5), noMoney: 0.5, amount: { min: 500, max: 50_000 } }, urgent: 0.08, critical: 0.01 }
const collectiveFactor: Record<GovEvent['level'], number> = { 1: 0.5, 2: 1, 3: 3 }

function drawForm(rng: Random, form: Form): Pick<DisputeFacts, 'people' | 'amountYuan'> {
  const { min, median, max } = form.people
  const people = Math.min(max, Math.max(min, Math.round(median * rng.logNormal(0.6))))
  if (rng.chance(form.noMoney)) return { people, amountYuan: null }
  const { min: lo, max: hi } = form.amount
  const amount = lo * Math.pow(hi / lo, rng.float())
  return { people, amountYuan: amount >= 10_000 ? Math.round(amount / 1000) * 1000 : Math.round(amount / 100) * 100 }
}

/** The facts of one demo dispute, from its own stream of the seed (independent of every other event). */
export function demoDisputeFacts(rng: Random, event: Pick<GovEvent, 'title' | 'level' | 'reportedAt'>): DisputeFacts {
  const kind = demoDisputeKinds[event.title] ?? otherKind
  const collective = kind.collective !== undefined && rng.chance(Math.min(0.9, kind.collective.share * collectiveFactor[event.level]))
  const { people, amountYuan } = drawForm(rng, collective ? kind.collective! : kind.small)
  const pressing = kind.pressingMonths?.includes(shanghaiParts(event.reportedAt).month) ? 4 : 1
  const factor = collective ? 2 : 1
  const r = rng.float()
  const urgency: DisputeUrgency = r < kind.critical * factor ? 'critical' : r < (kind.critical + kind.urgent * pressing) * factor ? 'urgent' : 'normal'
  return { people, urgency, amountYuan }
}

/** The facts of the disputes among generated events, deterministic from the seed and each event's id. */
export class DemoDisputes {
  private readonly rng: Random

  constructor(seed: number) {
    this.rng = Random.fromSeed(seed).fork('disputes')
  }

  of(events: readonly GovEvent[]): DisputeFactsRecord[] {
    return events.filter((e) => e.category === 'dispute').map((e) => ({ eventId: e.id, facts: demoDisputeFacts(this.rng.fork(e.id), e) }))
  }
}
