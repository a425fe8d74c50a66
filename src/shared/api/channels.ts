/**
 * The names that cross a process boundary, without their schemas, so the preload can stay a
 * small bundle. contract.ts checks that it defines exactly these methods.
 */
export const apiMethodNames = [
  'system.status',
  'map.district',
  'stats.summary',
  'stats.eventsByArea',
  'stats.kpis',
  'stats.trend',
  'stats.hourly',
  'stats.categories',
  'stats.sources',
  'stats.workerRanking',
  'stats.hotspots',
  'stats.heat',
  'stats.hourWeekday',
  'stats.hotDemands',
  'map.metrics',
  'map.buildings',
  'map.cameras',
  'map.staffPositions',
  'map.basemap',
  'places.search',
  'region.gridDetail',
  'auth.session',
  'auth.signIn',
  'auth.signOut',
  'operators.list',
  'operators.create',
  'audit.latest',
  'mode.enter',
  'mode.leave',
  'incidents.current',
  'incidents.rings',
  'tasks.dispatch',
  'tasks.list',
  'tasks.configure',
  'alerts.latest',
  'alerts.get',
  'alerts.counts',
  'alerts.acknowledge',
  'alerts.dispatch',
  'alerts.dismiss',
  'alerts.quarantine',
  'alerts.brokerSettings',
  'alerts.configureBroker',
  'events.supervision',
  'events.list',
  'events.get',
  'events.act',
  'events.configureSupervision',
  'events.disputes',
  'briefings.export',
  'briefings.list',
  'briefings.schedule',
  'briefings.configure',
  'import.preview',
  'import.apply'
] as const
export type ApiMethodName = (typeof apiMethodNames)[number]

export const apiEventNames = ['status', 'data', 'alerts', 'briefing', 'import'] as const
export type ApiEventName = (typeof apiEventNames)[number]

/** Electron IPC channels. */
export const IPC_CALL = 'gcc:call'
export const IPC_EVENT = 'gcc:event'

/** Browser-host routes. */
export const HTTP_API_PREFIX = '/api/'
export const WS_EVENTS_PATH = '/api/events'
export const ACCESS_TOKEN_HEADER = 'x-gcc-access-token'
export const SESSION_HEADER = 'authorization'
