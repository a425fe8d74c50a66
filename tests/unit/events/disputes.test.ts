import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DisputeFacts } from '@shared/domain/dispute'
import { DAY_MS, HOUR_MS } from '@shared/time'
import { APPLICATION_ID, schemaVersion } from '../../../src/main/store/database'
import { latestSchemaVersion, migrations } from '../../../src/main/store/migrations'
import { Store } from '../../../src/main/store/store'
import { makeEvent } from '../../support/eventsApi'
import { G1, G2, G3, loadStatsDistrict, NOW, T0 } from '../../support/statsDistrict'
import { tempDir } from '../../support/tempDir'
import { wallApi } from '../../support/wallApi'

const dispute = { category: 'dispute' as const }
const facts = (people: number, urgency: DisputeFacts['urgency'] = 'normal', amountYuan: number | null = null): DisputeFacts => ({ people, urgency, amountYuan })

/**
 * The hand-made district (tests/support/statsDistrict.ts) has one open dispute, C2 in G1, with no
 * facts recorded (ungraded). These add graded ones in every grid, and a closed one.
 */
describe('dispute early warning on a real SQLite file', () => {
  let store: Store
  let remove: () => void
  let api: ReturnType<typeof wallApi>
  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadStatsDistrict(store)
    store.events.insertMany([
      makeEvent('D1', G1, T0 - 2 * DAY_MS, T0 + 13 * DAY_MS, { ...dispute, title: '劳资纠纷', status: 'handling' }),
      makeEvent('D2', G2, T0 - DAY_MS, T0 + 14 * DAY_MS, dispute),
      makeEvent('D3', G3, T0 - 3 * DAY_MS, T0 + 12 * DAY_MS, dispute),
      makeEvent('D4', G1, T0 + HOUR_MS, T0 + 15 * DAY_MS, dispute),
      makeEvent('D5', G2, T0 - 5 * DAY_MS, T0 + 10 * DAY_MS, dispute),
      makeEvent('D6', G1, T0 - 9 * DAY_MS, T0 + 6 * DAY_MS, { ...dispute, status: 'closed' })
    ])
    store.disputes.insertMany([
      { eventId: 'D1', facts: facts(60, 'normal', 1_200_000) },
      { eventId: 'D2', facts: facts(3, 'critical') },
      { eventId: 'D3', facts: facts(5) },
      { eventId: 'D4', facts: facts(2, 'urgent', 3_000) },
      { eventId: 'D5', facts: facts(2, 'normal', 5_000) },
      { eventId: 'D6', facts: facts(80, 'critical') }
    ])
    api = wallApi(store, NOW)
  })
  afterAll(() => {
    store.close()
    remove()
  })

  it('keeps the facts and grades them when read: disputeFactsOf', () => {
    expect(store.disputes.disputeFactsOf('D1')).toEqual({ facts: facts(60, 'normal', 1_200_000), warningLevel: 'red' })
    expect(store.disputes.disputeFactsOf('D3')).toEqual({ facts: facts(5), warningLevel: 'orange' })
    expect(store.disputes.disputeFactsOf('D5')).toEqual({ facts: facts(2, 'normal', 5_000), warningLevel: 'yellow' })
    // A dispute with no facts recorded, an event that is no dispute, no event at all.
    for (const id of ['C2', 'A1', 'nope']) expect(store.disputes.disputeFactsOf(id)).toEqual({ facts: null, warningLevel: null })
  })

  it('lists the district’s open disputes most serious first, with exact counts per level', async () => {
    const d = await api('events.disputes', { areaCode: '440311', limit: 50 })
    // Red: D2 (critical) before D1 (60 people, normal); orange: D4 (urgent) before D3 (5 people);
    // yellow D5; C2 has no facts: ungraded, last. D6 is closed.
    expect(d.rows.map((r) => [r.id, r.warningLevel])).toEqual([
      ['D2', 'red'],
      ['D1', 'red'],
      ['D4', 'orange'],
      ['D3', 'orange'],
      ['D5', 'yellow'],
      ['C2', null]
    ])
    expect(d.counts).toEqual({ red: 2, orange: 2, yellow: 1, ungraded: 1 })
    expect(d.total).toBe(6)
    expect(d.asOf).toBe(NOW)
    expect(d.area).toEqual({ code: '440311', name: '测试区', level: 'district' })
    expect(d.rows[1]).toMatchObject({
      id: 'D1', title: '劳资纠纷', category: 'dispute', status: 'handling', gridCode: G1, gridName: '一社区第1网格',
      facts: facts(60, 'normal', 1_200_000), ageMs: NOW - (T0 - 2 * DAY_MS)
    })
    expect(d.rows[5]).toMatchObject({ id: 'C2', facts: null, warningLevel: null, ageMs: NOW - (T0 - 20 * DAY_MS) })
  })

  it('keeps the counts exact whatever the limit', async () => {
    const d = await api('events.disputes', { areaCode: '440311', limit: 2 })
    expect(d.rows.map((r) => r.id)).toEqual(['D2', 'D1'])
    expect(d.counts).toEqual({ red: 2, orange: 2, yellow: 1, ungraded: 1 })
    expect(d.total).toBe(6)
  })

  it('keeps to the area: a street, a community, a grid', async () => {
    const street = await api('events.disputes', { areaCode: '440311-002', limit: 50 })
    expect(street.rows.map((r) => r.id)).toEqual(['D3'])
    expect(street.counts).toEqual({ red: 0, orange: 1, yellow: 0, ungraded: 0 })
    const community = await api('events.disputes', { areaCode: '440311-001-01', limit: 50 })
    expect(community.rows.map((r) => r.id)).toEqual(['D2', 'D1', 'D4', 'D5', 'C2'])
    const grid = await api('events.disputes', { areaCode: G1, limit: 50 })
    expect(grid.rows.map((r) => r.id)).toEqual(['D1', 'D4', 'C2'])
    expect(grid.counts).toEqual({ red: 1, orange: 1, yellow: 0, ungraded: 1 })
  })

  it('refuses an unknown area, a malformed one and a limit out of range', async () => {
    await expect(api('events.disputes', { areaCode: '440311-009', limit: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(api('events.disputes', { areaCode: 'x; DROP TABLE events', limit: 10 })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(api('events.disputes', { areaCode: '440311', limit: 201 })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(api('events.disputes', { areaCode: '440311', limit: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })

  it('refuses facts that break the schema, and replaces facts recorded again', () => {
    expect(() => store.disputes.insertMany([{ eventId: 'D5', facts: { people: 1, urgency: 'normal', amountYuan: null } }])).toThrow()
    expect(() => store.disputes.insertMany([{ eventId: 'D5', facts: { people: 2, urgency: 'normal', amountYuan: -5 } }])).toThrow()
    expect(store.disputes.disputeFactsOf('D5').facts).toEqual(facts(2, 'normal', 5_000))
    store.disputes.insertMany([{ eventId: 'D5', facts: facts(2, 'normal', 150_000) }])
    expect(store.disputes.disputeFactsOf('D5').warningLevel).toBe('orange')
    store.disputes.insertMany([{ eventId: 'D5', facts: facts(2, 'normal', 5_000) }])
  })

  it('drops a dispute from the list when it is closed, and its facts when the event is deleted', async () => {
    const before = store.disputes.count()
    store.events.applyTransition('D4', 'close', 'closed', NOW, 'tester')
    const d = await api('events.disputes', { areaCode: '440311', limit: 50 })
    expect(d.rows.map((r) => r.id)).not.toContain('D4')
    expect(d.counts).toEqual({ red: 2, orange: 1, yellow: 1, ungraded: 1 })
    store.db.prepare("DELETE FROM events WHERE id = 'D6'").run()
    expect(store.disputes.count()).toBe(before - 1)
    expect(store.disputes.disputeFactsOf('D6').facts).toBeNull()
  })
})

describe('migration 8 on a store written before it', () => {
  it('adds the facts table and index; the disputes already there are listed as ungraded', async () => {
    const t = tempDir()
    try {
      const path = join(t.dir, 'gcc.sqlite3')
      const version = migrations.findIndex((m) => m.includes('CREATE TABLE dispute_facts'))
      expect(version).toBeGreaterThan(0)
      const db = new Database(path)
      for (const m of migrations.slice(0, version)) db.exec(m)
      db.pragma(`user_version = ${version}`)
      db.pragma(`application_id = ${APPLICATION_ID}`)
      // Disputes written then: one open, one closed; and an open event of another category.
      const region = db.prepare(`INSERT INTO regions (code, level, name, parent_code, centroid_lon, centroid_lat, area_m2, geometry)
        VALUES (?, ?, ?, ?, 114, 22.7, 1, '{"type":"Polygon","coordinates":[]}')`)
      for (const [code, level, parent] of [['440311', 'district', null], ['440311-001', 'street', '440311'], ['440311-001-01', 'community', '440311-001'], [G1, 'grid', '440311-001-01']]) {
        region.run(code, level, code, parent)
      }
      const event = db.prepare(`INSERT INTO events (id, category, source, level, status, grid_code, community_code, street_code, title, lon, lat,
        reported_at, deadline_at, closed_at) VALUES (?, ?, 'patrol', 2, ?, ?, '440311-001-01', '440311-001', ?, 114, 22.7, ?, ?, ?)`)
      event.run('OLD1', 'dispute', 'reported', G1, '邻里纠纷', T0 - DAY_MS, T0 + 14 * DAY_MS, null)
      event.run('OLD2', 'dispute', 'closed', G1, '物业纠纷', T0 - 9 * DAY_MS, T0 + 6 * DAY_MS, T0 - DAY_MS)
      event.run('OLD3', 'environment', 'reported', G1, '垃圾堆放', T0 - DAY_MS, T0, null)
      db.close()

      const store = Store.open(path)
      try {
        expect(schemaVersion(store.db)).toBe(latestSchemaVersion)
        expect(store.disputes.count()).toBe(0)
        const d = await wallApi(store, NOW)('events.disputes', { areaCode: '440311', limit: 10 })
        expect(d.rows.map((r) => [r.id, r.facts, r.warningLevel])).toEqual([['OLD1', null, null]])
        expect(d.counts).toEqual({ red: 0, orange: 0, yellow: 0, ungraded: 1 })
      } finally {
        store.close()
      }
    } finally {
      t.remove()
    }
  })
})
