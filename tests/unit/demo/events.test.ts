import { beforeAll, describe, expect, it } from 'vitest'
import { deadlineFor, eventCategories, eventCategoryIds, type EventCategoryId } from '@shared/domain/categories'
import {
  canTransition,
  eventSources,
  nextStatus,
  resolvedStatuses,
  type EventStatus,
  type EventTransition,
  type GovEvent
} from '@shared/domain/event'
import { DAY_MS, formatShanghaiDate, shanghaiDayStart, shanghaiHour, shanghaiWeekday } from '@shared/time'
import { generateDemoDistrict, type DemoDistrict } from '../../../src/main/demo/generate'
import { demoOptions, share } from './fixture'

const now = demoOptions.now
let d: DemoDistrict
let timelines: Map<string, EventTransition[]>
beforeAll(() => {
  d = generateDemoDistrict(demoOptions)
  timelines = new Map()
  for (const t of d.transitions) {
    const list = timelines.get(t.eventId)
    if (list) list.push(t)
    else timelines.set(t.eventId, [t])
  }
})

const resolved = (e: GovEvent): boolean => resolvedStatuses.has(e.status)
const counts = <K extends string | number>(items: readonly GovEvent[], key: (e: GovEvent) => K): Map<K, number> => {
  const m = new Map<K, number>()
  for (const e of items) m.set(key(e), (m.get(key(e)) ?? 0) + 1)
  return m
}

