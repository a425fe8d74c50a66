import type { Db } from '../database'

/** Mode messages from other walls (gcc/mode, migration 11), applied or passed over as older: each id is handled once. */
export class ModeMessageRepository {
  private readonly seenStmt
  private readonly addStmt

  constructor(db: Db) {
    this.seenStmt = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM mode_messages WHERE id = ?')
    this.addStmt = db.prepare(
      'INSERT INTO mode_messages (id, origin, incident_id, at, received_at, applied) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING'
    )
  }

  seen(id: string): boolean {
    return this.seenStmt.get(id) !== undefined
  }

  record(m: { id: string; origin: string; incidentId: string | null; at: number }, receivedAt: number, applied: boolean): void {
    this.addStmt.run(m.id, m.origin, m.incidentId, m.at, receivedAt, applied ? 1 : 0)
  }
}
