import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RoutedAlert } from '../../../src/main/alerts/types'
import { Store } from '../../../src/main/store/store'
import { loadMiniDistrict } from '../../support/miniDistrict'
import { tempDir } from '../../support/tempDir'

const NOW = Date.UTC(2026, 10, 22, 6, 0)

describe('repositories on a real SQLite file', () => {
  let store: Store
  let remove: () => void
  beforeEach(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadMiniDistrict(store, NOW)
    store.cameras.insertMany([{ id: 'CAM-1', name: '一号路口', site: 'mainRoad', gridCode: '440311-001-01-001', lon: 113.91, lat: 22.71, online: true }])
  })
  afterEach(() => {
    store.close()
    remove()
  })

  const alert = (over: Partial<RoutedAlert> = {}): RoutedAlert => ({
    id: 'A1', format: 'native', cameraId: 'CAM-1', type: 'fireSmoke', score: 0.7, at: NOW, position: null, lon: 113.91, lat: 22.71,
    gridCode: '440311-001-01-001', communityCode: '440311-001-01', streetCode: '440311-001', snapshotUrl: null, zone: null,
    trackId: 't-9', ended: false, ...over
  })

  it('keeps one alert per id when the same track is reported again', () => {
    expect(store.alerts.ingest([alert(), alert({ score: 0.93, snapshotUrl: 'snap/1.jpg', at: NOW + 2000 })])).toEqual(['A1'])
    store.alerts.ingest([alert({ score: 0.5, ended: true, at: NOW + 5000 })])
    expect(store.alerts.latest(10)).toHaveLength(1)
    expect(store.alerts.view('A1')).toMatchObject({
      score: 0.93, snapshotUrl: 'snap/1.jpg', trackId: 't-9', at: NOW, lastSeenAt: NOW + 5000, messages: 3, ended: true,
      status: 'new', cameraName: '一号路口', streetCode: '440311-001'
    })
    expect(store.alerts.counts('440311', NOW - 1)).toMatchObject({ byType: { fireSmoke: 1, fight: 0 }, open: 1 })
    expect(store.alerts.counts('440311-002', NOW - 1)).toMatchObject({ byType: { fireSmoke: 0 }, open: 0 })
  })

  it('refuses an alert for a camera or grid it does not know (foreign keys are on), and stores none of its batch', () => {
    expect(() => store.alerts.ingest([alert({ id: 'A0' }), alert({ id: 'A2', cameraId: 'CAM-404' })])).toThrow(/FOREIGN KEY/)
    expect(() => store.alerts.ingest([alert({ id: 'A3', gridCode: '440311-009-01-001' })])).toThrow(/FOREIGN KEY/)
    expect(store.alerts.count()).toBe(0)
  })

  it('counts refused messages by reason and keeps only the latest of each reason in quarantine', () => {
    const r = (i: number, reason: 'badSchema' | 'unmappedLabel') => ({ reason, detail: `d${i}`, topic: 'alerts/x', excerpt: '<b>', bytes: 3, at: NOW + i })
    store.alerts.reject([r(0, 'badSchema'), r(1, 'badSchema')])
    // A flood of one reason does not push the others out.
    store.alerts.reject(Array.from({ length: 1000 }, (_, i) => r(i + 2, 'unmappedLabel')))
    expect(store.alerts.rejectionCounts()).toEqual({ badSchema: 2, unmappedLabel: 1000 })
    const q = store.alerts.quarantine(2000)
    expect(q).toHaveLength(202)
    expect(q[0]).toMatchObject({ detail: 'd1001', excerpt: '<b>', reason: 'unmappedLabel' })
    expect(q.filter((e) => e.reason === 'badSchema').map((e) => e.detail)).toEqual(['d1', 'd0'])
  })

  it('makes one alert of one camera track even when the sender changes message ids', () => {
    store.alerts.ingest([alert({ id: 'N1', trackId: 'T', at: NOW })])
    expect(store.alerts.ingest([alert({ id: 'N2', trackId: 'T', at: NOW + 60_000, score: 0.9 })])).toEqual(['N1'])
    // Much later the same track id is a new sighting; without a track, ids decide.
    store.alerts.ingest([alert({ id: 'N3', trackId: 'T', at: NOW + 60 * 60_000 }), alert({ id: 'N4', trackId: null, at: NOW })])
    expect(store.alerts.latest(10).map((a) => [a.id, a.messages]).sort()).toEqual([['N1', 2], ['N3', 1], ['N4', 1]])
  })

  it('counts within an area by its code, not by string accident', () => {
    // 440311-001 must not count grids of a street 440311-0010 would name; codes are segment-exact.
    expect(store.regions.countWithin('440311-001', 'grid')).toBe(2)
    expect(store.regions.countWithin('440311', 'grid')).toBe(3)
    expect(store.cameras.onlineCounts('440311-002')).toEqual({ online: 0, total: 0 })
    expect(store.cameras.onlineCounts('440311')).toEqual({ online: 1, total: 1 })
  })

  it('keeps the mode history, newest first', () => {
    expect(store.modes.current()).toBe('normal')
    store.modes.record({ at: NOW, mode: 'emergency', operator: 'd1', reason: '台风', incident: 'TY-1' })
    expect(store.modes.current()).toBe('emergency')
  })

  it('clears the district without touching operators and audit', () => {
    store.audit.append({ at: NOW, operatorId: null, username: 'x', action: 'auth.signIn', target: null, detail: null, outcome: 'refused' })
    store.alerts.ingest([alert()])
    store.clearDistrict()
    expect(store.regions.count()).toBe(0)
    expect(store.events.count()).toBe(0)
    expect(store.audit.latest(5)).toHaveLength(1)
  })
})
