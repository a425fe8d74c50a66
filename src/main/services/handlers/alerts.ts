import { ApiError } from '@shared/api/errors'
import type { AlertView } from '@shared/api/alertTypes'
import { alertActionText, type AlertLogAction } from '@shared/domain/incidentLog'
import { shanghaiDayStart } from '@shared/time'
import type { AlertActions } from '../../alerts/actions'
import { readBrokerSettings, writeBrokerSettings } from '../../mqtt/settingsFile'
import { notifyChanged, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'
import { buildStatus } from './system'

type AlertMethods =
  | 'alerts.latest'
  | 'alerts.get'
  | 'alerts.counts'
  | 'alerts.acknowledge'
  | 'alerts.dispatch'
  | 'alerts.dismiss'
  | 'alerts.quarantine'
  | 'alerts.brokerSettings'
  | 'alerts.configureBroker'

/**
 * The camera-alert methods: reading the feed for any wall, handling for duty officers, the broker
 * settings for admins (docs/ALERTS.md).
 */
export function alertHandlers(d: HandlerDeps): HandlerGroup<AlertMethods> {
  const { store } = d
  const actions = (): AlertActions => {
    const a = d.alertActions?.()
    if (!a) throw new ApiError('UNAVAILABLE', '预警处置未启用 / alert handling is not running')
    return a
  }
  const settings = (): NonNullable<HandlerDeps['alertSettings']> => {
    if (!d.alertSettings) throw new ApiError('UNAVAILABLE', '预警接入未启用 / the alert path is not running')
    return d.alertSettings
  }
  /** While an incident runs, an operator's action on an alert goes into its log (docs/EMERGENCY.md). */
  const logged = (alert: AlertView, operator: string, action: AlertLogAction): AlertView => {
    if (store.incidents.logToRunning({ at: d.now(), kind: 'action', operator, text: alertActionText(alert, action) })) notifyChanged(d, 'incident')
    return alert
  }
  return {
    'alerts.latest': ({ areaCode, limit }) => {
      if (areaCode) requireRegion(store, areaCode)
      return store.alerts.latest(limit, areaCode)
    },
    'alerts.get': ({ id }) => {
      const alert = store.alerts.view(id)
      if (!alert) throw new ApiError('NOT_FOUND', `没有该预警 / no alert with id ${id}`)
      return alert
    },
    'alerts.counts': ({ areaCode }) => {
      requireRegion(store, areaCode)
      return store.alerts.counts(areaCode, shanghaiDayStart(d.now()))
    },
    'alerts.acknowledge': ({ id }, ctx) => logged(actions().acknowledge(id, ctx.operator!.username), ctx.operator!.username, { action: 'acknowledge' }),
    'alerts.dispatch': ({ id, note }, ctx) => {
      const alert = actions().dispatch(id, ctx.operator!.username, note)
      return logged(alert, ctx.operator!.username, { action: 'dispatch', eventId: alert.eventId })
    },
    'alerts.dismiss': ({ id, reason, note }, ctx) => logged(actions().dismiss(id, ctx.operator!.username, reason, note), ctx.operator!.username, { action: 'dismiss', reason }),
    'alerts.quarantine': ({ limit }) => store.alerts.quarantine(limit),
    'alerts.brokerSettings': () => readBrokerSettings(settings().dataDir),
    'alerts.configureBroker': async (input) => {
      const { dataDir, restart } = settings()
      const written = writeBrokerSettings(dataDir, input)
      if (!written.ok) throw new ApiError('BAD_INPUT', written.error)
      const status = await restart()
      d.hub.emit('status', buildStatus(d))
      return status
    }
  }
}
