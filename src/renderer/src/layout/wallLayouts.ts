/**
 * The wall's layouts, one per aspect ratio, as data (pure: unit-tested). A wider wall shows more
 * panels side by side at the same size, never stretched ones; what does not fit rotates in a
 * carousel slot. Track sizes are CSS grid tracks in real pixels (fr of the real viewport).
 */

/** The secondary panels around the map; 'alerts' (the camera alert feed) is fixed in every layout, never in a carousel. */
export const panelIds = ['alerts', 'trend', 'hourly', 'categories', 'byArea', 'sources', 'buildingRisk', 'ranking', 'hotspots', 'supervision', 'disputes', 'hourWeekday', 'hotDemands'] as const
export type PanelId = (typeof panelIds)[number]

export const wallLayoutIds = ['16:9', '32:9', '48:9'] as const
export type WallLayoutId = (typeof wallLayoutIds)[number]

export interface WallLayout {
  id: WallLayoutId
  /** grid-template-columns tracks. */
  columns: string[]
  /** grid-template-rows tracks below the title bar. */
  rows: string[]
  /** grid-template-areas, one string of area names per row: 'kpi', 'map' and slot names. */
  areas: string[][]
  /** Panels per slot: one is shown as is, more rotate in a carousel. */
  slots: Record<string, PanelId[]>
  /** The KPIs as a strip over the columns, or as a column of their own (48:9). */
  kpi: 'strip' | 'column'
}

const side = 'minmax(0, 1fr)'
const kpiRow = 'var(--wall-kpi-height)'

