import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { disputeFactsSchema, disputeWarningLevel } from '@shared/domain/dispute'
import type { GovEvent } from '@shared/domain/event'
import { DemoDisputes, demoDisputeKinds } from '../../../src/main/demo/events/disputes'
import { generateDemoDistrict } from '../../../src/main/demo/generate'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import type { DisputeFactsRecord } from '../../../src/main/store/repositories/disputes'
import { Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/tempDir'
import { demoOptions, share } from './fixture'

let events: Map<string, GovEvent>
let records: DisputeFactsRecord[]
beforeAll(() => {
  const d = generateDemoDistrict(demoOptions)
  events = new Map(d.events.map((e) => [e.id, e]))
  records = new DemoDisputes(demoOptions.seed).of(d.events)
})
const title = (r: DisputeFactsRecord): string => events.get(r.eventId)!.title
const level = (r: DisputeFactsRecord): string => disputeWarningLevel(r.facts)

describe('demo district: the facts of its disputes', () => {
  it('gives every dispute, and only disputes, facts that pass the schema', () => {
    const disputes = [...events.values()].filter((e) => e.category === 'dispute')
    expect(disputes.length).toBeGreaterThan(2000)
    expect(records.map((r) => r.eventId)).toEqual(disputes.map((e) => e.id))
    for (const r of records) expect(disputeFactsSchema.parse(r.facts)).toEqual(r.facts)
    // Every kind of the catalogue shows up, the demolition disputes among them.
    expect(new Set(records.map(title))).toEqual(new Set(Object.keys(demoDisputeKinds)))
  })

  it('is mostly small: two to four people, little or no money, yellow', () => {
    expect(share(records, (r) => r.facts.people <= 4)).toBeGreaterThan(0.8)
    expect(share(records, (r) => r.facts.amountYuan === null || r.facts.amountYuan < 100_000)).toBeGreaterThan(0.75)
    expect(share(records, (r) => level(r) === 'yellow')).toBeGreaterThan(0.7)
    expect(share(records, (r) => level(r) === 'orange')).toBeGreaterThan(0.1)
    expect(share(records, (r) => level(r) === 'orange')).toBeLessThan(0.25)
    expect(share(records, (r) => level(r) === 'red')).toBeGreaterThan(0.015)
    expect(share(records, (r) => level(r) === 'red')).toBeLessThan(0.06)
    expect(share(records, (r) => r.facts.urgency === 'critical')).toBeLessThan(0.02)
  })

  it('has a few wage arrears with dozens of workers and large sums, and collective demolition disputes', () => {
    const wages = records.filter((r) => title(r) === '劳资纠纷')
    const arrears = wages.filter((r) => r.facts.people >= 20 && (r.facts.amountYuan ?? 0) >= 100_000)
    expect(arrears.length).toBeGreaterThan(5)
    expect(arrears.length / wages.length).toBeLessThan(0.2)
    const demolition = records.filter((r) => title(r) === '征地拆迁纠纷')
    expect(demolition.some((r) => r.facts.people >= 15 && (r.facts.amountYuan ?? 0) >= 500_000)).toBe(true)
    // Neighbours mostly argue about no money at all.
    expect(share(records.filter((r) => title(r) === '邻里纠纷'), (r) => r.facts.amountYuan === null)).toBeGreaterThan(0.5)
  })

  it('makes escalated (level 3) disputes more often collective than those settled on the spot (level 1)', () => {
    const big = (lv: number): number => share(records.filter((r) => events.get(r.eventId)!.level === lv), (r) => r.facts.people >= 5)
    expect(big(3)).toBeGreaterThan(big(1))
  })

  it('is deterministic from the seed, and each dispute’s facts depend only on it and the event', () => {
    const again = new DemoDisputes(demoOptions.seed).of([...events.values()])
    expect(again).toEqual(records)
    const one = [...events.values()].filter((e) => e.category === 'dispute').slice(100, 101)
    expect(new DemoDisputes(demoOptions.seed).of(one)).toEqual([records[100]])
    const other = new DemoDisputes(demoOptions.seed + 1).of([...events.values()])
    expect(other).not.toEqual(records)
  })

  it('is written with the district by loadDemoDistrict', () => {
    const t = tempDir('gcc-demo-disputes-')
    const options = { ...demoOptions, scale: 0.1 }
    const store = Store.open(join(t.dir, 'gcc.sqlite3'))
    try {
      loadDemoDistrict(store, options)
      const expected = new DemoDisputes(options.seed).of(generateDemoDistrict(options).events)
      expect(store.disputes.count()).toBe(expected.length)
      for (const r of expected.slice(0, 50)) expect(store.disputes.disputeFactsOf(r.eventId).facts).toEqual(r.facts)
    } finally {
      store.close()
      t.remove()
    }
  })
})
