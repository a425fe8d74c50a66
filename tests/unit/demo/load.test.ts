import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegionLevel } from '@shared/domain/region'
import { generateDemoDistrict, type DemoDistrict } from '../../../src/main/demo/generate'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import type { DemoProgress, DemoSummary } from '../../../src/main/demo/options'
import { Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/tempDir'
import { demoOptions } from './fixture'

let store: Store
let remove: () => void
let summary: DemoSummary
let generated: DemoDistrict
const progress: DemoProgress[] = []

const count = (table: string): number => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

beforeAll(() => {
  const temp = tempDir('gcc-demo-')
  remove = temp.remove
  store = Store.open(join(temp.dir, 'gcc.sqlite3'))
  summary = loadDemoDistrict(store, { ...demoOptions, onProgress: (p) => progress.push(p) })
  generated = generateDemoDistrict(demoOptions)
})
afterAll(() => {
  store.close()
  remove()
})

describe('loading the demo district into SQLite', () => {
  it('writes exactly what the generator produces', () => {
    const levels: [RegionLevel, number][] = [
      ['district', 1],
      ['street', generated.streets.length],
      ['community', generated.communities.length],
      ['grid', generated.grids.length]
    ]
    for (const [level, n] of levels) expect(store.regions.byLevel(level).length, level).toBe(n)
    expect(store.buildings.count()).toBe(generated.buildings.length)
    expect(store.cameras.all()).toEqual(generated.cameras)
    expect(store.staff.all()).toEqual(generated.staff)
    expect(store.events.count()).toBe(generated.events.length)
    expect(count('event_transitions')).toBe(generated.transitions.length)
    expect(store.buildings.riskCounts('440311')).toEqual({
      safe: generated.buildings.filter((b) => b.riskLevel === 'safe').length,
      normal: generated.buildings.filter((b) => b.riskLevel === 'normal').length,
      warning: generated.buildings.filter((b) => b.riskLevel === 'warning').length
    })
    const rows = store.db
      .prepare<[], { id: string; status: string; closed_at: number | null; deadline_at: number }>(
        'SELECT id, status, closed_at, deadline_at FROM events ORDER BY id'
      )
      .all()
    const expected = [...generated.events].sort((a, b) => (a.id < b.id ? -1 : 1))
    expect(rows).toEqual(expected.map((e) => ({ id: e.id, status: e.status, closed_at: e.closedAt, deadline_at: e.deadlineAt })))
    const grid = generated.grids[7]!
    expect(store.regions.withGeometry(['grid']).find((g) => g.code === grid.code)).toEqual(grid)
  })

  it('reports the counts it wrote', () => {
    expect(summary).toMatchObject({
      seed: demoOptions.seed,
      scale: 1,
      districtCode: '440311',
      districtName: generated.district.name,
      streets: 6,
      communities: 31,
      grids: 264,
      buildings: generated.buildings.length,
      cameras: generated.cameras.length,
      staff: generated.staff.length,
      events: generated.events.length,
      transitions: generated.transitions.length
    })
    expect(summary.elapsedMs).toBeLessThan(20_000)
  })

  it('records the demo and the district in meta', () => {
    expect(store.meta.get('demo.seed')).toBe(String(demoOptions.seed))
    expect(store.meta.get('demo.scale')).toBe('1')
    expect(store.meta.get('demo.generatedAt')).toBe(String(demoOptions.now))
    expect(store.meta.get('district.code')).toBe('440311')
    expect(store.meta.get('district.name')).toBe(generated.district.name)
  })

  it('reports progress from 0 to 1 in Chinese and English, through generation and writing', () => {
    const fractions = progress.map((p) => p.fraction)
    expect(fractions[0]).toBe(0)
    expect(fractions[fractions.length - 1]).toBe(1)
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true)
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['clearing', 'regions', 'buildings', 'cameras', 'staff', 'writing', 'events', 'done']))
    for (const p of progress) expect(p.message).toMatch(/\p{Script=Han}.* \/ .*[A-Za-z]/u)
  })

  it('replaces the district on a second run instead of adding to it', () => {
    const again = loadDemoDistrict(store, { ...demoOptions, seed: demoOptions.seed + 1 })
    expect(store.regions.count()).toBe(1 + 6 + 31 + 264)
    expect(store.events.count()).toBe(again.events)
    expect(count('event_transitions')).toBe(again.transitions)
    expect(store.meta.get('demo.seed')).toBe(String(demoOptions.seed + 1))
  })

  it('leaves the district in place when a run fails', () => {
    const before = store.events.count()
    expect(() => loadDemoDistrict(store, { ...demoOptions, scale: -1 })).toThrow(/scale/)
    expect(store.events.count()).toBe(before)
    expect(store.regions.count()).toBe(1 + 6 + 31 + 264)
  })
})
