import { describe, expect, it } from 'vitest'
import { briefingStem, isBriefingFileName, uniqueBriefingStem } from '@shared/briefing/fileName'
import { fromShanghai } from '@shared/time'

describe('briefing file names', () => {
  it('names the Shanghai date and time, the target and the area', () => {
    // 00:00 UTC is 08:00 in Shanghai.
    expect(briefingStem(Date.UTC(2026, 10, 22, 0, 0), { kind: 'wall' }, '440311')).toBe('briefing-20261122-0800-wall-440311')
    expect(briefingStem(fromShanghai(2026, 11, 22, 20, 5), { kind: 'panel', panel: 'trend' }, '440311-003')).toBe(
      'briefing-20261122-2005-panel-trend-440311-003'
    )
    // 23:30 UTC on the 21st is already the 22nd in Shanghai.
    expect(briefingStem(Date.UTC(2026, 10, 21, 23, 30), { kind: 'wall' }, '440311')).toBe('briefing-20261122-0730-wall-440311')
  })

  it('sorts by time as text', () => {
    const times = [fromShanghai(2026, 1, 2, 8), fromShanghai(2025, 12, 31, 20), fromShanghai(2026, 1, 2, 20), fromShanghai(2026, 1, 10, 8)]
    const names = times.map((t) => briefingStem(t, { kind: 'wall' }, '440311'))
    expect([...names].sort()).toEqual([names[1], names[0], names[2], names[3]])
  })

  it('adds _2, _3, … when the name is taken', () => {
    const taken = new Set(['briefing-20261122-0800-wall-440311', 'briefing-20261122-0800-wall-440311_2'])
    expect(uniqueBriefingStem('briefing-20261122-0800-wall-440311', (s) => taken.has(s))).toBe('briefing-20261122-0800-wall-440311_3')
    expect(uniqueBriefingStem('briefing-20261122-0900-wall-440311', (s) => taken.has(s))).toBe('briefing-20261122-0900-wall-440311')
  })

  it('accepts only the names it makes', () => {
    expect(isBriefingFileName('briefing-20261122-0800-wall-440311.png')).toBe(true)
    expect(isBriefingFileName('briefing-20261122-0800-panel-trend-440311-003-02_12.png')).toBe(true)
    expect(isBriefingFileName('briefing-20261122-0800-wall-440311.json', 'json')).toBe(true)
    expect(isBriefingFileName('briefing-20261122-0800-wall-440311.json')).toBe(false)
    for (const bad of ['../gcc.sqlite3', 'briefing-20261122-0800-wall-440311.png/../../x.png', '..%2Fx.png', 'briefing-2026-wall.png', '']) {
      expect(isBriefingFileName(bad), bad).toBe(false)
    }
  })
})
