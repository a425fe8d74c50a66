import type { Handlers } from '../dispatcher'
import { alertHandlers } from './alerts'
import { analysisHandlers } from './analysis'
import { authHandlers } from './auth'
import { briefingHandlers } from './briefings'
import { disputeHandlers } from './disputes'
import { eventHandlers } from './events'
import type { HandlerDeps } from './deps'
import { importHandlers } from './import'
import { incidentHandlers } from './incidents'
import { mapHandlers } from './map'
import { placeHandlers } from './places'
import { regionHandlers } from './region'
import { statsHandlers } from './stats'
import { taskHandlers } from './tasks'
import { buildStatus, systemHandlers } from './system'

export type { HandlerDeps } from './deps'
export { buildStatus }

/** The implementation of every method in the contract. Inputs arrive validated and role-checked. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    ...systemHandlers(d),
    ...incidentHandlers(d),
    ...taskHandlers(d),
    ...mapHandlers(d),
    ...placeHandlers(d),
    ...statsHandlers(d),
    ...analysisHandlers(d),
    ...regionHandlers(d),
    ...authHandlers(d),
    ...alertHandlers(d),
    ...eventHandlers(d),
    ...disputeHandlers(d),
    ...briefingHandlers(d),
    ...importHandlers(d)
  }
}
