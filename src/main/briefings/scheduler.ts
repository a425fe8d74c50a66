import { nextBriefingAt, type BriefingSchedule, type BriefingScheduleInfo } from '@shared/briefing/schedule'
import type { BriefingExportInput, BriefingRecord } from '@shared/briefing/spec'
import { formatShanghaiDateTime, MINUTE_MS } from '@shared/time'
import { loadBriefingSchedule, saveBriefingSchedule, type LoadedSchedule } from './scheduleFile'

/** Starts a timer; returns the way to cancel it. */
export type SetTimer = (fire: () => void, ms: number) => () => void

/** Real timers, not holding the process open. */
export const realTimer: SetTimer = (fire, ms) => {
  const t = setTimeout(fire, ms)
  t.unref()
  return () => clearTimeout(t)
}

/** Waits are re-checked at least this often, so a clock change or a sleeping machine is noticed. */
export const MAX_WAIT_MS = 5 * MINUTE_MS

export interface ScheduledRun {
  /** The time of day it ran for (epoch ms). */
  slot: number
  at: number
  ok: boolean
  files: string[]
  message: string | null
}

export interface BriefingSchedulerDeps {
  dataDir: string
  /** The service's export, as a scheduled briefing (no operator). */
  exportBriefing: (request: BriefingExportInput) => Promise<BriefingRecord>
  /** The district (root of the region tree), the area when the schedule names none. */
  districtCode: () => string | null
  /** A finished run, for the audit log. */
  ran?: (run: ScheduledRun) => void
  /** After configure() saved a new schedule (its keepDays may remove old briefings now). */
  configured?: () => void
  log: (line: string) => void
  now: () => number
  setTimer?: SetTimer
}

/**
 * Scheduled briefings: at each time of `<dataDir>/briefings.json` (Asia/Shanghai), one export per
 * target. Never two runs at once (a time that comes while one runs is skipped and logged); a failed
 * run is logged and recorded, and the next time still fires. configure() writes the file and
 * reschedules; stop() cancels the timer.
 */
export class BriefingScheduler {
  private loaded: LoadedSchedule
  private readonly setTimer: SetTimer
  private cancel: (() => void) | null = null
  private nextAt: number | null = null
  /** The last time of day that fired: the next one is after it, even if the clock is early. */
  private lastSlot = 0
  private running: Promise<void> | null = null
  private lastRun: ScheduledRun | null = null
  private stopped = true

  constructor(private readonly d: BriefingSchedulerDeps) {
    this.setTimer = d.setTimer ?? realTimer
    this.loaded = loadBriefingSchedule(d.dataDir)
  }

  start(): void {
    this.stopped = false
    this.loaded = loadBriefingSchedule(this.d.dataDir)
    if (this.loaded.error) this.d.log(`[briefings] schedule not in force: ${this.loaded.error}`)
    this.arm()
  }

  info(): BriefingScheduleInfo {
    const last = this.lastRun
    return {
      config: this.loaded.config,
      path: this.loaded.path,
      error: this.loaded.error,
      nextAt: this.nextAt,
      running: this.running !== null,
      lastRun: last && { at: last.at, ok: last.ok, files: last.files, message: last.message }
    }
  }

  /** Saves the schedule to the file and schedules from it. */
  configure(config: BriefingSchedule): BriefingScheduleInfo {
    saveBriefingSchedule(this.d.dataDir, config)
    this.loaded = { config, path: this.loaded.path, error: null }
    this.d.log(`[briefings] schedule ${config.enabled ? `at ${config.times.join(', ') || '(no times)'}` : 'disabled'} (Asia/Shanghai)`)
    this.arm()
    this.d.configured?.()
    return this.info()
  }

  /** How many days exported briefings are kept: 0 (all) while the file is refused, as nothing is in force then. */
  keepDays(): number {
    return this.loaded.error ? 0 : this.loaded.config.keepDays
  }

  /** Cancels the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true
    this.disarm()
    await this.running
  }

  private disarm(): void {
    this.cancel?.()
    this.cancel = null
    this.nextAt = null
  }

  private arm(): void {
    this.disarm()
    const { config, error } = this.loaded
    if (this.stopped || error || !config.enabled) return
    const next = nextBriefingAt(config.times, Math.max(this.d.now(), this.lastSlot))
    if (next === null) return
    this.nextAt = next
    this.wait(next)
  }

  private wait(next: number): void {
    this.cancel = this.setTimer(
      () => {
        this.cancel = null
        if (this.d.now() < next) this.wait(next)
        else this.fire(next)
      },
      Math.min(MAX_WAIT_MS, Math.max(0, next - this.d.now()))
    )
  }

  private fire(slot: number): void {
    this.lastSlot = slot
    if (this.running) {
      this.d.log(`[briefings] ${formatShanghaiDateTime(slot)}: skipped, the previous scheduled run is still going`)
    } else {
      const config = this.loaded.config
      this.running = this.run(slot, config).finally(() => {
        this.running = null
      })
    }
    this.arm()
  }

  private async run(slot: number, config: BriefingSchedule): Promise<void> {
    const files: string[] = []
    const problems: string[] = []
    const areaCode = config.areaCode ?? this.d.districtCode()
    if (areaCode === null) problems.push('没有辖区 / no district loaded')
    for (const target of config.targets) {
      if (areaCode === null) break
      try {
        const record = await this.d.exportBriefing({
          target,
          width: config.width,
          height: config.height,
          areaCode,
          classification: config.classification,
          blurSnapshots: config.blurSnapshots,
          locale: config.locale
        })
        files.push(record.file)
      } catch (err) {
        problems.push(`${target.kind === 'wall' ? 'wall' : `panel ${target.panel}`}: ${(err as Error).message}`)
      }
    }
    const run: ScheduledRun = { slot, at: this.d.now(), ok: problems.length === 0, files, message: problems.length ? problems.join('; ') : null }
    this.lastRun = run
    const when = formatShanghaiDateTime(slot)
    this.d.log(run.ok ? `[briefings] scheduled ${when}: ${files.join(', ')}` : `[briefings] scheduled ${when} failed: ${run.message}`)
    try {
      this.d.ran?.(run)
    } catch (err) {
      this.d.log(`[briefings] could not record the scheduled run: ${(err as Error).message}`)
    }
  }
}
