import type { Db } from '../database'
import type { AuditEntry } from '@shared/api/types'

export type NewAuditEntry = Omit<AuditEntry, 'id'>

/** Every action an operator takes: who, when, what, on what, and how it ended. Append-only. */
export class AuditRepository {
  private readonly insertStmt
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (at, operator_id, username, action, target, detail, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
  }

  append(e: NewAuditEntry): void {
    this.insertStmt.run(e.at, e.operatorId, e.username, e.action, e.target, e.detail, e.outcome)
  }

  latest(limit: number): AuditEntry[] {
    return this.db
      .prepare<[number], AuditEntry>(
        `SELECT id, at, operator_id AS operatorId, username, action, target, detail, outcome
         FROM audit_log ORDER BY id DESC LIMIT ?`
      )
      .all(limit)
  }
}
