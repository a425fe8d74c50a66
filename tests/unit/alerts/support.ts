import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultFrigateRules, frigateMappingSchema, type FrigateMapping } from '@shared/alerts/payloads'
import type { ParseContext } from '../../../src/main/alerts/parse'
import type { IncomingMessage } from '../../../src/main/alerts/types'

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
