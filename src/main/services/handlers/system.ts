import type { SystemStatus } from '@shared/api/types'
import { incidentBrief } from '@shared/domain/incident'
import { dueSoonMinutes } from '../../events/supervisionSettings'
import { taskNoReplyMinutes } from '../../tasks/noReplySettings'
import { metaKeys } from '../../store/metaKeys'
import type { HandlerDeps, HandlerGroup } from './deps'

export function buildStatus(d: HandlerDeps): SystemStatus {
  const { meta } = d.store
  const seed = meta.get(metaKeys.demoSeed)
  const districtCode = meta.get(metaKeys.districtCode)
  const incident = d.store.incidents.current()
  return {
    productName: d.productName,
    version: d.version,
    runtime: d.runtime,
    mode: d.store.modes.current(),
    incident: incident && incidentBrief(incident),
    dataAsOf: d.store.events.latestReportedAt(),
    serverTime: d.now(),
    district: districtCode ? { code: districtCode, name: meta.get(metaKeys.districtName) ?? districtCode } : null,
    demo:
      seed === null
        ? null
        : { seed: Number(seed), scale: Number(meta.get(metaKeys.demoScale) ?? 1), generatedAt: Number(meta.get(metaKeys.demoGeneratedAt) ?? 0) },
    ingest: d.ingestStatus?.() ?? null,
    supervision: { dueSoonMinutes: dueSoonMinutes(d.store) },
    tasks: { noReplyMinutes: taskNoReplyMinutes(d.store) }
  }
}

/** The status every wall carries (the normal / emergency switch is in ./incidents). */
export function systemHandlers(d: HandlerDeps): HandlerGroup<'system.status'> {
  return {
    'system.status': () => buildStatus(d)
  }
}
