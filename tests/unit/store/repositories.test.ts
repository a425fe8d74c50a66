import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Alert } from '@shared/domain/alert'
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

  const alert = (over: Partial<Alert> = {}): Alert => ({
    id: 'A1', cameraId: 'CAM-1', type: 'fireSmoke', score: 0.7, at: NOW, lon: 113.91, lat: 22.71, gridCode: '440311-001-01-001',
    status: 'new', eventId: null, snapshotUrl: null, zone: null, trackId: 't-9', ...over
  })

  it('keeps one alert per id when the same track is reported again', () => {
    store.alerts.upsert(alert())
    store.alerts.upsert(alert({ score: 0.93, snapshotUrl: 'snap/1.jpg' }))
    store.alerts.upsert(alert({ score: 0.5 }))
    expect(store.alerts.latest(10)).toHaveLength(1)
    expect(store.alerts.get('A1')).toMatchObject({ score: 0.93, snapshotUrl: 'snap/1.jpg', trackId: 't-9' })
    expect(store.alerts.countsByType(NOW - 1)).toEqual({ fireSmoke: 1 })
  })

  it('refuses an alert for a camera or grid it does not know (foreign keys are on)', () => {
    expect(() => store.alerts.upsert(alert({ id: 'A2', cameraId: 'CAM-404' }))).toThrow(/FOREIGN KEY/)
    expect(() => store.alerts.upsert(alert({ id: 'A3', gridCode: '440311-009-01-001' }))).toThrow(/FOREIGN KEY/)
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
    store.alerts.upsert(alert())
    store.clearDistrict()
    expect(store.regions.count()).toBe(0)
    expect(store.events.count()).toBe(0)
    expect(store.audit.latest(5)).toHaveLength(1)
  })
})
