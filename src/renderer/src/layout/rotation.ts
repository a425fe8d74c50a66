/** The timer functions a rotation uses: the real ones by default, fake ones in tests. */
export interface RotationTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(id: unknown): void
}

export interface RotationOptions {
  count: number
  /** Time each item stays, in ms (default 15 s). */
  intervalMs?: number
  onChange?: (index: number) => void
  timers?: RotationTimers
}

export interface Rotation {
  readonly index: number
  readonly paused: boolean
  next(): void
  previous(): void
  pause(): void
  resume(): void
  toggle(): void
  /** Stops for good: no timer is left behind. */
  dispose(): void
}

export const DEFAULT_ROTATION_MS = 15_000

const realTimers: RotationTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>)
}

/**
 * Shows `count` items in turn, one every `intervalMs`. A manual step restarts the interval so the
 * new item gets its full time; pausing holds the current item; one timer at most is pending.
 * With fewer than two items nothing is scheduled.
 */
export function createRotation(options: RotationOptions): Rotation {
  const timers = options.timers ?? realTimers
  const interval = Math.max(1000, options.intervalMs ?? DEFAULT_ROTATION_MS)
  const count = Math.max(0, Math.floor(options.count))
  let index = 0
  let paused = false
  let disposed = false
  let timer: unknown = null

  const clear = (): void => {
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
  }
  const arm = (): void => {
    clear()
    if (disposed || paused || count < 2) return
    timer = timers.setTimeout(() => {
      timer = null
      go(index + 1)
    }, interval)
  }
  const go = (to: number): void => {
    if (disposed || count === 0) return
    index = ((to % count) + count) % count
    options.onChange?.(index)
    arm()
  }

  arm()
  return {
    get index() {
      return index
    },
    get paused() {
      return paused
    },
    next: () => go(index + 1),
    previous: () => go(index - 1),
    pause: () => {
      paused = true
      clear()
    },
    resume: () => {
      paused = false
      arm()
    },
    toggle() {
      if (paused) this.resume()
      else this.pause()
    },
    dispose: () => {
      disposed = true
      clear()
    }
  }
}
