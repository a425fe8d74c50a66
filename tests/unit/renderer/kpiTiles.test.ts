import { describe, expect, it } from 'vitest'
import type { WallKpis } from '@shared/api/types'
import { buildKpiTiles, kpiDelta, kpiKeys } from '@renderer/charts/kpiTiles'

const kpis: WallKpis = {
  area: { code: '440311', name: '光明区', level: 'district' },
  asOf: 0,
  reportedToday: { value: 120, previous: 100, basis: 'yesterday' },
  closedToday: { value: 90, previous: 95, basis: 'yesterday' },
  resolutionRate: { value: 0.992, previous: 0.98, basis: 'lastWeek' },
  onTimeRate: { value: 0.95, previous: 0.9504, basis: 'lastWeek' },
  satisfaction: { value: null, previous: 0.9, basis: 'lastWeek' },
  overdue: { value: 7, previous: 4, basis: 'yesterday' },
  camerasOnline: { online: 910, total: 958 },
  staffOnDuty: { value: 2271, previous: 2300, basis: 'none' }
}

describe('kpiDelta', () => {
  it('colours a rise by whether it is good news for the figure', () => {
    expect(kpiDelta('overdue', 7, 4)).toEqual({ arrow: '▲', text: '3', tone: 'bad' })
    expect(kpiDelta('overdue', 2, 4)).toEqual({ arrow: '▼', text: '2', tone: 'good' })
    expect(kpiDelta('resolutionRate', 0.992, 0.98)).toEqual({ arrow: '▲', text: '1.2', tone: 'good' })
    expect(kpiDelta('closedToday', 90, 95)).toEqual({ arrow: '▼', text: '5', tone: 'bad' })
  })

  it('treats more reports as neither good nor bad', () => {
    expect(kpiDelta('reportedToday', 120, 100)?.tone).toBe('neutral')
  })

  it('calls a change below the shown precision unchanged, and an unknown side no change at all', () => {
    expect(kpiDelta('onTimeRate', 0.95, 0.9504)).toEqual({ arrow: '＝', text: '0', tone: 'neutral' })
    expect(kpiDelta('satisfaction', null, 0.9)).toBeNull()
    expect(kpiDelta('overdue', 3, null)).toBeNull()
  })
})

describe('buildKpiTiles', () => {
  const tiles = buildKpiTiles(kpis)
  const by = new Map(tiles.map((t) => [t.key, t]))

  it('has the eight tiles in order', () => {
    expect(tiles.map((t) => t.key)).toEqual([...kpiKeys])
  })

  it('keeps raw values for data-value: rates 0–1, cameras the online count', () => {
    expect(by.get('resolutionRate')?.raw).toBe(0.992)
    expect(by.get('camerasOnline')?.raw).toBe(910)
    expect(by.get('reportedToday')?.raw).toBe(120)
    expect(by.get('satisfaction')?.raw).toBeNull()
  })

  it('formats counts with separators, rates as percent, unknown as a dash', () => {
    expect(by.get('staffOnDuty')?.text).toBe('2,271')
    expect(by.get('resolutionRate')?.text).toBe('99.2')
    expect(by.get('satisfaction')?.text).toBe('—')
    expect(by.get('camerasOnline')?.of).toBe('/ 958')
  })

  it('shows no change where the basis is none', () => {
    expect(by.get('staffOnDuty')?.delta).toBeNull()
    expect(by.get('overdue')?.basis).toBe('yesterday')
    expect(by.get('overdue')?.delta?.tone).toBe('bad')
  })
})
