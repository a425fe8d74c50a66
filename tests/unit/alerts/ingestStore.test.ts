import { statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openIngestStore, type IngestStore } from '../../../src/main/alerts/ingestStore'
import { Store } from '../../../src/main/store/store'
import { until } from '../../support/until'
import { miniAlertStore, sighting } from './support'

const NOW = Date.UTC(2026, 10, 22, 6, 0)

/** The alert pipeline's own connection to the store file, and its checkpoint thread. */
describe('the ingest connection', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })
  const open = (): { app: Store; path: string; ingest: IngestStore } => {
    const { store: app, path, close } = miniAlertStore(NOW)
    cleanups.push(close)
    const ingest = openIngestStore(app)
    cleanups.push(() => ingest.close())
    return { app, path, ingest }
  }

  it('writes through a connection of its own, which the app reads as soon as it commits', () => {
    const { app, ingest } = open()
    expect(ingest.separate).toBe(true)
    expect(ingest.store).not.toBe(app)
    const views = ingest.store.transaction(() => ingest.store.alerts.ingestViews([sighting('A1', NOW, { trackId: 'T' })]))
    expect(app.alerts.views(['A1'])).toEqual(views)
    // The same track from the app's connection and back: one store, one alert.
    app.alerts.ingest([sighting('A2', NOW + 1000, { trackId: 'T' })])
    expect(ingest.store.alerts.ingest([sighting('A3', NOW + 2000, { trackId: 'T' })])).toEqual(['A1'])
    expect(app.alerts.view('A1')).toMatchObject({ messages: 3, lastSeenAt: NOW + 2000 })
  })

  it('keeps the foreign keys of the app connection: an unknown camera fails the batch', () => {
    const { app, ingest } = open()
    expect(() => ingest.store.transaction(() => ingest.store.alerts.ingest([sighting('OK', NOW), sighting('BAD', NOW, { cameraId: 'CAM-404' })]))).toThrow(/FOREIGN KEY/)
    expect(app.alerts.count()).toBe(0)
  })

  it('checkpoints the write-ahead log in its thread after commits', async () => {
    const { app, path, ingest } = open()
    const before = statSync(path).size
    for (let b = 0; b < 20; b++) {
      const batch = Array.from({ length: 200 }, (_, i) => sighting(`B${b}-${i}`, NOW + i, { trackId: `T${b}-${i}`, camera: ((i % 2) + 1) as 1 | 2 }))
      ingest.store.transaction(() => ingest.store.alerts.ingestViews(batch))
      ingest.committed()
    }
    await until('a checkpoint', () => ingest.checkpoints() > 0)
    // Neither connection checkpointed on its own (the app did not commit; the ingest WAL stayed
    // below its backstop): the pages in the database file were copied there by the thread.
    await until('the alerts in the database file', () => statSync(path).size > before + 500_000)
    expect(app.alerts.count()).toBe(4000)
  })

  it('checkpoints at most once per interval however many commits come in it', async () => {
    const { store: app, close } = miniAlertStore(NOW)
    cleanups.push(close)
    const ingest = openIngestStore(app, () => {}, 60_000)
    cleanups.push(() => ingest.close())
    for (let b = 0; b < 10; b++) {
      ingest.store.alerts.ingest([sighting(`A${b}`, NOW)])
      ingest.committed()
      await new Promise((r) => setTimeout(r, 20))
    }
    await until('the first checkpoint', () => ingest.checkpoints() === 1)
    await new Promise((r) => setTimeout(r, 200))
    expect(ingest.checkpoints()).toBe(1)
    expect(app.alerts.count()).toBe(10)
  })

  it('closes its thread and connection, and leaves the app store working', async () => {
    const { app, ingest } = open()
    ingest.store.alerts.ingest([sighting('A1', NOW)])
    ingest.committed()
    await ingest.close()
    await ingest.close()
    expect(ingest.store.db.open).toBe(false)
    expect(app.db.open).toBe(true)
    expect(app.alerts.count()).toBe(1)
    app.alerts.ingest([sighting('A2', NOW)])
    expect(app.alerts.count()).toBe(2)
  })

  it('uses the app connection when the store has no file', async () => {
    const app = Store.open(':memory:')
    cleanups.push(() => app.close())
    const ingest = openIngestStore(app)
    expect(ingest.separate).toBe(false)
    expect(ingest.store).toBe(app)
    ingest.committed()
    await ingest.close()
    expect(app.db.open).toBe(true)
  })
})
