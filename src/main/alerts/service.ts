import type { AlertView, IngestStatus } from '@shared/api/alertTypes'
import { describeBroker, linkConnection, loadMqttConfig, type MqttSettings } from '../mqtt/config'
import { startEmbeddedBroker, type EmbeddedBroker } from '../mqtt/embeddedBroker'
import { AlertLink } from '../mqtt/link'
import { OutboxPublisher } from '../mqtt/outboxPublisher'
import { CameraSimulator, connectSimulator } from '../mqtt/simulator'
import { OutboxRepository } from '../store/repositories/outbox'
import type { Store } from '../store/store'
import { AlertActions } from './actions'
import { parseAlertMessage, type ParseContext } from './parse'
import { openIngestStore } from './ingestStore'
import { AlertPipeline } from './pipeline'
import { GridRouter } from './router'
import { eventInboxFor } from '../events/inbox'
import { commandInboxesFor } from '../command/inboxes'

export interface AlertServiceOptions {
  store: Store
  dataDir: string
  log: (line: string) => void
  now: () => number
  /** New and changed alerts, committed: push them to the walls. */
  alertsChanged: (alerts: AlertView[]) => void
  /** The link's state or error changed: push the status. */
  statusChanged: () => void
  /** Event state changes from the governance platform (`events/{id}`), committed: tell the walls. */
  eventsChanged?: (eventIds: string[]) => void
  /** Another wall switched the mode (gcc/mode), committed: push the status and the 'mode' topic. */
  modeChanged?: () => void
  /** Tasks from other walls or replies to tasks (gcc/tasks/#, gcc/task-replies/+), committed: push the 'tasks' topic. */
  tasksChanged?: () => void
}

export interface AlertService {
  actions: AlertActions
  status(): IngestStatus
  /** A message was added to the outbox by another path (events.act): publish it now if the broker is reachable. */
  outboxChanged(): void
  /** Whether camera snapshots may be fetched from this URL's host (mqtt.json `snapshots.allowedHosts`, the Frigate template's host). */
  snapshotHostAllowed(url: URL): boolean
  stop(): Promise<void>
}

/**
 * The camera-alert path (docs/ALERTS.md): reads `<dataDir>/mqtt.json` (none: an embedded broker
 * on 127.0.0.1 and the camera simulator), subscribes with a persistent session, commits each
 * batch (parse → route → SQLite) before acknowledging it, and publishes the outbox (dispatches,
 * status changes) while the broker is reachable. It never stops the app from starting: a bad
 * configuration or an unreachable broker is a state the wall shows, and handling still works
 * (its messages wait in the outbox).
 */
