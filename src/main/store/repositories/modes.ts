import type { Db } from '../database'
import type { ModeChange, OperatingMode } from '@shared/domain/mode'

/** 平急转换 history; the newest row is the current mode. */
export class ModeRepository {
  constructor(private readonly db: Db) {}

  current(): OperatingMode {
    const row = this.db.prepare<[], { mode: OperatingMode }>('SELECT mode FROM mode_changes ORDER BY id DESC LIMIT 1').get()
    return row?.mode ?? 'normal'
  }

  /** The newest change, or null before the first. */
  latest(): ModeChange | null {
    return this.db.prepare<[], ModeChange>('SELECT id, at, mode, operator, reason, incident FROM mode_changes ORDER BY id DESC LIMIT 1').get() ?? null
  }

  record(change: Omit<ModeChange, 'id'>): ModeChange {
    const info = this.db
      .prepare('INSERT INTO mode_changes (at, mode, operator, reason, incident) VALUES (?, ?, ?, ?, ?)')
      .run(change.at, change.mode, change.operator, change.reason, change.incident)
    return { id: Number(info.lastInsertRowid), ...change }
  }
}
