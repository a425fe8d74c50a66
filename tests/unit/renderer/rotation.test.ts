import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRotation, DEFAULT_ROTATION_MS } from '@renderer/layout/rotation'

describe('createRotation', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('moves to the next item every interval and wraps around (15 s by default)', () => {
    const seen: number[] = []
    const r = createRotation({ count: 3, onChange: (i) => seen.push(i) })
    expect(r.index).toBe(0)
    vi.advanceTimersByTime(DEFAULT_ROTATION_MS - 1)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(1)
    expect(seen).toEqual([1])
    vi.advanceTimersByTime(2 * DEFAULT_ROTATION_MS)
    expect(seen).toEqual([1, 2, 0])
    r.dispose()
  })

  it('honours a configured interval', () => {
    const r = createRotation({ count: 2, intervalMs: 5000 })
    vi.advanceTimersByTime(5000)
    expect(r.index).toBe(1)
    r.dispose()
  })

  it('holds the current item while paused and resumes with a full interval', () => {
    const r = createRotation({ count: 4, intervalMs: 10_000 })
    vi.advanceTimersByTime(9000)
    r.pause()
    expect(r.paused).toBe(true)
    vi.advanceTimersByTime(60_000)
    expect(r.index).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
    r.toggle()
    expect(r.paused).toBe(false)
    vi.advanceTimersByTime(9999)
    expect(r.index).toBe(0)
    vi.advanceTimersByTime(1)
    expect(r.index).toBe(1)
    r.dispose()
  })

  it('restarts the interval after a manual step and steps back across the start', () => {
    const r = createRotation({ count: 3, intervalMs: 10_000 })
    vi.advanceTimersByTime(8000)
    r.next()
    expect(r.index).toBe(1)
    vi.advanceTimersByTime(8000)
    expect(r.index).toBe(1)
    r.previous()
    r.previous()
    expect(r.index).toBe(2)
    r.dispose()
  })

  it('keeps at most one timer and leaves none after dispose', () => {
    const r = createRotation({ count: 3, intervalMs: 10_000 })
    r.next()
    r.next()
    expect(vi.getTimerCount()).toBe(1)
    r.dispose()
    expect(vi.getTimerCount()).toBe(0)
    r.next()
    vi.advanceTimersByTime(60_000)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('schedules nothing for a single item', () => {
    const r = createRotation({ count: 1 })
    expect(vi.getTimerCount()).toBe(0)
    r.dispose()
  })
})
