import { BRIEFING_MAX_HEIGHT, BRIEFING_MAX_WIDTH, BRIEFING_MIN_HEIGHT, BRIEFING_MIN_WIDTH } from '@shared/briefing/spec'

/** A size the briefing dialog offers: the wall's own first, then the standard video-wall sizes. */
export interface BriefingSize {
  key: string
  width: number
  height: number
  /** This screen's own size. */
  wall: boolean
}

/** The video walls the product is laid out for (docs/ARCHITECTURE.md, layouts). */
const STANDARD: readonly [number, number][] = [
  [1920, 1080],
  [3840, 1080],
  [3840, 2160],
  [5760, 1080],
  [7680, 2160]
]

/** The screen's size in device pixels, inside the briefing limits (pure but for the window it reads). */
export function currentWallSize(win: Pick<Window, 'innerWidth' | 'innerHeight' | 'devicePixelRatio'> = window): { width: number; height: number } {
  const ratio = win.devicePixelRatio || 1
  const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(v)))
  return {
    width: clamp(win.innerWidth * ratio, BRIEFING_MIN_WIDTH, BRIEFING_MAX_WIDTH),
    height: clamp(win.innerHeight * ratio, BRIEFING_MIN_HEIGHT, BRIEFING_MAX_HEIGHT)
  }
}

/** The wall's size, then each standard size that differs from it. */
export function briefingSizes(wall: { width: number; height: number }): BriefingSize[] {
  const key = (w: number, h: number): string => `${w}×${h}`
  const own: BriefingSize = { key: key(wall.width, wall.height), width: wall.width, height: wall.height, wall: true }
  return [own, ...STANDARD.filter(([w, h]) => key(w, h) !== own.key).map(([w, h]) => ({ key: key(w, h), width: w, height: h, wall: false }))]
}
