import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHostServer, type HostServer } from '../../../src/main/host/server'
import { createTileService, type TileService } from '../../../src/main/tiles/service'
import { startTestCore } from '../../support/hostCore'
import { jpeg, png, writeMbtiles } from './fixtures'

describe('GET /tiles/:z/:x/:y on the browser host', () => {
  let server: HostServer
  let bare: HostServer
  let tiles: TileService
  let remove: () => Promise<void>

  beforeAll(async () => {
    const test = await startTestCore()
    remove = test.remove
    writeMbtiles(join(test.dataDir, 'district.mbtiles'), { format: 'png', minzoom: '0', maxzoom: '4' }, [
      { z: 2, x: 1, y: 1, data: png('z2') },
      { z: 4, x: 13, y: 6, data: jpeg('z4') }
    ])
    writeFileSync(join(test.dataDir, 'basemap.json'), JSON.stringify({ kind: 'mbtiles', path: 'district.mbtiles', name: '离线底图' }))
    tiles = createTileService({ dataDir: test.dataDir, env: {}, log: () => {} })
    const { core, rendererDir } = test
    // An access token is set: it guards /api only; tiles are public like the renderer files.
    server = await startHostServer({ core, rendererDir, host: '127.0.0.1', port: 0, accessToken: 'test-access-token-0123456789', log: () => {}, tiles })
    bare = await startHostServer({ core, rendererDir, host: '127.0.0.1', port: 0, accessToken: null, log: () => {} })
  })
  afterAll(async () => {
    await server.close()
    await bare.close()
    tiles.close()
    await remove()
  })

  it('serves present tiles with their bytes, content type and the security headers', async () => {
    const res = await fetch(`${server.url}/tiles/2/1/1`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await res.arrayBuffer()).equals(png('z2'))).toBe(true)
    const j = await fetch(`${server.url}/tiles/4/13/6`)
    expect(j.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await j.arrayBuffer()).equals(jpeg('z4'))).toBe(true)
  })

  it('answers 204 with no body for a missing tile (the map draws nothing there)', async () => {
    for (const path of ['/tiles/2/0/0', '/tiles/9/0/0']) {
      const res = await fetch(server.url + path)
      expect(res.status, path).toBe(204)
      expect(await res.text()).toBe('')
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
    // No tile service at all (basemap 'none'): the same.
    expect((await fetch(`${bare.url}/tiles/2/1/1`)).status).toBe(204)
  })

  it('refuses malformed or out-of-range coordinates with 400', async () => {
    for (const path of ['/tiles/2/4/0', '/tiles/23/0/0', '/tiles/a/0/0', '/tiles/2/1/1.png', '/tiles/-1/0/0']) {
      expect((await fetch(server.url + path)).status, path).toBe(400)
    }
  })

  it('still serves the renderer and guards the API', async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(200)
    const api = await fetch(`${server.url}/api/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(api.status).toBe(401)
  })

  it('never hands the renderer an upstream URL', () => {
    expect(tiles.info()).toMatchObject({ kind: 'mbtiles', name: '离线底图', tileUrl: '/tiles/{z}/{x}/{y}' })
  })
})
