import type { Db } from '../database'

/** A message the wall sends to the broker (a dispatch, an acknowledgement), waiting or sent. */
export interface OutboxRow {
  id: string
  topic: string
  payload: string
  createdAt: number
  attempts: number
  /** Published with the retain flag (migration 11): the broker keeps the latest for later subscribers (gcc/mode). */
  retain: boolean
}

/**
 * The outbox (migration 5): what the wall publishes goes here first, in the same transaction as
 * the change it reports, and is published by OutboxPublisher when the broker is reachable.
 */
export class OutboxRepository {
  private readonly addStmt
  private readonly pendingStmt
  private readonly sentStmt
  private readonly attemptStmt
  private readonly countStmt

  constructor(db: Db) {
    this.addStmt = db.prepare('INSERT INTO outbox (id, topic, payload, created_at, retain) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING')
    this.pendingStmt = db.prepare<[number], Omit<OutboxRow, 'retain'> & { retain: number }>(
      `SELECT id, topic, payload, created_at AS createdAt, attempts, retain FROM outbox
       WHERE sent_at IS NULL ORDER BY created_at, rowid LIMIT ?`
    )
    this.sentStmt = db.prepare('UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL')
    this.attemptStmt = db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?')
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL')
  }

  /** Queues a message; idempotent by id (a second add with the same id changes nothing). True if added. */
  add(id: string, topic: string, payload: string, now: number, o: { retain?: boolean } = {}): boolean {
    return this.addStmt.run(id, topic, payload, now, o.retain === true ? 1 : 0).changes === 1
  }

  /** Unsent messages, oldest first. */
  pending(limit: number): OutboxRow[] {
    return this.pendingStmt.all(limit).map((r) => ({ ...r, retain: r.retain === 1 }))
  }

  markSent(id: string, now: number): void {
    this.sentStmt.run(now, id)
  }

  recordAttempt(id: string): void {
    this.attemptStmt.run(id)
  }

  pendingCount(): number {
    return this.countStmt.get()!.n
  }
}
