import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrokerSettingsInfo, BrokerSettingsUpdate, BrokerSettingsView } from '@shared/alerts/brokerSettings'
import type { IngestStatus } from '@shared/api/alertTypes'
import { ApiError } from '@shared/api/errors'
import { databasePath, resolveConfig } from '../../../src/main/config'
import { ApiDispatcher, type CallContext, type Handlers } from '../../../src/main/services/dispatcher'
import { startCore, type Core } from '../../../src/main/services/core'
import { Store } from '../../../src/main/store/store'
import { loadMiniDistrict } from '../../support/miniDistrict'
import { freePort, startMosquitto, type MosquittoHandle } from '../../support/mosquitto'
import { tempDir } from '../../support/tempDir'
import { until } from '../../support/until'

const ADMIN_PASSWORD = 'admin-password-for-tests'
const BROKER_PASSWORD = 'broker-Secret-9f3b'

/** The settings dialog's two methods through the real dispatcher: roles, audit, mqtt.json, restarts. */
describe('alerts.brokerSettings / alerts.configureBroker', () => {
  let core: Core
  let broker: MosquittoHandle
  let dataDir: string
  let remove: () => void
  let admin: string
  const file = (): string => join(dataDir, 'mqtt.json')
  const ctx = (token: string | null): CallContext => ({ sessionKey: token, issuesTokens: true })
  const call = (token: string | null, method: string, input: unknown) => core.dispatcher.handle(ctx(token), method, input)
  const ok = async <T>(token: string | null, method: string, input: unknown): Promise<T> => {
    const r = await call(token, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.value as T
  }
  const settings = (): Promise<BrokerSettingsInfo> => ok<BrokerSettingsInfo>(admin, 'alerts.brokerSettings', {})
  const external = (over: Partial<NonNullable<BrokerSettingsView['broker']>> = {}): NonNullable<BrokerSettingsView['broker']> => ({
    url: broker.url,
    username: 'gcc-wall',
    protocolVersion: 5,
    clientId: 'gcc-settings-test',
    keepalive: 30,
    tls: null,
    ...over
  })
  const update = (view: BrokerSettingsView, over: Partial<BrokerSettingsUpdate>): BrokerSettingsUpdate => ({ ...view, ...over })
  const signIn = async (username: string, password: string): Promise<string> =>
    (await ok<{ token: string }>(null, 'auth.signIn', { username, password })).token

  beforeAll(async () => {
    broker = await startMosquitto()
    const t = tempDir()
    dataDir = t.dir
    remove = t.remove
    const seeded = Store.open(databasePath(dataDir))
    loadMiniDistrict(seeded, Date.now())
    seeded.close()
    const config = resolveConfig([], { GCC_ADMIN_PASSWORD: ADMIN_PASSWORD })
    // No mqtt.json: the embedded default.
    core = await startCore({ config, dataDir, runtime: 'browser', version: 'test', log: () => {} })
    admin = await signIn('admin', ADMIN_PASSWORD)
  }, 30_000)

  afterAll(async () => {
    await core?.stop()
    await broker?.dispose()
    remove?.()
  })

  it('reads the embedded default when there is no file', async () => {
    const info = await settings()
    expect(info).toMatchObject({ path: file(), source: 'default', error: null, passwordSet: false })
    expect(info.settings.broker).toBeNull()
    expect(info.settings.simulator.enabled).toBe(true)
    expect(info.settings.topics.native).toBe('alerts/#')
    expect(core.status().ingest?.broker.embedded).toBe(true)
  })

  it('writes an external broker with a password, restarts the link on it and pushes the status', async () => {
    const pushed: IngestStatus[] = []
    const off = core.hub.on('status', (s) => s.ingest && pushed.push(s.ingest))
    const { settings: view } = await settings()
    const status = await ok<IngestStatus>(admin, 'alerts.configureBroker', update(view, { broker: external(), password: BROKER_PASSWORD }))
    off()
    expect(status.broker).toMatchObject({ embedded: false, url: `127.0.0.1:${broker.port}` })
    expect(pushed.at(-1)?.broker.embedded).toBe(false)
    await until('the link to connect to Mosquitto', () => core.status().ingest?.broker.state === 'connected')

    const written = JSON.parse(readFileSync(file(), 'utf8'))
    expect(written.broker).toMatchObject({ url: broker.url, username: 'gcc-wall', password: BROKER_PASSWORD, clientId: 'gcc-settings-test' })
    expect(statSync(file()).mode & 0o777).toBe(0o600)

    const info = await settings()
    expect(info).toMatchObject({ source: 'file', passwordSet: true, error: null })
    expect(info.settings.broker).toMatchObject({ url: broker.url, username: 'gcc-wall', protocolVersion: 5 })
    expect(JSON.stringify(info)).not.toContain(BROKER_PASSWORD)
  })

  it('keeps the stored password when none is given, and removes it on an empty string', async () => {
    const { settings: view } = await settings()
    await ok(admin, 'alerts.configureBroker', update(view, { broker: external({ keepalive: 45 }) }))
    let written = JSON.parse(readFileSync(file(), 'utf8'))
    expect(written.broker).toMatchObject({ keepalive: 45, password: BROKER_PASSWORD })

    await ok(admin, 'alerts.configureBroker', update(view, { broker: external(), password: '' }))
    written = JSON.parse(readFileSync(file(), 'utf8'))
    expect(written.broker.password).toBeUndefined()
    expect((await settings()).passwordSet).toBe(false)
    await until('the link to reconnect', () => core.status().ingest?.broker.state === 'connected')
    // Put it back for the tests below.
    await ok(admin, 'alerts.configureBroker', update(view, { broker: external(), password: BROKER_PASSWORD }))
  })

  it('refuses a TLS file that does not exist, naming the field, and leaves the file and the link alone', async () => {
    const before = readFileSync(file(), 'utf8')
    const { settings: view } = await settings()
    const r = await call(
      admin,
      'alerts.configureBroker',
      update(view, { broker: external({ tls: { ca: 'missing-ca.pem', cert: null, key: null, rejectUnauthorized: true } }), password: 'another-secret-77' })
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (r.ok) return
    expect(r.error.message).toContain('broker.tls.ca')
    expect(r.error.message).toMatch(/无法读取文件 \/ cannot read .*missing-ca\.pem \(ENOENT\)/)
    expect(readFileSync(file(), 'utf8')).toBe(before)
    await until('the link to stay connected', () => core.status().ingest?.broker.state === 'connected')
    expect(core.status().ingest?.broker.embedded).toBe(false)
  })

  it('refuses a malformed update by its schema, naming the field', async () => {
    const { settings: view } = await settings()
    const r = await call(admin, 'alerts.configureBroker', update(view, { broker: external({ protocolVersion: 3 as 4 }) }))
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    if (!r.ok) expect(r.error.message).toContain('broker.protocolVersion')
    const bad = await call(admin, 'alerts.configureBroker', update(view, { broker: external({ url: 'mqtt://user:pw@host:1883' }) }))
    if (!bad.ok) expect(bad.error.message).toMatch(/broker\.url: must not contain credentials/)
    expect(bad.ok).toBe(false)
  })

  it('refuses viewers and duty officers, reading and writing alike, and audits the refusal', async () => {
    const before = readFileSync(file(), 'utf8')
    await ok(admin, 'operators.create', { username: 'viewer1', displayName: '观察员', role: 'viewer', password: 'viewer-password' })
    await ok(admin, 'operators.create', { username: 'duty1', displayName: '值班员', role: 'dutyOfficer', password: 'duty-password-1' })
    const { settings: view } = await settings()
    for (const [username, password] of [['viewer1', 'viewer-password'], ['duty1', 'duty-password-1']] as const) {
      const token = await signIn(username, password)
      expect(await call(token, 'alerts.brokerSettings', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const r = await call(token, 'alerts.configureBroker', update(view, { broker: null, password: 'stolen-secret-1' }))
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(core.store.audit.latest(1)[0]).toMatchObject({ action: 'alerts.configureBroker', username, outcome: 'refused' })
    }
    expect(await call(null, 'alerts.configureBroker', update(view, {}))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(readFileSync(file(), 'utf8')).toBe(before)
  })

  it('never writes a broker password to the audit log', () => {
    const entries = core.store.audit.latest(200).filter((e) => e.action === 'alerts.configureBroker')
    expect(entries.map((e) => e.outcome)).toEqual(expect.arrayContaining(['ok', 'refused']))
    const text = JSON.stringify(entries)
    for (const secret of [BROKER_PASSWORD, 'another-secret-77', 'stolen-secret-1']) expect(text).not.toContain(secret)
  })

  it('redacts a password that an error message echoes, in the audit log and the server log', async () => {
    const lines: string[] = []
    const echo = {
      'alerts.configureBroker': ({ password }: { password?: string }) => {
        if (password === 'echo-me-1') throw new ApiError('BAD_INPUT', `refused ${password}`)
        throw new Error(`crashed on ${password}`)
      }
    } as unknown as Handlers
    const dispatcher = new ApiDispatcher(core.store, core.sessions, echo, (l) => lines.push(l))
    const { settings: view } = await settings()
    await dispatcher.handle(ctx(admin), 'alerts.configureBroker', update(view, { broker: external(), password: 'echo-me-1' }))
    expect(core.store.audit.latest(1)[0]).toMatchObject({ outcome: 'refused', detail: 'refused ***' })
    await dispatcher.handle(ctx(admin), 'alerts.configureBroker', update(view, { broker: external(), password: 'echo-me-2' }))
    expect(core.store.audit.latest(1)[0]).toMatchObject({ outcome: 'failed', detail: 'crashed on ***' })
    expect(lines.join('\n')).not.toContain('echo-me-2')
  })

  it('goes back to the embedded broker, stopping the old link first, and can restart on the same port', async () => {
    const port = await freePort()
    const { settings: view } = await settings()
    const embedded = update(view, { broker: null, embedded: { port }, simulator: { ...view.simulator, enabled: false } })
    const first = await ok<IngestStatus>(admin, 'alerts.configureBroker', embedded)
    expect(first.broker).toMatchObject({ embedded: true, url: `127.0.0.1:${port}` })
    await until('the link to the embedded broker', () => core.status().ingest?.broker.state === 'connected')
    // The same port again: the old embedded broker must have let it go before the new one binds.
    const second = await ok<IngestStatus>(admin, 'alerts.configureBroker', { ...embedded, simulator: { ...embedded.simulator, rate: 5 } })
    expect(second.broker).toMatchObject({ embedded: true, url: `127.0.0.1:${port}`, lastError: null })
    await until('the link to the restarted embedded broker', () => core.status().ingest?.broker.state === 'connected')
    const info = await settings()
    expect(info.settings).toMatchObject({ broker: null, embedded: { port }, simulator: { enabled: false, rate: 5 } })
    // With no broker in the file there is no password to keep.
    expect(info.passwordSet).toBe(false)
  })
})
