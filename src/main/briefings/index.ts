import type { BriefingProgress } from '@shared/briefing/spec'
import type { Capturer } from './capturer'
import { BriefingScheduler, type ScheduledRun, type SetTimer } from './scheduler'
import { BriefingService } from './service'

export type { Capturer } from './capturer'
export { BriefingService } from './service'
export { BriefingScheduler } from './scheduler'

/** What a runtime gives the core to render briefings: its capturer and its own page URL. */
export interface BriefingCapture {
  capturer: Capturer
  /** The renderer's URL with `?<query>` (and the access token where the host has one). */
  pageUrl: (query: string) => string
}

export interface Briefings {
  service: BriefingService
  scheduler: BriefingScheduler
  /** Stops the schedule and the capturer (an export in progress fails), then waits for both to settle. */
  stop(): Promise<void>
}

export interface BriefingsOptions {
  dataDir: string
  /** Absent: exports are UNAVAILABLE and nothing is scheduled (tests, tools). */
  capture?: BriefingCapture
  progress: (p: BriefingProgress) => void
  areaExists: (code: string) => boolean
  districtCode: () => string | null
  /** A scheduled run, for the audit log. */
  recordRun: (run: ScheduledRun) => void
  log: (line: string) => void
  now: () => number
  setTimer?: SetTimer
}

/** The briefing service and, when the runtime can render, its schedule (started here). */
export function startBriefings(o: BriefingsOptions): Briefings {
  // The service reads the retention from the schedule (called only after both exist), which exports through the service.
  const service = new BriefingService({
    dataDir: o.dataDir,
    capturer: o.capture?.capturer ?? null,
    pageUrl: o.capture?.pageUrl ?? ((query) => `/?${query}`),
    progress: o.progress,
    areaExists: o.areaExists,
    log: o.log,
    now: o.now,
    keepDays: (): number => schedule.keepDays()
  })
  const schedule = new BriefingScheduler({
    dataDir: o.dataDir,
    exportBriefing: (request) => service.export(request, null, true),
    districtCode: o.districtCode,
    ran: o.recordRun,
    configured: () => service.prune(),
    log: o.log,
    now: o.now,
    ...(o.setTimer ? { setTimer: o.setTimer } : {})
  })
  if (o.capture) {
    schedule.start()
    service.prune()
  }
  return {
    service,
    scheduler: schedule,
    async stop() {
      const scheduleStopped = schedule.stop()
      await service.close()
      await scheduleStopped
    }
  }
}
