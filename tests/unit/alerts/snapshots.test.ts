import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SnapshotService } from '../../../src/main/alerts/snapshots'
import type { RoutedAlert } from '../../../src/main/alerts/types'
import { Store } from '../../../src/main/store/store'
import { loadMiniDistrict } from '../../support/miniDistrict'
import { tempDir } from '../../support/tempDir'

const NOW = Date.UTC(2026, 10, 22, 6, 0)
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9])

/** Snapshots through our own origin: only an alert's own URL, only from allowed hosts, bounded. */
describe('camera snapshots', () => {
  let server: Server
  let base: string
  let store: Store
  let remove: () => void
  let hits = 0

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++
      if (req.url === '/snap.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG)
      else if (req.url === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<b>x</b>')
      else if (req.url === '/huge.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(2048))
      else if (req.url === '/slow.jpg') setTimeout(() => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG), 1000)
      else if (req.url === '/elsewhere.jpg') res.writeHead(302, { location: 'http://10.0.0.1/x.jpg' }).end()
      else res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadMiniDistrict(store, NOW)
    store.cameras.insertMany([{ id: 'CAM-1', name: '一号路口', site: 'mainRoad', gridCode: '440311-001-01-001', lon: 113.91, lat: 22.71, online: true }])
    const alert = (id: string, snapshotUrl: string | null): RoutedAlert => ({
      id, format: 'native', cameraId: 'CAM-1', type: 'fireSmoke', score: 0.9, at: NOW, position: null, lon: 113.91, lat: 22.71,
      gridCode: '440311-001-01-001', communityCode: '440311-001-01', streetCode: '440311-001', snapshotUrl, zone: null, trackId: null, ended: false
    })
    store.alerts.ingest([
      alert('ok', `${base}/snap.jpg`),
      alert('none', null),
      alert('html', `${base}/page.html`),
      alert('huge', `${base}/huge.jpg`),
      alert('slow', `${base}/slow.jpg`),
      alert('redirect', `${base}/elsewhere.jpg`),
      alert('foreign', 'http://203.0.113.9/snap.jpg')
    ])
  })
  afterAll(async () => {
    store.close()
    remove()
    await new Promise((resolve) => server.close(resolve))
  })

  const service = () =>
    new SnapshotService({ store, allowedHost: (url) => url.host === new URL(base).host, maxBytes: 1024, timeoutMs: 300, cacheBytes: 64 })

  it('serves an alert’s own snapshot from an allowed host, and keeps it', async () => {
    const s = service()
    const first = await s.answer('ok')
    expect(first).toMatchObject({ status: 200, contentType: 'image/jpeg' })
    expect(Buffer.from(first.body!)).toEqual(JPEG)
    const before = hits
    expect((await s.answer('ok')).status).toBe(200)
    expect(hits).toBe(before)
  })

  it('refuses what is not an allowed image, with a reason', async () => {
    const s = service()
    expect(await s.answer('nope')).toMatchObject({ status: 404 })
    expect(await s.answer('none')).toMatchObject({ status: 404 })
    expect(await s.answer('foreign')).toMatchObject({ status: 403, message: /203\.0\.113\.9/ })
    expect(await s.answer('html')).toMatchObject({ status: 502 })
    expect(await s.answer('huge')).toMatchObject({ status: 502, message: /over 1024 bytes/ })
    expect(await s.answer('slow')).toMatchObject({ status: 504 })
    expect(await s.answer('redirect')).toMatchObject({ status: 502 })
    expect(await s.answer('')).toMatchObject({ status: 400 })
  })
})
