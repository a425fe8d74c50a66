import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startAlertService, type AlertService } from '../../src/main/alerts/service'
import { defaultClientId } from '../../src/main/mqtt/config'
import { AuthService } from '../../src/main/services/auth'
import { ApiDispatcher } from '../../src/main/services/dispatcher'
import { EventHub } from '../../src/main/services/events'
import { buildStatus, createHandlers, type HandlerDeps } from '../../src/main/services/handlers/index'
import { notifyChanged } from '../../src/main/services/handlers/deps'
import { SessionRegistry } from '../../src/main/services/sessions'
import { Store } from '../../src/main/store/store'
import { loadEmergencyDistrict } from './emergencyDistrict'
import { tempDir } from './tempDir'
import { until } from './until'

/** One wall (its own data directory and store) wired like startCore's, on the broker at `url`: the API and the alert link. */
export interface FollowingWall {
  store: Store
  service: AlertService
  instanceId: string
  /** Data topics pushed to this wall's screens. */
  topics: string[][]
  /** Takes this wall off the broker (its session stays on the broker), and back. */
  stopLink(): Promise<void>
  startLink(): Promise<void>
  /** Signs in the dispatcher and calls a method; throws on a refusal. */
  call<T>(method: string, input: unknown): Promise<T>
  stop(): Promise<void>
}

/** `now`: the wall's clock (default Date.now), for tests that move time. */
export async function startFollowingWall(url: string, now: () => number = Date.now): Promise<FollowingWall> {
  const t = tempDir('wall-')
  const store = Store.open(join(t.dir, 'gcc.sqlite3'))
  loadEmergencyDistrict(store, Date.now())
  writeFileSync(join(t.dir, 'mqtt.json'), JSON.stringify({ broker: { url, protocolVersion: 5 }, ingest: { batchMs: 5 } }))
  const auth = new AuthService(store, now)
  await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
  const sessions = new SessionRegistry(undefined, now)
  const hub = new EventHub()
  const topics: string[][] = []
  hub.on('data', (d) => topics.push(d.topics))
  const instanceId = defaultClientId(t.dir)
  const deps: HandlerDeps = { store, auth, sessions, hub, runtime: 'browser', productName: 'P', version: '0', now, instanceId }
  const startLink = (): Promise<AlertService> =>
    startAlertService({
      store,
      dataDir: t.dir,
      log: () => {},
      now,
      alertsChanged: () => {},
      statusChanged: () => {},
      modeChanged: () => {
        hub.emit('status', buildStatus(deps))
        notifyChanged(deps, 'mode')
      },
      tasksChanged: () => notifyChanged(deps, 'tasks')
    })
  let service: AlertService | null = await startLink()
  deps.outboxChanged = () => service?.outboxChanged()
  deps.ingestStatus = () => service?.status() ?? null
  const dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, now)
  const handle = async <T>(token: string | null, method: string, input: unknown): Promise<T> => {
    const r = await dispatcher.handle({ sessionKey: token, issuesTokens: true }, method, input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code })
    return r.value as T
  }
  let token: string | null = null
  await until('the link to connect', () => service?.status().broker.state === 'connected')
  return {
    store,
    get service(): AlertService {
      if (service === null) throw new Error('the link is stopped')
      return service
    },
    instanceId,
    async stopLink() {
      await service?.stop()
      service = null
    },
    async startLink() {
      service = await startLink()
    },
    topics,
    async call<T>(method: string, input: unknown): Promise<T> {
      token ??= (await handle<{ token: string }>(null, 'auth.signIn', { username: 'dispatch1', password: 'dispatch-password' })).token
      return handle<T>(token, method, input)
    },
    async stop() {
      await service?.stop()
      store.close()
      t.remove()
    }
  }
}
