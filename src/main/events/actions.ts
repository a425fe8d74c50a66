import { ApiError } from '@shared/api/errors'
import type { EventActResult } from '@shared/api/eventTypes'
import { canTransition, eventActionNames, eventStatusNames, eventTransitions, type WallEventAction } from '@shared/domain/event'
import type { Store } from '../store/store'
import type { OutboxWriter } from '../alerts/actions'

/** Where the wall's event actions are announced for the field (docs/EVENTS.md). */
export const eventActionTopic = (gridCode: string): string => `gcc/event-actions/${gridCode}`

export interface EventActionDeps {
  store: Store
  outbox: OutboxWriter
  now: () => number
  /** After an action is committed: tell the walls, wake the outbox. */
  changed: (result: EventActResult) => void
}

/**
 * A dispatcher's action on an event from the wall (accept, dispatch, escalate, returnToHandling,
 * close): checked against the state machine, committed with its timeline row and its outgoing
 * message in one transaction, then announced. The counts (event_daily, worker windows,
 * event_facets) follow by their triggers.
 */
export class EventActions {
  constructor(private readonly d: EventActionDeps) {}

  act(id: string, action: WallEventAction, by: string, note?: string): EventActResult {
    const { store } = this.d
    const result = store.db.transaction((): EventActResult => {
      const event = store.events.row(id)
      if (!event) throw new ApiError('NOT_FOUND', `没有该事件 / no event with id ${id}`)
      if (!canTransition(event.status, action)) {
        throw new ApiError(
          'CONFLICT',
          `事件${eventStatusNames[event.status]}，不能${eventActionNames[action]} / event is ${event.status}: cannot ${action}`
        )
      }
      const at = this.d.now()
      const transition = store.events.applyTransition(id, action, eventTransitions[action].to, at, by)
      const messageId = `event-action:${id}:${transition.id}`
      this.d.outbox.add(
        messageId,
        eventActionTopic(event.gridCode),
        JSON.stringify({ schemaVersion: 1, id: messageId, eventId: id, action, status: transition.status, by, at, note: note ?? null }),
        at
      )
      return { event: store.events.row(id)!, transition }
    }).immediate()
    this.d.changed(result)
    return result
  }
}
