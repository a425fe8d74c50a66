import type { Db } from '../database'
import type { DisputeAssessment } from '@shared/api/disputeTypes'
import { disputeFactsSchema, disputeWarningLevel, type DisputeFacts, type DisputeUrgency } from '@shared/domain/dispute'
import { codeRange, inRange } from './area'

/** The facts of one dispute, keyed by its event. */
export interface DisputeFactsRecord {
  eventId: string
  facts: DisputeFacts
}

/** An open dispute of an area with its facts, if any are recorded. */
export interface OpenDispute extends DisputeAssessment {
  id: string
  reportedAt: number
}

interface FactsColumns {
  people: number | null
  urgency: DisputeUrgency | null
  amountYuan: number | null
}

/** Facts and warning level from a row of `LEFT JOIN dispute_facts` (people is null: none recorded). */
function assess(row: FactsColumns): DisputeAssessment {
  if (row.people === null || row.urgency === null) return { facts: null, warningLevel: null }
  const facts: DisputeFacts = { people: row.people, urgency: row.urgency, amountYuan: row.amountYuan }
  return { facts, warningLevel: disputeWarningLevel(facts) }
}

const factsColumns = 'f.people, f.urgency, f.amount_yuan AS amountYuan'

/**
 * The facts of disputes (migration 8, docs/EVENTS.md "Dispute early warning"). The warning level
 * is never stored: it is computed from the facts by the shared rule whenever they are read.
 */
export class DisputeRepository {
  constructor(private readonly db: Db) {}

  /** Records (or replaces) the facts of disputes, checked against the schema, in one transaction. */
  insertMany(records: readonly DisputeFactsRecord[]): void {
    const put = this.db.prepare(
      `INSERT INTO dispute_facts (event_id, people, urgency, amount_yuan) VALUES (?, ?, ?, ?)
       ON CONFLICT (event_id) DO UPDATE SET people = excluded.people, urgency = excluded.urgency, amount_yuan = excluded.amount_yuan`
    )
    this.db.transaction(() => {
      for (const r of records) {
        const f = disputeFactsSchema.parse(r.facts)
        put.run(r.eventId, f.people, f.urgency, f.amountYuan)
      }
    })()
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM dispute_facts').get() as { n: number }).n
  }

  /** The facts of one dispute and its warning level; null facts and level when none are recorded (or it is no dispute). */
  disputeFactsOf(eventId: string): DisputeAssessment {
    const row = this.db
      .prepare<[string], FactsColumns>(`SELECT ${factsColumns} FROM dispute_facts f WHERE f.event_id = ?`)
      .get(eventId)
    return row ? assess(row) : { facts: null, warningLevel: null }
  }

  /** Every open dispute of the area (a range of the partial index events_open_disputes), in no particular order. */
  openWithin(areaCode: string): OpenDispute[] {
    return this.db
      .prepare<{ lo: string; hi: string }, { id: string; reportedAt: number } & FactsColumns>(
        `SELECT e.id, e.reported_at AS reportedAt, ${factsColumns}
         FROM events e INDEXED BY events_open_disputes LEFT JOIN dispute_facts f ON f.event_id = e.id
         WHERE e.closed_at IS NULL AND e.category = 'dispute' AND ${inRange('e.grid_code')}`
      )
      .all(codeRange(areaCode))
      .map((r) => ({ id: r.id, reportedAt: r.reportedAt, ...assess(r) }))
  }
}
