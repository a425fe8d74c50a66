import { ApiError } from '@shared/api/errors'
import type { ModeSwitchResult } from '@shared/api/incidentTypes'
import { defaultRingsM, incidentStartedText, type Incident } from '@shared/domain/incident'
import type { EnterEmergencyInput } from '@shared/domain/incidentInput'
import { GridRouter } from '../../alerts/router'
import { queueModeMessage } from '../../mode/outgoing'
import { buildStatus } from './system'
import { notifyChanged, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'

/** Lists of the ring analysis hold this many entries unless asked for fewer or more. */
export const DEFAULT_RING_LIST_LIMIT = 100
const LOG_LIMIT = 200

type Located = Pick<Incident, 'lon' | 'lat' | 'gridCode' | 'buildingId' | 'label'>

/** The point the rings are drawn around and its label, from a point, a grid (its centroid) or a building. */
function locate(d: HandlerDeps, location: EnterEmergencyInput['location']): Located {
  if ('gridCode' in location) {
    const grid = requireRegion(d.store, location.gridCode)
    const [lon, lat] = grid.centroid
    return { lon, lat, gridCode: grid.code, buildingId: null, label: grid.name }
  }
  if ('buildingId' in location) {
    const b = d.store.buildings.get(location.buildingId)
    if (!b) throw new ApiError('NOT_FOUND', `没有该楼栋 / no building with id ${location.buildingId}`)
    return { lon: b.lon, lat: b.lat, gridCode: b.gridCode, buildingId: b.id, label: b.name }
  }
  const { lon, lat } = location
  const gridCode = GridRouter.fromStore(d.store).locate(lon, lat)?.gridCode ?? null
  const grid = gridCode === null ? null : d.store.regions.get(gridCode)
  const at = `${lon.toFixed(5)}, ${lat.toFixed(5)}`
  return { lon, lat, gridCode, buildingId: null, label: location.label ?? (grid ? `${grid.name} (${at})` : at) }
}

const inEmergency = (): ApiError => new ApiError('CONFLICT', '已处于应急状态，请先结束当前事件 / already in emergency mode: leave the running incident first')
const notInEmergency = (): ApiError => new ApiError('CONFLICT', '当前不在应急状态 / not in emergency mode')

/** 平急转换 (docs/EMERGENCY.md): entering opens an incident, leaving ends it; every wall is told. */
export function incidentHandlers(d: HandlerDeps): HandlerGroup<'mode.enter' | 'mode.leave' | 'incidents.current' | 'incidents.rings'> {
  const switched = (result: ModeSwitchResult): ModeSwitchResult => {
    d.hub.emit('status', buildStatus(d))
    notifyChanged(d, 'mode')
    if (d.instanceId !== undefined) d.outboxChanged?.()
    return result
  }
  /** Every wall on the broker follows (docs/EMERGENCY.md "All walls follow"): in the switch's transaction. */
  const publish = (result: ModeSwitchResult): ModeSwitchResult => {
    if (d.instanceId !== undefined) queueModeMessage(d.store, d.instanceId, result.change, result.incident)
    return result
  }

  return {
    'mode.enter': (input, ctx) => {
      const operator = ctx.operator!.username
      const at = d.now()
      return switched(
        d.store.transaction((): ModeSwitchResult => {
          if (d.store.modes.current() === 'emergency' || d.store.incidents.current()) throw inEmergency()
          const incident = d.store.incidents.insert({
            id: d.store.incidents.nextId(at),
            type: input.type,
            level: input.level,
            ...locate(d, input.location),
            reason: input.reason,
            drill: input.drill,
            ringsM: [...(input.ringsM ?? defaultRingsM[input.type])],
            startedAt: at,
            startedBy: operator
          })
          const change = d.store.modes.record({ at, mode: 'emergency', operator, reason: input.reason, incident: incident.id })
          d.store.incidents.appendLog({
            incidentId: incident.id,
            at,
            kind: 'started',
            operator,
            text: incidentStartedText(incident)
          })
          return publish({ change, incident })
        })
      )
    },

    'mode.leave': ({ summary }, ctx) => {
      const operator = ctx.operator!.username
      const at = d.now()
      return switched(
        d.store.transaction((): ModeSwitchResult => {
          if (d.store.modes.current() !== 'emergency') throw notInEmergency()
          const running = d.store.incidents.current()
          const change = d.store.modes.record({ at, mode: 'normal', operator, reason: summary, incident: running?.id ?? null })
          if (!running) return publish({ change, incident: null })
          d.store.incidents.appendLog({ incidentId: running.id, at, kind: 'ended', operator, text: summary })
          return publish({ change, incident: d.store.incidents.end(running.id, at, operator, summary) })
        })
      )
    },

    'incidents.current': () => {
      const incident = d.store.incidents.current()
      if (!incident) return null
      const { entries, total } = d.store.incidents.timeline(incident, LOG_LIMIT)
      return { incident, log: entries, logTotal: total }
    },

    'incidents.rings': ({ id, limit }) => {
      const incident = id === undefined ? d.store.incidents.current() : d.store.incidents.get(id)
      if (!incident) {
        throw new ApiError('NOT_FOUND', id === undefined ? '没有进行中的突发事件 / no incident is running' : `没有该事件 / no incident ${id}`)
      }
      const analysis = d.store.rings.analyse({ lon: incident.lon, lat: incident.lat, ringsM: incident.ringsM, limit: limit ?? DEFAULT_RING_LIST_LIMIT })
      return { incidentId: incident.id, drill: incident.drill, ...analysis }
    }
  }
}
