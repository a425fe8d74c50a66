import { ApiError } from '@shared/api/errors'
import type { DistrictMap, MapRegion, SystemStatus, Runtime, DataTopic } from '@shared/api/types'
import type { Region } from '@shared/domain/region'
import { DAY_MS, shanghaiDayStart } from '@shared/time'
import { metaKeys } from '../store/metaKeys'
import type { Store } from '../store/store'
import type { RegionRecord } from '../store/repositories/regions'
import type { AuthService } from './auth'
import type { Handlers } from './dispatcher'
import type { EventHub } from './events'
import { SessionRegistry } from './sessions'

export interface HandlerDeps {
  store: Store
  auth: AuthService
  sessions: SessionRegistry
  hub: EventHub
  runtime: Runtime
  productName: string
  version: string
  now: () => number
}

const toMapRegion = (r: RegionRecord): MapRegion => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parentCode,
  centroid: r.centroid,
  geometry: r.geometry
})

export function buildStatus(d: HandlerDeps): SystemStatus {
  const { meta } = d.store
  const seed = meta.get(metaKeys.demoSeed)
  const districtCode = meta.get(metaKeys.districtCode)
  return {
    productName: d.productName,
    version: d.version,
    runtime: d.runtime,
    mode: d.store.modes.current(),
    dataAsOf: d.store.events.latestReportedAt(),
    serverTime: d.now(),
    district: districtCode ? { code: districtCode, name: meta.get(metaKeys.districtName) ?? districtCode } : null,
    demo:
      seed === null
        ? null
        : { seed: Number(seed), scale: Number(meta.get(metaKeys.demoScale) ?? 1), generatedAt: Number(meta.get(metaKeys.demoGeneratedAt) ?? 0) }
  }
}

function requireRegion(store: Store, code: string): Region {
  const region = store.regions.get(code)
  if (!region) throw new ApiError('NOT_FOUND', `没有该区域 / no region with code ${code}`)
  return region
}

const notYet = (): never => {
  throw new ApiError('UNAVAILABLE', '该统计尚未实现 / not implemented yet')
}

/** The implementation of every method in the contract. Inputs arrive validated and role-checked. */
export function createHandlers(d: HandlerDeps): Handlers {
  const { store } = d
  const changed = (...topics: DataTopic[]): void => d.hub.emit('data', { topics })
  return {
    'system.status': () => buildStatus(d),

    'map.district': (): DistrictMap => {
      const regions = store.regions.withGeometry(['district', 'street', 'community', 'grid']).map(toMapRegion)
      const district = regions.find((r) => r.level === 'district')
      if (!district) throw new ApiError('UNAVAILABLE', '尚未载入辖区数据 / no district has been loaded yet')
      return {
        crs: 'WGS84',
        district,
        streets: regions.filter((r) => r.level === 'street'),
        communities: regions.filter((r) => r.level === 'community'),
        grids: regions.filter((r) => r.level === 'grid')
      }
    },

    'stats.summary': ({ areaCode }) => {
      const area = requireRegion(store, areaCode)
      const now = d.now()
      return {
        area: { code: area.code, name: area.name, level: area.level },
        grids: store.regions.countWithin(areaCode, 'grid'),
        buildings: store.buildings.riskCounts(areaCode),
        cameras: store.cameras.onlineCounts(areaCode),
        staffOnDuty: store.staff.onDutyCount(areaCode),
        events: store.events.countWithin(areaCode, shanghaiDayStart(now), now + 1)
      }
    },

    'stats.eventsByArea': ({ areaCode, days }) => {
      const area = requireRegion(store, areaCode)
      const until = d.now() + 1
      const since = shanghaiDayStart(until) - (days - 1) * DAY_MS
      const names = new Map(store.regions.children(areaCode).map((c) => [c.code, c.name]))
      const counts = new Map(store.events.countsByChild(areaCode, since, until).map((r) => [r.code, r]))
      return {
        area: { code: area.code, name: area.name, level: area.level },
        since,
        until,
        rows: [...names].map(([code, name]) => ({
          code,
          name,
          reported: counts.get(code)?.reported ?? 0,
          resolved: counts.get(code)?.resolved ?? 0
        }))
      }
    },

    'stats.kpis': notYet,
    'stats.trend': notYet,
    'stats.hourly': notYet,
    'stats.categories': notYet,
    'stats.sources': notYet,
    'stats.workerRanking': notYet,
    'stats.hotspots': notYet,
    'map.metrics': notYet,
    'region.gridDetail': notYet,
    'map.buildings': () => store.buildings.points(),
    'map.cameras': () => store.cameras.all(),
    'map.staffPositions': () => store.staff.positions(),
    'map.basemap': () => ({ kind: 'none', name: '辖区底图', crs: 'WGS84', tileUrl: null, minZoom: 8, maxZoom: 19, attribution: '' }),

    'auth.session': (_input, ctx) => ({ operator: ctx.operator }),

    'auth.signIn': async ({ username, password }, ctx) => {
      const operator = await d.auth.verify(username, password)
      const token = ctx.issuesTokens ? SessionRegistry.newToken() : null
      const key = token ?? ctx.sessionKey
      if (!key) throw new ApiError('INTERNAL', 'no session to sign in to')
      d.sessions.bind(key, operator.id)
      return { operator, token }
    },

    'auth.signOut': (_input, ctx) => {
      d.sessions.end(ctx.sessionKey)
      return null
    },

    'operators.list': () => store.operators.all(),

    'operators.create': async (input) => {
      const op = await d.auth.create(input)
      changed('operators')
      return op
    },

    'audit.latest': ({ limit }) => store.audit.latest(limit),

    'mode.set': ({ mode, reason, incident }, ctx) => {
      const change = store.modes.record({ at: d.now(), mode, operator: ctx.operator!.username, reason, incident })
      d.hub.emit('status', buildStatus(d))
      changed('mode')
      return change
    }
  }
}
