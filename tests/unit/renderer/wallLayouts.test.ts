import { describe, expect, it } from 'vitest'
import { chooseWallLayout, gridStyle, panelIds, slotOrder, wallLayoutIds, wallLayouts } from '@renderer/layout/wallLayouts'
import { emergencyLayouts, emergencyPanelIds } from '@renderer/layout/emergencyLayouts'

describe('chooseWallLayout', () => {
  it('picks the layout by aspect ratio: 16:9 at 1080p and 4K, 32:9 and 48:9 for wider walls', () => {
    expect(chooseWallLayout(1920, 1080)).toBe('16:9')
    expect(chooseWallLayout(3840, 2160)).toBe('16:9')
    expect(chooseWallLayout(3840, 1080)).toBe('32:9')
    expect(chooseWallLayout(5760, 1080)).toBe('48:9')
    expect(chooseWallLayout(7680, 2160)).toBe('32:9')
  })

  it('falls back to 16:9 for 16:10, 21:9, portrait and a zero-sized window', () => {
    expect(chooseWallLayout(1920, 1200)).toBe('16:9')
    expect(chooseWallLayout(2560, 1080)).toBe('16:9')
    expect(chooseWallLayout(1080, 1920)).toBe('16:9')
    expect(chooseWallLayout(0, 0)).toBe('16:9')
  })
})

describe.each(wallLayoutIds)('layout %s', (id) => {
  const layout = wallLayouts[id]

  it('places every panel exactly once', () => {
    const placed = Object.values(layout.slots).flat()
    expect([...placed].sort()).toEqual([...panelIds].sort())
  })

  it('shows the alert feed in a slot of its own, never in a carousel', () => {
    const slot = Object.entries(layout.slots).find(([, panels]) => panels.includes('alerts'))
    expect(slot?.[1]).toEqual(['alerts'])
  })

  it('has a rectangular area table naming the KPIs, the map and every slot', () => {
    expect(layout.areas).toHaveLength(layout.rows.length)
    for (const row of layout.areas) expect(row).toHaveLength(layout.columns.length)
    const names = new Set(layout.areas.flat())
    expect(names.has('kpi')).toBe(true)
    expect(names.has('map')).toBe(true)
    expect([...names].filter((n) => n !== 'kpi' && n !== 'map').sort()).toEqual(Object.keys(layout.slots).sort())
    expect(slotOrder(layout).sort()).toEqual(Object.keys(layout.slots).sort())
  })

  it('gives every area a rectangle (a CSS grid requirement)', () => {
    for (const name of new Set(layout.areas.flat())) {
      const cells = layout.areas.flatMap((row, r) => row.map((a, c) => (a === name ? [r, c] : null)).filter((x) => x !== null))
      const rs = cells.map(([r]) => r!)
      const cs = cells.map(([, c]) => c!)
      const h = Math.max(...rs) - Math.min(...rs) + 1
      const w = Math.max(...cs) - Math.min(...cs) + 1
      expect(cells.length, name).toBe(h * w)
    }
  })

  it('sizes tracks in fractions of the real viewport, never a fixed canvas', () => {
    const css = gridStyle(layout)
    expect(css['gridTemplateColumns']).not.toMatch(/\d+px/)
    expect(css['gridTemplateAreas']!.startsWith(`"${Array(layout.columns.length).fill('title').join(' ')}"`)).toBe(true)
    expect(css['gridTemplateRows']!.split(' var(').length).toBeGreaterThan(0)
  })
})

