import { ref } from 'vue'

/** At most one chime in this interval: a burst of alerts sounds once, not a drum roll. */
export const CHIME_MIN_INTERVAL_MS = 2000
const MUTE_KEY = 'gcc.alerts.muted'

/** A throttle: true when a chime may sound at `now`, and then none for `minIntervalMs` (pure; unit-tested). */
export function createChimeGate(minIntervalMs = CHIME_MIN_INTERVAL_MS): (now: number) => boolean {
  let last = -Infinity
  return (now) => {
    if (now - last < minIntervalMs) return false
    last = now
    return true
  }
}

function readMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTE_KEY) === '1'
  } catch {
    return false
  }
}

/** Shared by every caller: one mute switch, one audio context, one throttle for the window. */
const muted = ref(readMuted())
const gate = createChimeGate()
let audio: AudioContext | null = null
let unlockArmed = false

function context(): AudioContext | null {
  if (audio) return audio
  const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext
  if (!Ctor) return null
  try {
    audio = new Ctor()
  } catch {
    return null
  }
  return audio
}

/**
 * Browsers keep audio suspended until a user gesture. Rather than fail loudly, resume on the
 * first click or key press anywhere (once); until then chimes are silently skipped.
 */
function armUnlock(): void {
  if (unlockArmed) return
  unlockArmed = true
  const unlock = (): void => {
    window.removeEventListener('pointerdown', unlock, true)
    window.removeEventListener('keydown', unlock, true)
    unlockArmed = false
    void context()?.resume().catch(() => undefined)
  }
  window.addEventListener('pointerdown', unlock, true)
  window.addEventListener('keydown', unlock, true)
}

/** Two soft sine tones (a rising fourth, ~0.6 s), generated: no audio files. */
function ring(ctx: AudioContext): void {
  const t0 = ctx.currentTime + 0.01
  for (const [i, freq] of [880, 1174.66].entries()) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = freq
    const start = t0 + i * 0.18
    gain.gain.setValueAtTime(0.0001, start)
    gain.gain.exponentialRampToValueAtTime(0.35, start + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45)
    osc.connect(gain).connect(ctx.destination)
    osc.start(start)
    osc.stop(start + 0.5)
    osc.onended = () => {
      osc.disconnect()
      gain.disconnect()
    }
  }
}

/**
 * The wall's alert chime: `play()` sounds it unless muted, blocked by the browser, or another
 * sounded under CHIME_MIN_INTERVAL_MS ago. The mute switch is kept in localStorage.
 */
export function useChime() {
  function setMuted(value: boolean): void {
    muted.value = value
    try {
      globalThis.localStorage?.setItem(MUTE_KEY, value ? '1' : '0')
    } catch {
      // not persisted; fine
    }
    // Unmuting is a user gesture: a good moment to let audio start.
    if (!value) void context()?.resume().catch(() => undefined)
  }

  /** Returns whether a chime was started. */
  function play(now = performance.now()): boolean {
    if (muted.value) return false
    const ctx = context()
    if (!ctx) return false
    if (ctx.state !== 'running') {
      armUnlock()
      void ctx.resume().catch(() => undefined)
      if ((ctx.state as AudioContextState) !== 'running') return false
    }
    if (!gate(now)) return false
    try {
      ring(ctx)
      return true
    } catch {
      return false
    }
  }

  return { muted, setMuted, toggleMuted: () => setMuted(!muted.value), play }
}
