import type { Db } from '../database'

/** Small key/value facts about the store: demo seed, generation time, current mode. */
export class MetaRepository {
  private readonly getStmt
  private readonly setStmt
  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
    this.setStmt = db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  }
  get(key: string): string | null {
    return this.getStmt.get(key)?.value ?? null
  }
  set(key: string, value: string): void {
    this.setStmt.run(key, value)
  }
}
