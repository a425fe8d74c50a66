import type { ApiMethodName } from '@shared/api/channels'
import { ApiError } from '@shared/api/errors'
import type { AreaRef, DataTopic, IngestStatus, Runtime } from '@shared/api/types'
import type { Region } from '@shared/domain/region'
import type { AlertActions } from '../../alerts/actions'
import type { Briefings } from '../../briefings'
import type { Store } from '../../store/store'
import type { TileService } from '../../tiles'
import type { AuthService } from '../auth'
import type { Handlers } from '../dispatcher'
import type { EventHub } from '../events'
import type { SessionRegistry } from '../sessions'

export interface HandlerDeps {
  store: Store
  auth: AuthService
  sessions: SessionRegistry
  hub: EventHub
  /** The basemap and its tiles; absent in tests that need no map. */
  tiles?: TileService
  /** Handling of camera alerts by the running alert service; absent or null where none runs. */
  alertActions?: () => AlertActions | null
  /** This wall's instance id (its data directory's MQTT client id): the origin of its gcc/mode messages; absent: the mode is not published. */
  instanceId?: string
  /** A message was added to the outbox: wake the running publisher; absent where none runs (the message waits). */
  outboxChanged?: () => void
  /** The camera-alert link for the status; absent or null before the pipeline has started. */
  ingestStatus?: () => IngestStatus | null
  /** The broker settings dialog: where mqtt.json is, and a restart of the alert path with it; absent where the path does not run. */
  alertSettings?: { dataDir: string; restart(): Promise<IngestStatus> }
  /** Briefing images and their schedule (docs/BRIEFINGS.md); absent in tests that need none. */
  briefings?: Briefings
  runtime: Runtime
  productName: string
  version: string
  now: () => number
}

/** The handlers of some methods of the contract: each file implements one group. */
export type HandlerGroup<M extends ApiMethodName> = Pick<Handlers, M>

/** The region with this code, or NOT_FOUND. */
export function requireRegion(store: Store, code: string): Region {
  const region = store.regions.get(code)
  if (!region) throw new ApiError('NOT_FOUND', `没有该区域 / no region with code ${code}`)
  return region
}

export const areaRef = (r: Region): AreaRef => ({ code: r.code, name: r.name, level: r.level })

/** Tells every wall which data changed. */
export const notifyChanged = (d: HandlerDeps, ...topics: DataTopic[]): void => d.hub.emit('data', { topics })
