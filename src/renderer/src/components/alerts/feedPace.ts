/**
 * Whether the alert feed is flooded: updated more often than its animations can show. Each
 * update makes every row glide (a FLIP move reads all rows' positions twice), which in a flood
 * is motion nobody can read and main-thread time the wall needs. Flooded at FLOOD_UPDATES or
 * more updates within FLOOD_WINDOW_MS; calm again once at most CALM_UPDATES remain in the window.
 */
export const FLOOD_WINDOW_MS = 2000
export const FLOOD_UPDATES = 5
export const CALM_UPDATES = 1

export class FeedPace {
  private times: number[] = []
  private flooded = false

  /** Notes an update at `now` (ms); returns whether the feed is flooded. */
  update(now: number): boolean {
    this.times.push(now)
    return this.check(now)
  }

  /** Whether the feed is flooded at `now`, with no update since the last one noted. */
  check(now: number): boolean {
    this.times = this.times.filter((t) => t > now - FLOOD_WINDOW_MS)
    if (!this.flooded && this.times.length >= FLOOD_UPDATES) this.flooded = true
    else if (this.flooded && this.times.length <= CALM_UPDATES) this.flooded = false
    return this.flooded
  }
}
