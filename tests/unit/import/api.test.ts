import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiEvents, DistrictMap, SystemStatus } from '@shared/api/types'
import { importInputSchema, IMPORT_BASE64_MAX } from '@shared/import/api'
import type { ImportPreview, ImportProgress, ImportResult } from '@shared/import/report'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import type { ImportFile } from '../../../src/main/import/index'
import { AuthService } from '../../../src/main/services/auth'
import { ApiDispatcher, type CallContext } from '../../../src/main/services/dispatcher'
import { EventHub } from '../../../src/main/services/events'
import { createHandlers } from '../../../src/main/services/handlers/index'
import { SessionRegistry } from '../../../src/main/services/sessions'
import type { Store } from '../../../src/main/store/store'
import { tempStore } from '../../support/tempStore'
import { exampleFiles, mapping } from './files'

const NOW = Date.UTC(2026, 10, 22, 4)
const toInput = (id: string, files: ImportFile[]): unknown => ({
  id,
  files: files.map((f) => ({ kind: f.kind, name: f.name, base64: Buffer.from(f.bytes).toString('base64') })),
  mapping
})

describe('import.preview and import.apply', () => {
  let store: Store
  let remove: () => void
  let dispatcher: ApiDispatcher
  let hub: EventHub
  let restarts: number
  const ctx = (sessionKey: string | null = null): CallContext => ({ sessionKey, issuesTokens: true })
  const signIn = async (username: string, password: string): Promise<string> => {
    const r = await dispatcher.handle(ctx(), 'auth.signIn', { username, password })
    if (!r.ok) throw new Error(r.error.message)
    return (r.value as { token: string }).token
  }

  beforeEach(async () => {
    ;({ store, remove } = tempStore('import-api'))
    const sessions = new SessionRegistry(undefined, () => NOW)
    hub = new EventHub()
    const auth = new AuthService(store, () => NOW)
    await auth.create({ username: 'admin1', displayName: '管理员', role: 'admin', password: 'admin-password' })
    await auth.create({ username: 'dispatch1', displayName: '调度员', role: 'dispatcher', password: 'dispatch-password' })
    restarts = 0
    const alertSettings = { dataDir: '', restart: async () => (restarts++, null as never) }
    const deps = { store, auth, sessions, hub, runtime: 'browser' as const, productName: 'P', version: '0', now: () => NOW, alertSettings }
    dispatcher = new ApiDispatcher(store, sessions, createHandlers(deps), () => {}, () => NOW)
  })
  afterEach(() => remove())

  it('is for administrators only, and audited', async () => {
    const input = toInput('job1', await exampleFiles())
    expect((await dispatcher.handle(ctx(), 'import.preview', input)).ok).toBe(false)
    const r = await dispatcher.handle(ctx(await signIn('dispatch1', 'dispatch-password')), 'import.apply', input)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const audit = store.audit.latest(5)
    expect(audit[0]).toMatchObject({ action: 'import.apply', outcome: 'refused', target: expect.stringContaining('grids district.geojson') })
  })

  it('replaces the demo district, pushes progress and the district topic, restarts the alert path; the wall shows the import', async () => {
    loadDemoDistrict(store, { seed: 1, scale: 0.05, center: [113.94, 22.76], now: NOW })
    const admin = ctx(await signIn('admin1', 'admin-password'))
    const progress: ImportProgress[] = []
    const data: ApiEvents['data'][] = []
    hub.on('import', (p) => progress.push(p))
    hub.on('data', (p) => data.push(p))
    const input = toInput('job-2', await exampleFiles())

    const preview = await dispatcher.handle(admin, 'import.preview', input)
    expect(preview.ok).toBe(true)
    const p = (preview as { value: ImportPreview }).value
    expect(p.report.ok).toBe(true)
    expect(p.replaces.demo).toBe(true)
    expect(p.replaces.events).toBeGreaterThan(0)
    expect(store.meta.get('demo.seed')).toBe('1')

    const applied = await dispatcher.handle(admin, 'import.apply', input)
    expect(applied.ok).toBe(true)
    expect((applied as { value: ImportResult }).value.applied).toBe(true)
    expect(progress.length).toBeGreaterThan(5)
    expect(progress.every((e) => e.id === 'job-2')).toBe(true)
    expect(progress.at(-1)).toMatchObject({ fraction: 1, phase: 'done' })
    expect(data).toContainEqual({ topics: ['district', 'events', 'alerts'] })
    expect(restarts).toBe(1)

    const map = (await dispatcher.handle(ctx(), 'map.district', {})) as { ok: true; value: DistrictMap }
    expect(map.value.district).toMatchObject({ code: '440311', name: '光明区' })
    expect(map.value.grids.map((g) => g.code)).toContain('440311-002-01-003')
    expect(map.value.grids).toHaveLength(9)
    const status = (await dispatcher.handle(ctx(), 'system.status', {})) as { ok: true; value: SystemStatus }
    expect(status.value.district).toEqual({ code: '440311', name: '光明区' })
    expect(status.value.demo).toBeNull()
    expect(store.events.count()).toBe(0)

    // The same files again: nothing changes, no reload, no restart.
    const again = await dispatcher.handle(admin, 'import.apply', input)
    expect((again as { value: ImportResult }).value).toMatchObject({ applied: false, unchanged: true })
    expect(restarts).toBe(1)
  })

  it('limits the files to 200 MB in all', () => {
    const big = 'A'.repeat(IMPORT_BASE64_MAX / 2 + 4)
    const r = importInputSchema.safeParse({ id: 'x', files: [{ kind: 'buildings', name: 'a.csv', base64: big }, { kind: 'staff', name: 'b.csv', base64: big }] })
    expect(r.success).toBe(false)
    expect(importInputSchema.safeParse({ id: 'bad id!', files: [{ kind: 'grids', name: 'g.json', base64: '' }] }).success).toBe(false)
  })
})
