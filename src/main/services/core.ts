import type { Runtime, SystemStatus } from '@shared/api/types'
import { formatShanghaiDateTime } from '@shared/time'
import { databasePath, type AppConfig } from '../config'
import { loadDemoDistrict } from '../demo/load'
import { Store } from '../store/store'
import { AuthService } from './auth'
import { ApiDispatcher } from './dispatcher'
import { EventHub } from './events'
import { buildStatus, createHandlers, type HandlerDeps } from './handlers/index'
import { notifyChanged } from './handlers/deps'
import { metaKeys } from '../store/metaKeys'
import { SnapshotService } from '../alerts/snapshots'
import { startRestartableAlertService, type RestartableAlertService } from '../alerts/restartable'
import { createTileService, type TileService } from '../tiles'
import { SessionRegistry } from './sessions'
import { defaultClientId } from '../mqtt/config'
import { startBriefings, type BriefingCapture, type Briefings } from '../briefings'

export const PRODUCT_NAME = '网格化治理指挥中心'

export interface CoreOptions {
  config: AppConfig
  /** Resolved data directory (the runtime decides the default). */
  dataDir: string
  runtime: Runtime
  version: string
  log?: (line: string) => void
  now?: () => number
  /** Push a status heartbeat this often (data freshness, server clock). */
  heartbeatMs?: number
  /** Run the camera-alert path (broker link, outbox, embedded broker and simulator by default). Default true. */
  alerts?: boolean
  /** How this runtime renders briefing images (docs/BRIEFINGS.md); absent: exports are UNAVAILABLE and none are scheduled. */
  briefings?: BriefingCapture
}

/** The main-process services, identical under Electron and under the browser host. */
export interface Core {
  store: Store
  dispatcher: ApiDispatcher
  hub: EventHub
  sessions: SessionRegistry
  /** Set when this start created the first admin with a generated password, to be shown once. */
  firstAdmin: { username: string; password: string | null } | null
  /** Basemap tiles for the /tiles route of either runtime. */
  tiles: TileService
  /** Camera snapshots for the /snapshots route of either runtime. */
  snapshots: SnapshotService
  /** The camera-alert path, when it runs (`current()`: the service started from the latest settings). */
  alerts: RestartableAlertService | null
  /** Briefing images, their history and schedule (the /briefings route of either runtime). */
  briefings: Briefings
  /** The status pushed to walls, for a wall that has just connected. */
  status(): SystemStatus
  /** Stops everything it started (alert link, broker, timers) and closes the store. */
  stop(): Promise<void>
}