export const wallLayouts: Record<WallLayoutId, WallLayout> = {
  // 1920×1080, 3840×2160: KPI strip; three compact charts | map | the alert feed over two tall panels
  // (bar lists need the height), nine of them taking turns in the lower slot (督办, 矛盾纠纷预警 and the analysis
  // of hot hours and hot demands among them). Six row tracks: left slots span two, right three. The feed is
  // fixed: the duty officer must always see it.
  '16:9': {
    id: '16:9',
    columns: [side, 'minmax(0, 1.75fr)', side],
    rows: [kpiRow, side, side, side, side, side, side],
    areas: [
      ['kpi', 'kpi', 'kpi'],
      ['a', 'map', 'd'],
      ['a', 'map', 'd'],
      ['b', 'map', 'd'],
      ['b', 'map', 'f'],
      ['c', 'map', 'f'],
      ['c', 'map', 'f']
    ],
    slots: {
      a: ['trend'],
      b: ['hourly'],
      c: ['sources'],
      d: ['alerts'],
      f: ['supervision', 'disputes', 'byArea', 'categories', 'hotspots', 'hourWeekday', 'hotDemands', 'ranking', 'buildingRisk']
    },
    kpi: 'strip'
  },
  // 3840×1080: KPI strip; left of the map the three compact charts (as on 16:9), then categories over
  // the worker ranking and the hot spots (both slow-moving lists, sharing a slot); the map over a strip
  // of the most rising resident demands (in columns); the alert feed over the hot hours by weekday;
  // events by area over building risk, and the two lists the duty officer acts on: 督办 (supervision,
  // overdue events) over 矛盾纠纷预警 (disputes), each in a fixed slot. Twelve row tracks: two panels
  // in a column span six, three span four; the map keeps five sixths (its legend and toggles fit), the
  // feed two thirds.
  '32:9': {
    id: '32:9',
    columns: [side, side, 'minmax(0, 2fr)', side, side, side],
    rows: [kpiRow, ...Array.from({ length: 12 }, () => side)],
    areas: [
      ['kpi', 'kpi', 'kpi', 'kpi', 'kpi', 'kpi'],
      ['a', 'c', 'map', 'x', 'e', 'h'],
      ['a', 'c', 'map', 'x', 'e', 'h'],
      ['a', 'c', 'map', 'x', 'e', 'h'],
      ['a', 'c', 'map', 'x', 'e', 'h'],
      ['b', 'c', 'map', 'x', 'e', 'h'],
      ['b', 'c', 'map', 'x', 'e', 'h'],
      ['b', 'g', 'map', 'x', 'f', 'y'],
      ['b', 'g', 'map', 'x', 'f', 'y'],
      ['d', 'g', 'map', 'w', 'f', 'y'],
      ['d', 'g', 'map', 'w', 'f', 'y'],
      ['d', 'g', 'k', 'w', 'f', 'y'],
      ['d', 'g', 'k', 'w', 'f', 'y']
    ],
    slots: {
      a: ['trend'],
      b: ['hourly'],
      c: ['categories'],
      d: ['sources'],
      x: ['alerts'],
      e: ['byArea'],
      f: ['buildingRisk'],
      g: ['ranking', 'hotspots'],
      h: ['supervision'],
      y: ['disputes'],
      w: ['hourWeekday'],
      k: ['hotDemands']
    },
    kpi: 'strip'
  },
  // 5760×1080: eight columns, the KPIs a column of their own, the three compact charts, categories over
  // the hot spots, the map, the alert feed over the hot hours by weekday (as on 32:9), 督办 (supervision)
  // over 矛盾纠纷预警 (disputes), events by area over building risk, the ranking over the hot resident
  // demands; no carousel. Twelve row tracks, as on 32:9.
  '48:9': {
    id: '48:9',
    columns: [side, side, side, 'minmax(0, 2fr)', side, side, side, side],
    rows: Array.from({ length: 12 }, () => side),
    areas: [
      ['kpi', 'a', 'c', 'map', 'x', 's', 'e', 'h'],
      ['kpi', 'a', 'c', 'map', 'x', 's', 'e', 'h'],
      ['kpi', 'a', 'c', 'map', 'x', 's', 'e', 'h'],
      ['kpi', 'a', 'c', 'map', 'x', 's', 'e', 'h'],
      ['kpi', 'b', 'c', 'map', 'x', 's', 'e', 'h'],
      ['kpi', 'b', 'c', 'map', 'x', 's', 'e', 'h'],
      ['kpi', 'b', 'g', 'map', 'x', 'y', 'f', 'k'],
      ['kpi', 'b', 'g', 'map', 'x', 'y', 'f', 'k'],
      ['kpi', 'd', 'g', 'map', 'w', 'y', 'f', 'k'],
      ['kpi', 'd', 'g', 'map', 'w', 'y', 'f', 'k'],
      ['kpi', 'd', 'g', 'map', 'w', 'y', 'f', 'k'],
      ['kpi', 'd', 'g', 'map', 'w', 'y', 'f', 'k']
    ],
    slots: {
      a: ['trend'],
      b: ['hourly'],
      c: ['categories'],
      d: ['sources'],
      x: ['alerts'],
      e: ['byArea'],
      s: ['supervision'],
      y: ['disputes'],
      f: ['buildingRisk'],
      g: ['hotspots'],
      h: ['ranking'],
      w: ['hourWeekday'],
      k: ['hotDemands']
    },
    kpi: 'column'
  }
}

/**
 * The layout for a viewport: 48:9 from about 4.2:1, 32:9 from about 2.6:1, 16:9 below (16:10,
 * 21:9 and portrait screens get the 16:9 layout, which degrades best).
 */
export function chooseWallLayout(width: number, height: number): WallLayoutId {
  if (!(width > 0) || !(height > 0)) return '16:9'
  const ratio = width / height
  if (ratio >= 4.2) return '48:9'
  if (ratio >= 2.6) return '32:9'
  return '16:9'
}

/** CSS for a layout's grid: title on top, then its rows. */
export function gridStyle(layout: Pick<WallLayout, 'columns' | 'rows' | 'areas'>): Record<string, string> {
  const cols = layout.columns.length
  const title = `"${Array.from({ length: cols }, () => 'title').join(' ')}"`
  return {
    gridTemplateColumns: layout.columns.join(' '),
    gridTemplateRows: ['var(--wall-title-height)', ...layout.rows].join(' '),
    gridTemplateAreas: [title, ...layout.areas.map((r) => `"${r.join(' ')}"`)].join(' ')
  }
}

/** Slots in the order they appear (row by row, left to right). */
export function slotOrder(layout: Pick<WallLayout, 'areas'> & { slots: Record<string, unknown> }): string[] {
  const seen: string[] = []
  for (const row of layout.areas) for (const a of row) if (a in layout.slots && !seen.includes(a)) seen.push(a)
  return seen
}
