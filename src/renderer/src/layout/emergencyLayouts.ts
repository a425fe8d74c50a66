import type { WallLayout, WallLayoutId } from './wallLayouts'

/**
 * The wall's layouts in emergency mode (平急转换), one per aspect ratio, as data (pure:
 * unit-tested). The incident header runs across the top instead of the KPIs; every panel has a
 * slot of its own (no carousel: nothing moves by itself while an incident runs); the map stays in
 * the middle and the alert feed stays fixed.
 */
export const emergencyPanelIds = ['rings', 'affected', 'resources', 'cameras', 'log', 'alerts'] as const
export type EmergencyPanelId = (typeof emergencyPanelIds)[number]

export interface EmergencyLayout extends Pick<WallLayout, 'id' | 'columns' | 'rows' | 'areas'> {
  /** One panel per slot. */
  slots: Record<string, EmergencyPanelId>
}

const side = 'minmax(0, 1fr)'
const headerRow = 'var(--wall-incident-height)'
const rows = (n: number): string[] => [headerRow, ...Array.from({ length: n }, () => side)]
const header = (cols: number): string[] => Array.from({ length: cols }, () => 'header')

export const emergencyLayouts: Record<WallLayoutId, EmergencyLayout> = {
  // 1920×1080: the rings (a short table), the affected places and the resources left of the map;
  // the alert feed (its counters take room), the cameras and the incident log right of it. Eight
  // row tracks: the rings and the log two, the others three.
  '16:9': {
    id: '16:9',
    columns: [side, 'minmax(0, 1.6fr)', side],
    rows: rows(8),
    areas: [
      header(3),
      ['r', 'map', 'x'],
      ['r', 'map', 'x'],
      ['a', 'map', 'x'],
      ['a', 'map', 'c'],
      ['a', 'map', 'c'],
      ['s', 'map', 'c'],
      ['s', 'map', 'l'],
      ['s', 'map', 'l']
    ],
    slots: { r: 'rings', a: 'affected', s: 'resources', x: 'alerts', c: 'cameras', l: 'log' }
  },
  // 3840×1080: the rings (a third: the table is short) over the affected places, the resources in
  // a tall column; the map; the alert feed in a tall column, the cameras over the incident log.
  '32:9': {
    id: '32:9',
    columns: [side, side, 'minmax(0, 2fr)', side, side],
    rows: rows(3),
    areas: [header(5), ['r', 's', 'map', 'x', 'c'], ['a', 's', 'map', 'x', 'c'], ['a', 's', 'map', 'x', 'l']],
    slots: { r: 'rings', a: 'affected', s: 'resources', x: 'alerts', c: 'cameras', l: 'log' }
  },
  // 5760×1080: six columns: the rings over the incident log (the ring table is short), the affected
  // places and the resources full height | map | the alert feed and the cameras full height.
  '48:9': {
    id: '48:9',
    columns: [side, side, side, 'minmax(0, 2fr)', side, side],
    rows: rows(2),
    areas: [header(6), ['r', 'a', 's', 'map', 'x', 'c'], ['l', 'a', 's', 'map', 'x', 'c']],
    slots: { r: 'rings', a: 'affected', s: 'resources', x: 'alerts', c: 'cameras', l: 'log' }
  }
}