export async function startAlertService(o: AlertServiceOptions): Promise<AlertService> {
  const { store, log } = o
  const outbox = new OutboxRepository(store.db)
  let publisher: OutboxPublisher | null = null
  const actions = new AlertActions({
    store,
    outbox,
    now: o.now,
    changed: (alert) => {
      o.alertsChanged([alert])
      publisher?.notify()
    }
  })
  const disabled = (url: string, error: string | null): AlertService => ({
    actions,
    status: () => ({
      broker: { url, embedded: false, state: 'disabled', lastError: error },
      lastMessageAt: null,
      accepted: 0,
      rejected: store.alerts.rejectionCounts(),
      outboxPending: outbox.pendingCount()
    }),
    snapshotHostAllowed: () => false,
    outboxChanged: () => {},
    stop: async () => {}
  })

  const config = loadMqttConfig(o.dataDir)
  if (!config.ok) {
    log(`[alerts] ${config.error}`)
    return disabled(config.path, config.error)
  }
  const { settings } = config
  let embedded: EmbeddedBroker | null = null
  if (settings.broker === null) {
    try {
      embedded = await startEmbeddedBroker({ port: settings.embeddedPort })
    } catch (err) {
      const message = `内置消息服务器未能启动，告警接入已停用 / the embedded broker did not start, alert ingest is disabled: ${(err as Error).message}`
      log(`[alerts] ${message}`)
      return disabled(`127.0.0.1:${settings.embeddedPort}`, message)
    }
    if (embedded.notice) log(`[alerts] ${embedded.notice}`)
    log(`[alerts] 内置消息服务器 / embedded broker at ${embedded.url}`)
  }

  const cameras = store.cameras.all()
  const positions = new Map(cameras.map((c) => [c.id, [c.lon, c.lat] as [number, number]]))
  const router = GridRouter.fromStore(store)
  const context: ParseContext = {
    now: o.now,
    cameraExists: (id) => positions.has(id),
    frigate: settings.frigate,
    nativeTopicPrefix: settings.nativeTopicPrefix
  }
  // Alerts are written through a connection of their own, checkpointed off the main thread.
  const ingest = openIngestStore(store, log)
  const pipeline = new AlertPipeline({
    store: ingest.store,
    parse: (message) => parseAlertMessage(message, context),
    route: (alert) => router.route(alert, positions.get(alert.cameraId) ?? null),
    committed: o.alertsChanged
  })
  // The same link carries the platform's event state changes (docs/EVENTS.md): committed first, then the alerts.
  const inbox = eventInboxFor(settings, store, o, (lon, lat) => router.locate(lon, lat)?.gridCode ?? null)
  const command = commandInboxesFor(o)
  const link = new AlertLink({
    connection: linkConnection(settings, embedded?.url),
    sink: (batch) => {
      const rest = command.commitOwn(batch)
      pipeline.commit(inbox ? inbox.commitOwn(rest) : rest)
      ingest.committed()
    },
    batchMs: settings.ingest.batchMs,
    batchSize: settings.ingest.batchSize,
    log: (level, message) => log(`[mqtt] ${level === 'info' ? '' : `${level}: `}${message}`),
    now: o.now
  })
  link.onStateChange(o.statusChanged)
  link.start()
  publisher = new OutboxPublisher({ outbox, transport: link, log: (_level, message) => log(`[outbox] ${message}`), now: o.now })
  publisher.start()
  const online = cameras.filter((c) => c.online)
  // The simulator needs at least one camera online to publish from.
  const simulator = embedded && settings.simulator.enabled && online.length > 0 ? startSimulator(settings, embedded, online) : null
  if (embedded && settings.simulator.enabled && !simulator) log('[alerts] 没有在线摄像机，模拟器未启动 / no camera online: the simulator is not started')
  if (simulator) log(`[alerts] 摄像机模拟器 / camera simulator: ${settings.simulator.rate} alerts/s from ${online.length} cameras`)
  log(`[alerts] 订阅 / subscribed to ${linkConnection(settings, embedded?.url).topics.join(', ')} at ${describeBroker(embedded?.url ?? settings.broker!.url)}`)

  const snapshotHosts = new Set(settings.snapshotHosts)
  return {
    actions,
    outboxChanged: () => publisher?.notify(),
    snapshotHostAllowed: (url) => snapshotHosts.has(url.host.toLowerCase()) || snapshotHosts.has(url.hostname.toLowerCase()),
    status: () => {
      const s = link.status()
      return {
        broker: { url: s.broker, embedded: embedded !== null, state: s.state, lastError: s.lastError },
        lastMessageAt: s.lastMessageAt,
        accepted: pipeline.counters.accepted,
        rejected: store.alerts.rejectionCounts(),
        outboxPending: outbox.pendingCount()
      }
    },
    async stop() {
      await simulator?.stop()
      await publisher?.stop()
      await link.stop()
      await ingest.close()
      await embedded?.stop()
    }
  }
}

/** The camera simulator against the embedded broker, from these (online, at least one) cameras. */
function startSimulator(
  settings: MqttSettings,
  embedded: EmbeddedBroker,
  cameras: ReturnType<Store['cameras']['all']>
): { stop(): Promise<void> } {
  const runId = Date.now().toString(36)
  const connection = connectSimulator({ url: embedded.url, clientId: `gcc-sim-${runId}` })
  const simulator = new CameraSimulator({
    cameras: cameras.map((c) => ({ id: c.id, site: c.site, lon: c.lon, lat: c.lat })),
    runId,
    repeatShare: settings.simulator.repeatShare,
    rate: settings.simulator.rate,
    burstEvery: settings.simulator.burstEvery,
    burstSize: settings.simulator.burstSize,
    topicPrefix: settings.nativeTopicPrefix,
    snapshotBase: null,
    publish: connection.publish
  })
  simulator.start()
  return {
    async stop() {
      await simulator.stop()
      await connection.close()
    }
  }
}