describe('wider walls show more panels side by side', () => {
  const visible = (id: (typeof wallLayoutIds)[number]): number => Object.keys(wallLayouts[id].slots).length
  const carousels = (id: (typeof wallLayoutIds)[number]): number => Object.values(wallLayouts[id].slots).filter((p) => p.length > 1).length

  it('16:9 rotates the panels that do not fit; 32:9 rotates only ranking and hot spots; 48:9 needs no carousel', () => {
    expect(visible('16:9')).toBeLessThan(visible('32:9'))
    expect(visible('32:9')).toBeLessThan(visible('48:9'))
    expect(carousels('16:9')).toBe(1)
    expect(carousels('32:9')).toBe(1)
    expect(Object.values(wallLayouts['32:9'].slots).find((p) => p.length > 1)).toEqual(['ranking', 'hotspots'])
    expect(carousels('48:9')).toBe(0)
  })

  it('puts 督办 (supervision) in the 16:9 carousel and in a fixed slot of its own on 32:9 and 48:9', () => {
    expect(Object.values(wallLayouts['16:9'].slots).find((p) => p.length > 1)).toContain('supervision')
    for (const id of ['32:9', '48:9'] as const) expect(Object.values(wallLayouts[id].slots)).toContainEqual(['supervision'])
  })

  it('puts 矛盾纠纷预警 (disputes) in the 16:9 carousel and in a fixed slot on 32:9 and 48:9, under 督办 in the same column', () => {
    expect(Object.values(wallLayouts['16:9'].slots).find((p) => p.length > 1)).toContain('disputes')
    for (const id of ['32:9', '48:9'] as const) {
      const layout = wallLayouts[id]
      expect(Object.values(layout.slots)).toContainEqual(['disputes'])
      const slotOf = (panel: string): string => Object.entries(layout.slots).find(([, p]) => p.includes(panel as never))![0]
      const column = (slot: string): number[] => [...new Set(layout.areas.flatMap((row) => row.flatMap((a, c) => (a === slot ? [c] : []))))]
      const rows = (slot: string): number[] => layout.areas.flatMap((row, r) => (row.includes(slot) ? [r] : []))
      expect(column(slotOf('disputes'))).toEqual(column(slotOf('supervision')))
      expect(Math.min(...rows(slotOf('disputes')))).toBe(Math.max(...rows(slotOf('supervision'))) + 1)
      // As tall as 督办: half the height below the KPIs.
      expect(rows(slotOf('disputes')).length).toBe(rows(slotOf('supervision')).length)
    }
  })

  it('puts the analysis (热点时段, 热点诉求) in the 16:9 carousel and in fixed slots on 32:9 and 48:9 that leave the others their room', () => {
    const rotating = Object.values(wallLayouts['16:9'].slots).find((p) => p.length > 1)
    expect(rotating).toEqual(expect.arrayContaining(['hourWeekday', 'hotDemands']))
    for (const id of ['32:9', '48:9'] as const) {
      const layout = wallLayouts[id]
      expect(Object.values(layout.slots)).toContainEqual(['hourWeekday'])
      expect(Object.values(layout.slots)).toContainEqual(['hotDemands'])
      const slotOf = (panel: string): string => Object.entries(layout.slots).find(([, p]) => p.includes(panel as never))?.[0] ?? panel
      const height = (panel: string): number => layout.areas.filter((row) => row.includes(slotOf(panel))).length
      const below = layout.rows.length - (layout.kpi === 'strip' ? 1 : 0)
      // The matrix keeps a third (seven readable weekdays), the hot demands at least a strip of rows
      // under the map (in columns: the slot is wide); the map keeps five sixths (its legend and toggles
      // fit), the alert feed two thirds, and the bar charts and lists their half.
      expect(height('hourWeekday'), `${id} hourWeekday`).toBeGreaterThanOrEqual(below / 3)
      expect(height('hotDemands'), `${id} hotDemands`).toBeGreaterThanOrEqual(below / 6)
      expect(height('map'), `${id} map`).toBeGreaterThanOrEqual((5 / 6) * below)
      expect(height('alerts'), `${id} alerts`).toBeGreaterThanOrEqual((2 / 3) * below)
      for (const panel of ['categories', 'hotspots', 'byArea', 'supervision', 'disputes']) expect(height(panel), `${id} ${panel}`).toBeGreaterThanOrEqual(below / 2)
    }
  })

  it('uses 3, 6 and 8 columns (the alert feed has a column of its own on the wider walls)', () => {
    expect(wallLayouts['16:9'].columns).toHaveLength(3)
    expect(wallLayouts['32:9'].columns).toHaveLength(6)
    expect(wallLayouts['48:9'].columns).toHaveLength(8)
  })
})

describe.each(wallLayoutIds)('emergency layout %s', (id) => {
  const layout = emergencyLayouts[id]

  it('places every emergency panel exactly once, one panel per slot (no carousel)', () => {
    expect(Object.values(layout.slots).sort()).toEqual([...emergencyPanelIds].sort())
  })

  it('has a rectangular area table: the incident header across the top row, the map and every slot', () => {
    expect(layout.areas).toHaveLength(layout.rows.length)
    for (const row of layout.areas) expect(row).toHaveLength(layout.columns.length)
    expect(new Set(layout.areas[0])).toEqual(new Set(['header']))
    const names = new Set(layout.areas.flat())
    expect([...names].filter((n) => n !== 'header' && n !== 'map').sort()).toEqual(Object.keys(layout.slots).sort())
    expect(slotOrder(layout).sort()).toEqual(Object.keys(layout.slots).sort())
    for (const name of names) {
      const cells = layout.areas.flatMap((row, r) => row.map((a, c) => (a === name ? [r, c] : null)).filter((x) => x !== null))
      const rs = cells.map(([r]) => r!)
      const cs = cells.map(([, c]) => c!)
      expect(cells.length, name).toBe((Math.max(...rs) - Math.min(...rs) + 1) * (Math.max(...cs) - Math.min(...cs) + 1))
    }
  })

  it('keeps the map full height below the header, and the same column count as the widest useful split', () => {
    expect(layout.areas.slice(1).every((row) => row.includes('map'))).toBe(true)
    expect(gridStyle(layout)['gridTemplateColumns']).not.toMatch(/\d+px/)
  })
})

describe('wider walls give each emergency panel more room', () => {
  it('uses 3, 5 and 6 columns; on 48:9 the long lists (affected, resources, alerts, cameras) are full height', () => {
    expect(emergencyLayouts['16:9'].columns).toHaveLength(3)
    expect(emergencyLayouts['32:9'].columns).toHaveLength(5)
    const wide = emergencyLayouts['48:9']
    expect(wide.columns).toHaveLength(6)
    const slotOf = (panel: string): string => Object.entries(wide.slots).find(([, p]) => p === panel)![0]
    for (const panel of ['affected', 'resources', 'alerts', 'cameras']) expect(wide.areas.slice(1).every((row) => row.includes(slotOf(panel))), panel).toBe(true)
  })
})