/**
 * Opens the store (a corrupt or newer file throws StoreOpenError before anything else runs),
 * loads the demo district when the store is empty, creates the first admin, and wires the API.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? ((line: string) => console.log(line))
  const now = options.now ?? Date.now
  const { config } = options
  const store = Store.open(databasePath(options.dataDir))
  try {
    if (store.regions.count() === 0) {
      log(`[demo] 数据库为空，生成示范辖区 / empty store: generating the demo district (seed ${config.demoSeed}, scale ${config.demoScale})`)
      let lastPercent = -10
      const summary = loadDemoDistrict(store, {
        seed: config.demoSeed,
        scale: config.demoScale,
        center: config.demoCenter,
        now: now(),
        onProgress: (p) => {
          const percent = Math.floor(p.fraction * 100)
          if (percent >= lastPercent + 10 || p.fraction >= 1) {
            lastPercent = percent
            log(`[demo] ${String(percent).padStart(3)}% ${p.message}`)
          }
        }
      })
      log(`[demo] ${summary.grids} 网格, ${summary.buildings} 楼栋, ${summary.events} 事件 in ${(summary.elapsedMs / 1000).toFixed(1)} s`)
    }
    const auth = new AuthService(store, now)
    const firstAdmin = await auth.ensureFirstAdmin(config.adminPassword)
    if (firstAdmin?.password) {
      // Shown once, here; only its scrypt hash is stored.
      log(`[auth] 已创建管理员账号 / created operator "${firstAdmin.username}" with password: ${firstAdmin.password}`)
      log('[auth] 该密码只显示这一次，请妥善保管 / this password is shown only once; note it now')
    } else if (firstAdmin) {
      log(`[auth] 已按 GCC_ADMIN_PASSWORD 创建管理员 / created operator "${firstAdmin.username}" from GCC_ADMIN_PASSWORD`)
    }
    const sessions = new SessionRegistry(undefined, now)
    const hub = new EventHub()
    // Never throws: a bad basemap configuration is logged and the wall draws its own background.
    const tiles = createTileService({ dataDir: options.dataDir, log })
    const deps: HandlerDeps = { store, auth, sessions, hub, tiles, runtime: options.runtime, productName: PRODUCT_NAME, version: options.version, now }
    // The status carries "last alert at" and the ingest counts: after alerts arrive it is pushed
    // within a second (once per second in a burst), not only on the heartbeat.
    let statusSoon: NodeJS.Timeout | null = null
    const pushStatusSoon = (): void => {
      statusSoon ??= setTimeout(() => {
        statusSoon = null
        hub.emit('status', buildStatus(deps))
      }, 1000)
    }
    const alerts =
      options.alerts === false
        ? null
        : await startRestartableAlertService({
            store,
            dataDir: options.dataDir,
            log,
            now,
            alertsChanged: (changed) => {
              hub.emit('alerts', { alerts: changed })
              notifyChanged(deps, 'alerts')
              pushStatusSoon()
            },
            statusChanged: () => hub.emit('status', buildStatus(deps)),
            eventsChanged: () => notifyChanged(deps, 'events'),
            modeChanged: () => {
              hub.emit('status', buildStatus(deps))
              notifyChanged(deps, 'mode')
            },
            tasksChanged: () => notifyChanged(deps, 'tasks')
          })
    if (alerts) {
      // The origin of this wall's gcc/mode messages: the same id its mode inbox ignores (src/main/mode/inbox.ts).
      deps.instanceId = defaultClientId(options.dataDir)
      // Read through the holder on every call: the settings dialog replaces the service.
      deps.alertActions = () => alerts.current()?.actions ?? null
      deps.outboxChanged = () => alerts.current()?.outboxChanged()
      deps.ingestStatus = () => alerts.current()?.status() ?? null
      deps.alertSettings = {
        dataDir: options.dataDir,
        restart: async () => (await alerts.restart()).status()
      }
    }
    const briefings = startBriefings({
      dataDir: options.dataDir,
      ...(options.briefings ? { capture: options.briefings } : {}),
      progress: (p) => hub.emit('briefing', p),
      areaExists: (code) => store.regions.get(code) !== null,
      districtCode: () => store.meta.get(metaKeys.districtCode),
      recordRun: (run) =>
        store.audit.append({
          at: run.at,
          operatorId: null,
          username: null,
          action: 'briefings.scheduled',
          target: run.files.join(', ') || null,
          detail: run.message,
          outcome: run.ok ? 'ok' : 'failed'
        }),
      log,
      now
    })
    deps.briefings = briefings
    const dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), log, now)
    const heartbeat = setInterval(() => hub.emit('status', buildStatus(deps)), options.heartbeatMs ?? 15_000)
    heartbeat.unref()
    log(`[store] ${databasePath(options.dataDir)} ready at ${formatShanghaiDateTime(now())} (Asia/Shanghai)`)
    return {
      store,
      dispatcher,
      hub,
      sessions,
      firstAdmin,
      tiles,
      alerts,
      briefings,
      snapshots: new SnapshotService({ store, allowedHost: (url) => alerts?.current()?.snapshotHostAllowed(url) ?? false }),
      status: () => buildStatus(deps),
      async stop() {
        clearInterval(heartbeat)
        if (statusSoon) clearTimeout(statusSoon)
        try {
          await briefings.stop()
          await alerts?.stop()
        } finally {
          tiles.close()
          store.close()
        }
      }
    }
  } catch (err) {
    store.close()
    throw err
  }
}
