import { metaKeys } from '../store/metaKeys'
import type { Store } from '../store/store'
import { DemoDisputes } from './events/disputes'
import { planDemoDistrict } from './generate'
import type { DemoOptions, DemoSummary } from './options'
import { Progress } from './progress'

/**
 * Replaces the district in the store with a freshly generated demo one. It all happens in one
 * transaction: a failure half-way leaves the previous district in place, and a wall reading the
 * store meanwhile sees either the old district or the new one, never a mix. Events are generated
 * and written a week at a time, so a million of them (scale 30) never sit in memory at once.
 */
export function loadDemoDistrict(store: Store, options: DemoOptions): DemoSummary {
  const started = performance.now()
  const progress = new Progress(options.onProgress)
  progress.report('clearing', 0, '清除旧数据', 'clearing the previous district')
  const summary = store.transaction((): DemoSummary => {
    store.clearDistrict()
    const { events: planner, ...base } = planDemoDistrict(options, progress.span(0.01, 0.1))
    const writing = progress.span(0.1, 0.15)
    writing.report('writing', 0, '写入区划', 'writing regions')
    store.regions.insertMany([base.district, ...base.streets, ...base.communities, ...base.grids])
    writing.report('writing', 0.3, '写入楼栋', 'writing buildings')
    store.buildings.insertMany(base.buildings)
    store.resources.insertPeople(base.people)
    writing.report('writing', 0.8, '写入摄像机和网格队伍', 'writing cameras and staff')
    store.cameras.insertMany(base.cameras)
    store.staff.insertMany(base.staff)
    store.resources.insertShelters(base.shelters)
    store.resources.insertSupplyPoints(base.supplyPoints)

    const eventProgress = progress.span(0.15, 0.99)
    let events = 0
    let transitions = 0
    const disputes = new DemoDisputes(options.seed)
    for (const chunk of planner.chunks()) {
      store.events.insertMany(chunk.events, chunk.transitions)
      store.disputes.insertMany(disputes.of(chunk.events))
      events += chunk.events.length
      transitions += chunk.transitions.length
      eventProgress.report('events', chunk.daysDone / chunk.totalDays, `生成并写入事件 ${events}/${planner.total}`, `events ${events}/${planner.total}`)
    }

    store.alerts.ingest(base.alerts)
    for (const a of base.alerts) {
      if (a.status === 'new') continue
      const action = a.status === 'acknowledged' ? 'acknowledge' : a.status === 'dispatched' ? 'dispatch' : 'dismiss'
      store.alerts.applyAction(a.id, action, a.handledBy ?? 'demo', a.handledAt ?? a.at, { dismissReason: a.dismissReason ?? undefined })
    }

    store.meta.set(metaKeys.demoSeed, String(options.seed))
    store.meta.set(metaKeys.demoScale, String(options.scale))
    store.meta.set(metaKeys.demoCenter, options.center.join(','))
    store.meta.set(metaKeys.demoGeneratedAt, String(options.now))
    store.meta.set(metaKeys.districtCode, base.district.code)
    store.meta.set(metaKeys.districtName, base.district.name)
    // Fresh statistics for the query planner (sampled, so it stays quick at a million events).
    store.db.pragma('analysis_limit = 1000')
    store.db.exec('ANALYZE')
    return {
      seed: options.seed,
      scale: options.scale,
      districtCode: base.district.code,
      districtName: base.district.name,
      streets: base.streets.length,
      communities: base.communities.length,
      grids: base.grids.length,
      buildings: base.buildings.length,
      cameras: base.cameras.length,
      staff: base.staff.length,
      alerts: base.alerts.length,
      events,
      transitions,
      elapsedMs: 0
    }
  })
  summary.elapsedMs = Math.round(performance.now() - started)
  progress.report('done', 1, '演示数据已生成', 'demo district ready')
  return summary
}