describe('demo district: a year of events', () => {
  it('has at least 36,000 events over the twelve months ending now, with unique dated ids', () => {
    expect(d.events.length).toBeGreaterThanOrEqual(36_000)
    expect(new Set(d.events.map((e) => e.id)).size).toBe(d.events.length)
    const first = Math.min(...d.events.map((e) => e.reportedAt))
    expect(first).toBeGreaterThanOrEqual(now - 366 * DAY_MS)
    expect(first).toBeLessThan(now - 360 * DAY_MS)
    const odd = d.events.filter(
      (e) => e.reportedAt > now || !/^EV\d{13}$/.test(e.id) || e.id.slice(2, 10) !== formatShanghaiDate(e.reportedAt).replaceAll('-', '')
    )
    expect(odd).toEqual([])
  })

  it('takes every deadline from the category rules', () => {
    const wrong = d.events.filter((e) => e.deadlineAt !== deadlineFor(e.category as EventCategoryId, e.level, e.reportedAt))
    expect(wrong).toEqual([])
  })

  it('follows the state machine from the report to the event’s status, with staff of the grid as actors', () => {
    const staffGrid = new Map(d.staff.map((s) => [s.id, s.gridCode]))
    const problems: string[] = []
    for (const e of d.events) {
      const steps = timelines.get(e.id) ?? []
      const [first] = steps
      if (!first || first.action !== 'report' || first.status !== 'reported' || first.at !== e.reportedAt) {
        problems.push(`${e.id}: does not start with its report`)
        continue
      }
      let status: EventStatus = first.status
      for (const t of steps.slice(1)) {
        const legal = t.action !== 'report' && canTransition(status, t.action) && nextStatus(status, t.action) === t.status
        if (!legal) problems.push(`${e.id}: ${status} -${t.action}-> ${t.status}`)
        status = t.status
      }
      for (let i = 1; i < steps.length; i++) if (steps[i]!.at <= steps[i - 1]!.at) problems.push(`${e.id}: time goes back`)
      if (steps[steps.length - 1]!.at > now) problems.push(`${e.id}: a step after now`)
      if (status !== e.status) problems.push(`${e.id}: status ${e.status}, timeline ends at ${status}`)
      const close = steps.find((t) => t.action === 'close')
      if ((close?.at ?? null) !== e.closedAt) problems.push(`${e.id}: closedAt is not the close step`)
      if ((e.satisfaction !== null) !== steps.some((t) => t.action === 'rate')) problems.push(`${e.id}: rating without rate step`)
      for (const t of steps) {
        if (t.actor !== 'system' && staffGrid.get(t.actor) !== e.gridCode) problems.push(`${e.id}: actor ${t.actor}`)
      }
    }
    expect(problems.slice(0, 10)).toEqual([])
    expect(d.transitions.length).toBe([...timelines.values()].reduce((s, l) => s + l.length, 0))
    expect(timelines.size).toBe(d.events.length)
  })

  it('resolves ≈ 99 % of the events that are due (deadline passed or older than 30 days)', () => {
    const due = d.events.filter((e) => e.deadlineAt < now || e.reportedAt < now - 30 * DAY_MS)
    expect(Math.abs(share(due, resolved) - 0.992)).toBeLessThan(0.005)
  })

  it('has ≈ 95 % of rated events rated 4 or 5', () => {
    const rated = d.events.filter((e) => e.satisfaction !== null)
    expect(rated.length / d.events.length).toBeGreaterThan(0.7)
    expect(Math.abs(share(rated, (e) => e.satisfaction! >= 4) - 0.95)).toBeLessThan(0.015)
    expect(rated.every((e) => e.status === 'rated' && e.satisfaction! >= 1 && e.satisfaction! <= 5)).toBe(true)
  })

  it('has a few per cent overdue (closed late, or open past the deadline)', () => {
    const overdue = share(d.events, (e) => (e.closedAt ?? now) > e.deadlineAt)
    expect(overdue).toBeGreaterThan(0.01)
    expect(overdue).toBeLessThan(0.06)
  })

  it('has events still open today and in recent days, at every stage of the loop', () => {
    const today = shanghaiDayStart(now)
    expect(d.events.filter((e) => e.reportedAt >= today && !resolved(e)).length).toBeGreaterThan(10)
    const open = d.events.filter((e) => !resolved(e))
    const stages = new Set(open.map((e) => e.status))
    for (const s of ['accepted', 'dispatched', 'handling', 'handled', 'escalated'] as const) expect(stages.has(s), s).toBe(true)
    expect(open.every((e) => e.closedAt === null)).toBe(true)
    expect(d.events.filter(resolved).every((e) => e.closedAt !== null && e.closedAt <= now)).toBe(true)
  })

  it('mixes categories, sources and levels as a district does', () => {
    const byCategory = [...counts(d.events, (e) => e.category).entries()].sort((a, b) => b[1] - a[1])
    expect(new Set(byCategory.slice(0, 2).map(([c]) => c))).toEqual(new Set(['cityManagement', 'environment']))
    expect(new Set(byCategory.map(([c]) => c))).toEqual(new Set(eventCategoryIds))
    const bySource = counts(d.events, (e) => e.source)
    expect(new Set(bySource.keys())).toEqual(new Set(eventSources))
    expect(Math.max(...bySource.values())).toBe(bySource.get('patrol'))
    expect(share(d.events, (e) => e.level === eventCategories[e.category as EventCategoryId].defaultLevel)).toBeGreaterThan(0.8)
    expect(share(d.events, (e) => e.level === 3)).toBeGreaterThan(0.02)
    for (const e of d.events.slice(0, 500)) expect(e.title).toMatch(/^\p{Script=Han}+$/u)
  })

  it('peaks in the daytime and on weekdays', () => {
    const hours = counts(d.events, (e) => shanghaiHour(e.reportedAt))
    const at = (h: number): number => hours.get(h) ?? 0
    expect(at(10)).toBeGreaterThan(5 * at(3))
    expect(share(d.events, (e) => shanghaiHour(e.reportedAt) >= 8 && shanghaiHour(e.reportedAt) < 18)).toBeGreaterThan(0.6)
    const weekday = counts(d.events, (e) => (shanghaiWeekday(e.reportedAt) >= 5 ? 'weekend' : 'weekday'))
    expect(weekday.get('weekday')! / 5).toBeGreaterThan((weekday.get('weekend')! / 2) * 1.1)
  })
})
