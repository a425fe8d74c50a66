import type { WallLayout, WallLayoutId } from './wallLayouts'

/**
 * The wall's layouts in emergency mode (平急转换), one per aspect ratio, as data (pure:
 * unit-tested). The incident header runs across the top instead of the KPIs; every panel has a
 * slot of its own (no carousel: nothing moves by itself while an incident runs); the map stays in
 * the middle and the alert feed stays fixed.
 */
export const emergencyPanelIds = ['rings', 'affected', 'resources', 'tasks', 'cameras', 'log', 'alerts'] as const
export type EmergencyPanelId = (typeof emergencyPanelIds)[number]

export interface EmergencyLayout extends Pick<WallLayout, 'id' | 'columns' | 'rows' | 'areas'> {
  /** One panel per slot. */
  slots: Record<string, EmergencyPanelId>
}

const side = 'minmax(0, 1fr)'
const headerRow = 'var(--wall-incident-height)'
const rows = (n: number): string[] => [headerRow, ...Array.from({ length: n }, () => side)]
const header = (cols: number): string[] => Array.from({ length: cols }, () => 'header')
/** One column's areas, top to bottom: each slot name repeated over its number of row tracks. */
const stack = (...parts: [string, number][]): string[] => parts.flatMap(([name, n]) => Array.from({ length: n }, () => name))

const slots = { r: 'rings', a: 'affected', s: 'resources', t: 'tasks', x: 'alerts', c: 'cameras', l: 'log' } as const

export const emergencyLayouts: Record<WallLayoutId, EmergencyLayout> = {
  // 1920×1080, twelve row tracks (fine enough to give each panel what it needs): the rings (a
  // four-line table, three), the affected places (four) and the resources to dispatch (five) left
  // of the map; the alert feed (so short that today's counters give way to the rows), the
  // dispatched tasks, the cameras and the incident log (three each) right of it.
  '16:9': {
    id: '16:9',
    columns: [side, 'minmax(0, 1.6fr)', side],
    rows: rows(12),
    areas: [
      header(3),
      ...stack(['r', 3], ['a', 4], ['s', 5]).map((left, i) => [left, 'map', stack(['x', 3], ['t', 3], ['c', 3], ['l', 3])[i]!])
    ],
    slots
  },
  // 3840×1080, six row tracks: the rings over the affected places, the resources full height; the
  // map; the alert feed full height, then the tasks over the cameras over the incident log.
  '32:9': {
    id: '32:9',
    columns: [side, side, 'minmax(0, 2fr)', side, side],
    rows: rows(6),
    areas: [
      header(5),
      ['r', 's', 'map', 'x', 't'],
      ['r', 's', 'map', 'x', 't'],
      ['a', 's', 'map', 'x', 'c'],
      ['a', 's', 'map', 'x', 'c'],
      ['a', 's', 'map', 'x', 'l'],
      ['a', 's', 'map', 'x', 'l']
    ],
    slots
  },
  // 5760×1080, six columns: the rings, the dispatched tasks and the incident log stacked, the
  // affected places and the resources full height | map | the alert feed and the cameras full height.
  '48:9': {
    id: '48:9',
    columns: [side, side, side, 'minmax(0, 2fr)', side, side],
    rows: rows(3),
    areas: [header(6), ['r', 'a', 's', 'map', 'x', 'c'], ['t', 'a', 's', 'map', 'x', 'c'], ['l', 'a', 's', 'map', 'x', 'c']],
    slots
  }
}
