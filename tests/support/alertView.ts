import type { AlertView } from '@shared/api/alertTypes'

/** An alert as the wall receives it, for renderer tests: a new intrusion in grid 440311-001-01-001, with overrides. */
export function alertView(id: string, over: Partial<AlertView> = {}): AlertView {
  const at = over.at ?? Date.UTC(2026, 10, 22, 6, 0)
  return {
    id,
    cameraId: 'cam-1',
    type: 'intrusion',
    score: 0.874,
    at,
    lon: 114,
    lat: 22.5,
    gridCode: '440311-001-01-001',
    status: 'new',
    eventId: null,
    snapshotUrl: null,
    zone: null,
    trackId: null,
    cameraName: '民治大道与人民路口',
    gridName: '第一网格',
    communityCode: '440311-001-01',
    streetCode: '440311-001',
    format: 'native',
    messages: 1,
    lastSeenAt: at,
    ended: false,
    handledBy: null,
    handledAt: null,
    dismissReason: null,
    dismissNote: null,
    ...over
  }
}
