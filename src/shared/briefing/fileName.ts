import { shanghaiParts } from '../time'
import type { BriefingTarget } from './spec'

/**
 * Predictable, sortable names in Shanghai time: `briefing-20261122-0800-wall-440311.png`,
 * `briefing-20261122-0800-panel-trend-440311.png`; `_2`, `_3`, … before `.png` when
 * taken (not `-`: region codes have dashes, `440311-003-02`).
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The name without suffix and extension, e.g. `briefing-20261122-0800-wall-440311`. */
export function briefingStem(generatedAt: number, target: BriefingTarget, areaCode: string): string {
  const p = shanghaiParts(generatedAt)
  const when = `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}-${pad(p.hour)}${pad(p.minute)}`
  const what = target.kind === 'wall' ? 'wall' : `panel-${target.panel}`
  return `briefing-${when}-${what}-${areaCode}`
}

/** The first free stem: the plain one, then `_2`, `_3`, … (`taken` answers for a stem). */
export function uniqueBriefingStem(stem: string, taken: (stem: string) => boolean): string {
  if (!taken(stem)) return stem
  for (let n = 2; ; n++) {
    const candidate = `${stem}_${n}`
    if (!taken(candidate)) return candidate
  }
}

/** Names the history and the file route accept: what briefingStem makes, with its suffix, and an extension. */
export const BRIEFING_FILE_PATTERN = /^briefing-\d{8}-\d{4}-(?:wall|panel-[A-Za-z]{1,40})-\d{6}(?:-\d{2,3}){0,4}(?:_\d{1,6})?\.(png|json)$/

export const isBriefingFileName = (name: string, ext: 'png' | 'json' = 'png'): boolean => {
  const m = BRIEFING_FILE_PATTERN.exec(name)
  return m !== null && m[1] === ext
}
