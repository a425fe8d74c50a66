import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHostServer, type HostServer } from '../../../src/main/host/server'
import { exampleFiles, mapping, replaceFile, utf8 } from './files'
import { buildingsCsv } from './fixtures/district'
import { startTestCore } from '../../support/hostCore'

/** The example's buildings repeated under new ids until the file is well over the host's 64 KB default body limit. */
function bigBuildingsCsv(): string {
  const [header, ...rows] = buildingsCsv().trimEnd().split('\r\n')
  const out = [header!]
  for (let k = 0; out.length < 3000; k++) for (const r of rows) out.push(r.replace(/^LD/, `LD${k}-`))
  return `${out.join('\r\n')}\r\n`
}

describe('the import routes of the browser host', () => {
  let host: Awaited<ReturnType<typeof startTestCore>>
  let server: HostServer

  beforeAll(async () => {
    host = await startTestCore()
    server = await startHostServer({ core: host.core, rendererDir: host.rendererDir, host: '127.0.0.1', port: 0, accessToken: null, log: () => {} })
  })
  afterAll(async () => {
    await server.close()
    await host.remove()
  })

  const post = async (method: string, body: unknown, token?: string): Promise<{ status: number; json: any }> => {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body)
    })
    return { status: res.status, json: await res.json() }
  }

  it('takes large bodies on import routes only, and only from a signed-in operator', async () => {
    const csv = bigBuildingsCsv()
    const files = replaceFile(await exampleFiles(), { kind: 'buildings', name: 'buildings.csv', bytes: utf8(csv) })
    const body = { id: 'host1', files: files.map((f) => ({ kind: f.kind, name: f.name, base64: Buffer.from(f.bytes).toString('base64') })), mapping }
    expect(JSON.stringify(body).length).toBeGreaterThan(200 * 1024)
    expect((await post('import.preview', body)).status).toBe(401)
    expect((await post('system.status', { padding: 'x'.repeat(100 * 1024) })).status).toBe(400)

    const signIn = await post('auth.signIn', { username: 'admin', password: 'admin-password-for-tests' })
    const token = signIn.json.value.token as string
    const applied = await post('import.apply', body, token)
    expect(applied.status).toBe(200)
    expect(applied.json.value).toMatchObject({ applied: true, report: { ok: true, counts: { grids: 9, buildings: csv.trimEnd().split('\r\n').length - 1 } } })
    const map = await post('map.district', {})
    expect(map.json.value.district).toMatchObject({ code: '440311', name: '光明区' })
    expect(map.json.value.grids).toHaveLength(9)
  })
})
