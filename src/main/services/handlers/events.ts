import { ApiError } from '@shared/api/errors'
import { eventActionText } from '@shared/domain/incidentLog'
import type { DueSoonEventRow, OverdueEventRow } from '@shared/api/eventTypes'
import type { AreaRef } from '@shared/api/types'
import { isOpenStatus } from '@shared/domain/event'
import { ancestorCode } from '@shared/domain/gridCode'
import { supervisionLevel } from '@shared/domain/supervision'
import { MINUTE_MS } from '@shared/time'
import { EventActions } from '../../events/actions'
import { dueSoonMinutes as configuredDueSoon, setDueSoonMinutes } from '../../events/supervisionSettings'
import { OutboxRepository } from '../../store/repositories/outbox'
import { areaRef, notifyChanged, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'
import { buildStatus } from './system'

type EventMethods = 'events.supervision' | 'events.list' | 'events.get' | 'events.act' | 'events.configureSupervision'

/**
 * The events methods (docs/EVENTS.md): supervision of overdue and due-soon events, the list,
 * an event's detail for any wall; the dispatcher's actions from the wall.
 */
export function eventHandlers(d: HandlerDeps): HandlerGroup<EventMethods> {
  const { store } = d
  const actions = new EventActions({
    store,
    outbox: new OutboxRepository(store.db),
    now: d.now,
    changed: () => {
      notifyChanged(d, 'events')
      d.outboxChanged?.()
    }
  })
  return {
    'events.supervision': ({ areaCode, dueSoonMinutes = configuredDueSoon(store), limit }) => {
      const area = areaRef(requireRegion(store, areaCode))
      const now = d.now()
      const until = now + dueSoonMinutes * MINUTE_MS
      const overdue: OverdueEventRow[] = store.events.overdueWithin(areaCode, now, limit).map((e) => ({
        ...e,
        overdueMs: now - e.deadlineAt,
        supervisionLevel: supervisionLevel(now - e.deadlineAt)
      }))
      const dueSoon: DueSoonEventRow[] = store.events.dueWithin(areaCode, now, until, limit).map((e) => ({ ...e, remainingMs: e.deadlineAt - now }))
      return { area, asOf: now, dueSoonMinutes, overdue, dueSoon, counts: store.events.supervisionCounts(areaCode, now, until) }
    },
    'events.list': ({ areaCode, filters, limit, before }) => {
      const area = areaRef(requireRegion(store, areaCode))
      const now = d.now()
      const { rows, total } = store.events.list(areaCode, filters ?? {}, now, limit, before)
      const last = rows.length === limit ? rows[rows.length - 1] : undefined
      return { area, asOf: now, rows, total, next: last ? { reportedAt: last.reportedAt, id: last.id } : null }
    },
    'events.get': ({ id }) => {
      const event = store.events.row(id)
      const place = store.events.place(id)
      if (!event || !place) throw new ApiError('NOT_FOUND', `没有该事件 / no event with id ${id}`)
      const now = d.now()
      const open = isOpenStatus(event.status) && event.closedAt === null
      const late = (event.closedAt ?? now) - event.deadlineAt
      const grid = store.regions.get(event.gridCode)
      const ref = (code: string): AreaRef | null => {
        const r = store.regions.get(code)
        return r ? areaRef(r) : null
      }
      return {
        event: { ...event, ...place },
        timeline: store.events.timeline(id),
        asOf: now,
        remainingMs: open && event.deadlineAt >= now ? event.deadlineAt - now : null,
        overdueMs: late > 0 ? late : null,
        supervisionLevel: open && late > 0 ? supervisionLevel(late) : null,
        grid: {
          code: event.gridCode,
          name: grid?.name ?? event.gridCode,
          community: ref(ancestorCode(event.gridCode, 'community')),
          street: ref(ancestorCode(event.gridCode, 'street'))
        },
        team: store.staff.ofGrid(event.gridCode),
        alert: store.alerts.viewByEvent(id),
        dispute: event.category === 'dispute' ? store.disputes.disputeFactsOf(id) : null
      }
    },
    'events.act': ({ id, action, note }, ctx) => {
      const operator = ctx.operator!.username
      const result = actions.act(id, action, operator, note)
      // While an incident runs, the action goes into its log too (docs/EMERGENCY.md).
      if (store.incidents.logToRunning({ at: d.now(), kind: 'action', operator, text: eventActionText(result.event, action) })) notifyChanged(d, 'incident')
      return result
    },
    'events.configureSupervision': ({ dueSoonMinutes }) => {
      setDueSoonMinutes(store, dueSoonMinutes)
      // Every wall gets the new window with the status and re-reads its supervision figures.
      d.hub.emit('status', buildStatus(d))
      notifyChanged(d, 'events')
      return { dueSoonMinutes }
    }
  }
}

