import type { DisputeCounts, DisputeRow } from '@shared/api/disputeTypes'
import { compareDisputes } from '@shared/domain/dispute'
import { areaRef, requireRegion, type HandlerDeps, type HandlerGroup } from './deps'

/**
 * Dispute early warning (docs/EVENTS.md): the area's open disputes graded by the shared rule, most
 * serious first, with exact counts per level. Every open dispute of the area is read from its
 * partial index and graded (a few thousand at a million events); only the first `limit` are
 * completed with their event row.
 */
export function disputeHandlers(d: HandlerDeps): HandlerGroup<'events.disputes'> {
  const { store } = d
  return {
    'events.disputes': ({ areaCode, limit }) => {
      const area = areaRef(requireRegion(store, areaCode))
      const now = d.now()
      const open = store.disputes.openWithin(areaCode).sort(compareDisputes)
      const counts: DisputeCounts = { red: 0, orange: 0, yellow: 0, ungraded: 0 }
      for (const o of open) counts[o.warningLevel ?? 'ungraded']++
      const rows: DisputeRow[] = []
      for (const o of open.slice(0, limit)) {
        const event = store.events.row(o.id)
        if (event) rows.push({ ...event, facts: o.facts, warningLevel: o.warningLevel, ageMs: now - event.reportedAt })
      }
      return { area, asOf: now, rows, counts, total: open.length }
    }
  }
}
