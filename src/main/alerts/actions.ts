import { ApiError } from '@shared/api/errors'
import type { AlertView } from '@shared/api/alertTypes'
import { alertEventCategory, alertTransitions, alertTypeNames, canApplyAlertAction, type AlertAction, type DismissReason } from '@shared/domain/alert'
import { deadlineFor, eventCategories } from '@shared/domain/categories'
import type { GovEvent } from '@shared/domain/event'
import type { Store } from '../store/store'

/** Where the wall's messages for the field go (docs/ALERTS.md, "Outgoing messages"). */
export const dispatchTopic = (gridCode: string): string => `gcc/dispatch/${gridCode}`
export const alertStatusTopic = (gridCode: string): string => `gcc/alert-status/${gridCode}`

/** Messages for the broker, published exactly once per id when it is reachable. */
export interface OutboxWriter {
  add(id: string, topic: string, payload: string, now: number): void
}

export interface AlertActionDeps {
  store: Store
  outbox: OutboxWriter
  now: () => number
  /** After a handling step is committed: push the alert to the walls, wake the outbox. */
  changed: (alert: AlertView) => void
}

/**
 * A duty officer's handling of an alert: acknowledge, dispatch (an event with source "camera" is
 * filed in the alert's grid and the grid's workers are sent a message) or dismiss (with a
 * reason). Each step is checked against the lifecycle, committed with its outgoing messages in
 * one transaction, and announced on the broker through the outbox.
 */
export class AlertActions {
  constructor(private readonly d: AlertActionDeps) {}

  acknowledge(id: string, by: string): AlertView {
    return this.apply(id, 'acknowledge', by, () => ({}))
  }

  dispatch(id: string, by: string, note?: string): AlertView {
    return this.apply(id, 'dispatch', by, (alert, at) => {
      const eventId = `CAM-${alert.id}`.slice(0, 160)
      const category = alertEventCategory[alert.type]
      const level = eventCategories[category].defaultLevel
      const event: GovEvent = {
        id: eventId,
        category,
        source: 'camera',
        level,
        status: 'dispatched',
        gridCode: alert.gridCode,
        title: `视频AI预警：${alertTypeNames[alert.type].zh}（${alert.cameraName}）`,
        lon: alert.lon,
        lat: alert.lat,
        reportedAt: at,
        deadlineAt: deadlineFor(category, level, at),
        closedAt: null,
        satisfaction: null,
        reporterId: 'system',
        handlerId: null
      }
      this.d.store.events.insertMany(
        [event],
        [
          { eventId, action: 'report', status: 'reported', at, actor: 'system' },
          { eventId, action: 'accept', status: 'accepted', at, actor: by },
          { eventId, action: 'dispatch', status: 'dispatched', at, actor: by }
        ]
      )
      const workers = this.d.store.staff.ofGrid(alert.gridCode).map((s) => s.id)
      this.d.outbox.add(
        `dispatch:${alert.id}`,
        dispatchTopic(alert.gridCode),
        JSON.stringify({
          schemaVersion: 1,
          id: `dispatch:${alert.id}`,
          alertId: alert.id,
          eventId,
          type: alert.type,
          gridCode: alert.gridCode,
          cameraId: alert.cameraId,
          lon: alert.lon,
          lat: alert.lat,
          seenAt: alert.at,
          snapshotUrl: alert.snapshotUrl,
          workers,
          note: note ?? null,
          by,
          at
        }),
        at
      )
      return { eventId, note: note ?? null }
    })
  }

  dismiss(id: string, by: string, reason: DismissReason, note?: string): AlertView {
    return this.apply(id, 'dismiss', by, () => ({ dismissReason: reason, note: note ?? null }))
  }

  private apply(
    id: string,
    action: AlertAction,
    by: string,
    step: (alert: AlertView, at: number) => { eventId?: string; dismissReason?: DismissReason; note?: string | null }
  ): AlertView {
    const { store } = this.d
    const updated = store.db.transaction(() => {
      const alert = store.alerts.view(id)
      if (!alert) throw new ApiError('NOT_FOUND', `没有该预警 / no alert with id ${id}`)
      if (!canApplyAlertAction(alert.status, action)) {
        throw new ApiError('CONFLICT', `预警已是“${alert.status}”状态，不能${action} / alert is ${alert.status}: cannot ${action}`)
      }
      const at = this.d.now()
      store.alerts.applyAction(id, action, by, at, step(alert, at))
      const status = alertTransitions[action].to
      this.d.outbox.add(
        `alert-status:${id}:${status}`,
        alertStatusTopic(alert.gridCode),
        JSON.stringify({ schemaVersion: 1, id: `alert-status:${id}:${status}`, alertId: id, status, by, at }),
        at
      )
      return store.alerts.view(id)!
    }).immediate()
    this.d.changed(updated)
    return updated
  }
}
