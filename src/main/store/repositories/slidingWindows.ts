import { DAY_MS } from '@shared/time'
import type { Db } from '../database'

/** "No end": a window counts every event from its start on. */
export const OPEN_END = Number.MAX_SAFE_INTEGER

export interface SlidingWindowSpec {
  /** The table of the windows' starts: `(slot INTEGER PRIMARY KEY, since INTEGER NOT NULL UNIQUE)`. */
  sinceTable: string
  /** Windows kept at once; past that, the nearest one is shifted. */
  max: number
  /** A window further than this from the start asked for is not shifted but a new one made (while slots are free). */
  shiftLimitMs: number
  /** Adds (sign 1) or removes (sign -1) the events of [from, to) to or from the counts of window `slot`. */
  apply(slot: number, sign: 1 | -1, from: number, to: number): void
  /** Drops the rows of window `slot` whose counts are all zero. */
  prune(slot: number): void
}

/** Windows kept at once by default (the wall asks for two or three starts), and how far one is shifted rather than made anew. */
export const DEFAULT_WINDOWS = 4
export const DEFAULT_SHIFT_LIMIT_MS = 3 * DAY_MS

/**
 * Counts of events from a start on, with no end, kept right by triggers on events (migrations 4
 * and 9): a few windows, each in a slot, with their start in `sinceTable`. Grouping a month of a
 * million-event district on every read costs hundreds of milliseconds; reading a window costs a
 * range of its rows. `slotAt` gives the window with the asked start, shifting the nearest one
 * there first (only the events between the two starts are applied: one day's when the day moves
 * on), or making a new one while slots are free. Events at or after a read's end (normally none:
 * events are not reported in the future) are the reader's to subtract.
 */
export class SlidingWindows {
  constructor(
    private readonly db: Db,
    private readonly spec: SlidingWindowSpec
  ) {}

  /** The slot of a window starting at `since`: an existing one, shifted there if need be, or a new one. */
  slotAt(since: number): number {
    const { sinceTable, max, shiftLimitMs } = this.spec
    const exact = this.db.prepare<[number], { slot: number }>(`SELECT slot FROM ${sinceTable} WHERE since = ?`).get(since)
    if (exact) return exact.slot
    return this.db.transaction(() => {
      const windows = this.db.prepare<[], { slot: number; since: number }>(`SELECT slot, since FROM ${sinceTable} ORDER BY slot`).all()
      const nearest = windows.reduce<{ slot: number; since: number } | null>(
        (best, w) => (best === null || Math.abs(w.since - since) < Math.abs(best.since - since) ? w : best),
        null
      )
      if (nearest && (Math.abs(nearest.since - since) <= shiftLimitMs || windows.length >= max)) {
        this.shift(nearest.slot, nearest.since, since)
        return nearest.slot
      }
      const slot = windows.reduce((m, w) => Math.max(m, w.slot), 0) + 1
      this.db.prepare(`INSERT INTO ${sinceTable} (slot, since) VALUES (?, ?)`).run(slot, OPEN_END)
      this.shift(slot, OPEN_END, since)
      return slot
    }).immediate()
  }

  /** Moves a window's start from `from` to `to`: adds the events of [to, from) or removes those of [from, to). */
  private shift(slot: number, from: number, to: number): void {
    const sign = to < from ? 1 : -1
    this.spec.apply(slot, sign, Math.min(from, to), Math.max(from, to))
    this.db.prepare(`UPDATE ${this.spec.sinceTable} SET since = ? WHERE slot = ?`).run(to, slot)
    if (sign < 0) this.spec.prune(slot)
  }
}
