import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultFrigateRules, frigateMappingSchema, type FrigateMapping } from '@shared/alerts/payloads'
import type { ParseContext } from '../../../src/main/alerts/parse'
import type { IncomingMessage, RoutedAlert } from '../../../src/main/alerts/types'
import { Store } from '../../../src/main/store/store'
import { loadMiniDistrict } from '../../support/miniDistrict'
import { tempDir } from '../../support/tempDir'

/** Helpers shared by the alert tests: a context with two cameras, messages, valid payloads. */

/** 2026-11-22 14:30 in Shanghai. */
export const NOW = Date.UTC(2026, 10, 22, 6, 30)
export const CAMERAS = ['CAM000001', 'CAM000002'] as const

export const testMapping: FrigateMapping = frigateMappingSchema.parse({
  snapshotUrlTemplate: 'http://frigate:5000/api/events/{id}/snapshot.jpg',
  cameras: { front_door: 'CAM000001', gate: 'CAM000002', ghost: 'CAM999999' },
  rules: [...defaultFrigateRules, { label: 'person', zones: ['driveway'], type: 'intrusion' }]
})

export function context(now = NOW, mapping: FrigateMapping = testMapping): ParseContext {
  const known = new Set<string>(CAMERAS)
  return { now: () => now, cameraExists: (id) => known.has(id), frigate: mapping }
}

const encoder = new TextEncoder()

export function message(topic: string, payload: string | Uint8Array | object, receivedAt = NOW): IncomingMessage {
  const bytes =
    payload instanceof Uint8Array ? payload : encoder.encode(typeof payload === 'string' ? payload : JSON.stringify(payload))
  return { topic, payload: bytes, receivedAt }
}

/** A valid native payload for CAM000001, with overrides. */
export function nativePayload(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'a-0001',
    cameraId: 'CAM000001',
    type: 'intrusion',
    score: 0.91,
    time: '2026-11-22T14:29:30+08:00',
    location: { lon: 113.94, lat: 22.76, crs: 'WGS84' },
    snapshotUrl: 'https://nvr.example/snap/a-0001.jpg',
    zone: 'restricted',
    trackId: 't-17',
    ...over
  }
}

export function frigateFixture(name: 'events-update' | 'reviews-update'): Record<string, any> {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/frigate', `${name}.doc.json`), 'utf8'))
}

/** The time of the Frigate documentation's example, as a "now" a few seconds after it. */
export const FRIGATE_DOC_NOW = 1607123970_000

/** A store on a temporary file with the mini district and two cameras (CAM-1 in grid …-001-01-001, CAM-2 in …-002-01-001). */
export function miniAlertStore(now: number): { store: Store; path: string; close: () => void } {
  const t = tempDir()
  const path = join(t.dir, 'gcc.sqlite3')
  const store = Store.open(path)
  loadMiniDistrict(store, now)
  store.cameras.insertMany([
    { id: 'CAM-1', name: '一号路口', site: 'mainRoad', gridCode: GRID_1.gridCode, lon: 113.91, lat: 22.71, online: true },
    { id: 'CAM-2', name: '二号门岗', site: 'checkpoint', gridCode: GRID_2.gridCode, lon: 114.05, lat: 22.75, online: true }
  ])
  return {
    store,
    path,
    close: () => {
      store.close()
      t.remove()
    }
  }
}

const GRID_1 = { gridCode: '440311-001-01-001', communityCode: '440311-001-01', streetCode: '440311-001' }
const GRID_2 = { gridCode: '440311-002-01-001', communityCode: '440311-002-01', streetCode: '440311-002' }

/** A routed sighting from CAM-1 (or from CAM-2 with `camera: 2`) at `at`, with overrides. */
export function sighting(id: string, at: number, over: Partial<RoutedAlert> & { camera?: 1 | 2 } = {}): RoutedAlert {
  const { camera = 1, ...rest } = over
  const place = camera === 1 ? { cameraId: 'CAM-1', lon: 113.91, lat: 22.71, ...GRID_1 } : { cameraId: 'CAM-2', lon: 114.05, lat: 22.75, ...GRID_2 }
  return { id, at, format: 'native', type: 'fireSmoke', score: 0.7, position: null, snapshotUrl: null, zone: null, trackId: null, ended: false, ...place, ...rest }
}
