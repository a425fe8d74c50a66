import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TRACK_GAP_MS } from '../../../src/main/store/repositories/alerts'
import type { Store } from '../../../src/main/store/store'
import { miniAlertStore, sighting } from './support'

const NOW = Date.UTC(2026, 10, 22, 6, 0)
const MIN = 60_000

/** The ingest path of the alert repository: the views it returns and the track merge it decides. */
describe('alert ingest on a real SQLite file', () => {
  let store: Store
  let close: () => void
  beforeEach(() => ({ store, close } = miniAlertStore(NOW)))
  afterEach(() => close())

  it('returns the views a read after the commit would: new, repeated, merged and existing alerts alike', () => {
    store.alerts.ingest([sighting('OLD', NOW - MIN, { trackId: 'T-old', score: 0.6 }), sighting('SEEN', NOW - 2 * MIN)])
    store.alerts.applyAction('SEEN', 'acknowledge', 'duty1', NOW - MIN)
    const batch = [
      sighting('N1', NOW + 3000, { zone: '入口', snapshotUrl: 'https://nvr.example/n1.jpg' }),
      sighting('N2', NOW + 1000, { camera: 2, trackId: 'T-2', ended: true, format: 'frigate' }),
      // A repeat of N1 in the same batch, a new id on OLD's track, a redelivery of SEEN.
      sighting('N1', NOW + 4000, { score: 0.95 }),
      sighting('N3', NOW + 2000, { trackId: 'T-old', score: 0.8 }),
      sighting('SEEN', NOW - 2 * MIN, { score: 0.5 })
    ]
    const views = store.transaction(() => store.alerts.ingestViews(batch))
    const ids = ['N1', 'N2', 'OLD', 'SEEN']
    expect(views.map((v) => v.id).sort()).toEqual(ids)
    expect(views).toEqual(store.alerts.views(ids))
    expect(views.map((v) => v.at)).toEqual([...views.map((v) => v.at)].sort((x, y) => y - x))
    expect(views.find((v) => v.id === 'N2')).toMatchObject({ cameraName: '二号门岗', gridName: '二社区第1网格', ended: true, messages: 1, status: 'new', lastSeenAt: NOW + 1000 })
    expect(views.find((v) => v.id === 'N1')).toMatchObject({ messages: 2, score: 0.95, zone: '入口', lastSeenAt: NOW + 4000 })
    expect(views.find((v) => v.id === 'OLD')).toMatchObject({ messages: 2, score: 0.8, lastSeenAt: NOW + 2000 })
    expect(views.find((v) => v.id === 'SEEN')).toMatchObject({ messages: 2, status: 'acknowledged', handledBy: 'duty1' })
  })

  it('makes the view of a new alert exactly as the store reads it back', () => {
    const fresh = [
      sighting('F1', NOW, { score: 0.73, lon: 113.9123456, lat: 22.7123456, zone: '围墙', trackId: 'T-9', snapshotUrl: 'https://nvr.example/f1.jpg' }),
      sighting('F2', NOW - 5, { camera: 2, type: 'fight' })
    ]
    const views = store.transaction(() => store.alerts.ingestViews(fresh))
    expect(views).toEqual(store.alerts.views(['F1', 'F2']))
    expect(views.map((v) => v.id)).toEqual(['F1', 'F2'])
  })

  it('merges a sighting into the alert of its track seen last, when several are within reach', () => {
    store.alerts.ingest([sighting('EARLY', NOW, { trackId: 'T' })])
    // Seen again 15 minutes later: a new alert (beyond TRACK_GAP_MS).
    expect(store.alerts.ingest([sighting('LATE', NOW + 15 * MIN, { trackId: 'T' })])).toEqual(['LATE'])
    // A late message from between the two reaches both; it goes to the one seen last.
    expect(store.alerts.ingest([sighting('X', NOW + 7 * MIN, { trackId: 'T' })])).toEqual(['LATE'])
    // Another camera's track of the same name is another object.
    expect(store.alerts.ingest([sighting('Y', NOW + 7 * MIN, { trackId: 'T', camera: 2 })])).toEqual(['Y'])
    // Within one batch: the second sighting of a new track joins the first.
    expect(store.alerts.ingest([sighting('B1', NOW, { trackId: 'U' }), sighting('B2', NOW + TRACK_GAP_MS, { trackId: 'U' })])).toEqual(['B1'])
    expect(store.alerts.view('LATE')).toMatchObject({ at: NOW + 7 * MIN, lastSeenAt: NOW + 15 * MIN, messages: 2 })
    expect(store.alerts.view('B1')).toMatchObject({ messages: 2, lastSeenAt: NOW + TRACK_GAP_MS })
    expect(store.alerts.count()).toBe(4)
  })

  it('keeps nothing of a batch whose transaction fails, and returns no views for it', () => {
    store.alerts.ingest([sighting('KEEP', NOW, { trackId: 'K' })])
    expect(() =>
      store.transaction(() => {
        store.alerts.ingestViews([sighting('GONE', NOW, { trackId: 'K2' }), sighting('KEEP', NOW + 1000)])
        throw new Error('disk full')
      })
    ).toThrow('disk full')
    expect(store.alerts.view('GONE')).toBeNull()
    expect(store.alerts.view('KEEP')).toMatchObject({ messages: 1 })
    // The next batch sees the store as committed.
    const views = store.transaction(() => store.alerts.ingestViews([sighting('GONE', NOW, { trackId: 'K2' })]))
    expect(views).toEqual(store.alerts.views(['GONE']))
  })

  it("keeps each camera's latest alert, the one seen last, whatever order sightings and batches come in", () => {
    // The rings read it from camera_latest_alert (kept by triggers); the oracle asks alerts itself.
    const oracle = store.db.prepare<[string], { id: string; seen: number }>(
      'SELECT id, last_seen_at AS seen FROM alerts WHERE camera_id = ? ORDER BY last_seen_at DESC, id DESC LIMIT 1'
    )
    const kept = store.db.prepare<[string], { id: string; seen: number }>('SELECT alert_id AS id, seen_at AS seen FROM camera_latest_alert WHERE camera_id = ?')
    const sightings = fc.array(
      fc.record({
        id: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
        offset: fc.integer({ min: -20 * MIN, max: 20 * MIN }),
        trackId: fc.constantFrom(null, 'T1', 'T2')
      }),
      { maxLength: 30 }
    )
    fc.assert(
      fc.property(sightings, fc.integer({ min: 1, max: 8 }), (list, batchSize) => {
        store.db.exec('SAVEPOINT run')
        try {
          // An id belongs to one camera, as a camera's message ids do.
          const batch = list.map((s) => sighting(s.id, NOW + s.offset, { camera: s.id < 'C' ? 1 : 2, trackId: s.trackId }))
          for (let i = 0; i < batch.length; i += batchSize) store.transaction(() => store.alerts.ingestViews(batch.slice(i, i + batchSize)))
          for (const camera of ['CAM-1', 'CAM-2']) expect(kept.get(camera) ?? null).toEqual(oracle.get(camera) ?? null)
        } finally {
          store.db.exec('ROLLBACK TO run; RELEASE run')
        }
      }),
      { numRuns: 300 }
    )
  })
})
