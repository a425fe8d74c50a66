import type { SystemStatus } from '@shared/api/types'
import { dueSoonMinutes } from '../../events/supervisionSettings'
import { metaKeys } from '../../store/metaKeys'
import { notifyChanged, type HandlerDeps, type HandlerGroup } from './deps'

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
        : { seed: Number(seed), scale: Number(meta.get(metaKeys.demoScale) ?? 1), generatedAt: Number(meta.get(metaKeys.demoGeneratedAt) ?? 0) },
    ingest: d.ingestStatus?.() ?? null,
    supervision: { dueSoonMinutes: dueSoonMinutes(d.store) }
  }
}

/** Status and the normal / emergency switch. */
export function systemHandlers(d: HandlerDeps): HandlerGroup<'system.status' | 'mode.set'> {
  return {
    'system.status': () => buildStatus(d),

    'mode.set': ({ mode, reason, incident }, ctx) => {
      const change = d.store.modes.record({ at: d.now(), mode, operator: ctx.operator!.username, reason, incident })
      d.hub.emit('status', buildStatus(d))
      notifyChanged(d, 'mode')
      return change
    }
  }
}
