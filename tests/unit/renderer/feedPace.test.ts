import { describe, expect, it } from 'vitest'
import { CALM_UPDATES, FeedPace, FLOOD_UPDATES, FLOOD_WINDOW_MS } from '../../../src/renderer/src/components/alerts/feedPace'

describe('the alert feed’s pace: animated, or updated in place in a flood', () => {
  it('animates occasional arrivals, whatever their number over time', () => {
    const pace = new FeedPace()
    // One update a second for a minute: never FLOOD_UPDATES within the window.
    for (let s = 0; s < 60; s++) expect(pace.update(s * 1000)).toBe(false)
  })

  it('is flooded at FLOOD_UPDATES updates within the window, and stays so while they keep coming', () => {
    const pace = new FeedPace()
    const every = FLOOD_WINDOW_MS / FLOOD_UPDATES - 1
    for (let i = 1; i < FLOOD_UPDATES; i++) expect(pace.update(i * every)).toBe(false)
    expect(pace.update(FLOOD_UPDATES * every)).toBe(true)
    // Ten updates a second, as the wall applies pushes in a burst.
    for (let t = 0; t < 10_000; t += 100) expect(pace.update(FLOOD_UPDATES * every + t)).toBe(true)
  })

  it('calms down only when at most CALM_UPDATES remain in the window (no flapping at the threshold)', () => {
    const pace = new FeedPace()
    for (let t = 0; t < 1000; t += 100) pace.update(t)
    // Three left in the window (700, 800, 900): below the flood threshold, above calm: still flooded.
    expect(pace.check(600 + FLOOD_WINDOW_MS)).toBe(true)
    // One left (900): calm.
    expect(CALM_UPDATES).toBe(1)
    expect(pace.check(850 + FLOOD_WINDOW_MS)).toBe(false)
    // The next single updates do not flood it again until FLOOD_UPDATES come within the window.
    for (let i = 1; i < FLOOD_UPDATES - 1; i++) expect(pace.update(850 + FLOOD_WINDOW_MS + i * 10)).toBe(false)
  })
})
