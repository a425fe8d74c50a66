import { z } from 'zod'
import { DAY_MS, MINUTE_MS, shanghaiDayStart } from '../time'
import {
  briefingAreaCodeSchema,
  briefingClassificationSchema,
  briefingHeightSchema,
  briefingLocales,
  briefingTargetSchema,
  briefingWidthSchema,
  DEFAULT_BRIEFING_CLASSIFICATION
} from './spec'

/**
 * Scheduled briefings (`<dataDir>/briefings.json`, docs/BRIEFINGS.md): at each time of day in
 * Asia/Shanghai (a fixed UTC+08:00, no daylight saving time), one image per target.
 */

export const briefingTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式须为 HH:MM（上海时间）/ a time is HH:MM, Shanghai time')

export const BRIEFING_SCHEDULE_TIMES_MAX = 24
export const BRIEFING_SCHEDULE_TARGETS_MAX = 8
export const DEFAULT_BRIEFING_KEEP_DAYS = 180
export const BRIEFING_KEEP_DAYS_MAX = 3650

export const briefingScheduleSchema = z
  .object({
    enabled: z.boolean().default(true),
    times: z
      .array(briefingTimeSchema)
      .max(BRIEFING_SCHEDULE_TIMES_MAX)
      .refine((t) => new Set(t).size === t.length, { message: '时间不能重复 / the times must differ' })
      .default(['08:00', '20:00']),
    targets: z.array(briefingTargetSchema).min(1).max(BRIEFING_SCHEDULE_TARGETS_MAX).default([{ kind: 'wall' }]),
    width: briefingWidthSchema.default(1920),
    height: briefingHeightSchema.default(1080),
    /** null: the district (the root of the region tree) at the time of each export. */
    areaCode: briefingAreaCodeSchema.nullable().default(null),
    classification: briefingClassificationSchema.default(DEFAULT_BRIEFING_CLASSIFICATION),
    blurSnapshots: z.boolean().default(true),
    locale: z.enum(briefingLocales).default('zh-CN'),
    /** Exported briefings (manual and scheduled) older than this many days are removed; 0 keeps them all. */
    keepDays: z.number().int().min(0).max(BRIEFING_KEEP_DAYS_MAX).default(DEFAULT_BRIEFING_KEEP_DAYS)
  })
  .strict()
export type BriefingSchedule = z.output<typeof briefingScheduleSchema>
export type BriefingScheduleInput = z.input<typeof briefingScheduleSchema>

/** Minutes after Shanghai midnight of an "HH:MM". */
const minuteOfDay = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** The first time of day strictly after `after` (epoch ms), or null when there are none. */
export function nextBriefingAt(times: readonly string[], after: number): number | null {
  if (times.length === 0) return null
  const today = shanghaiDayStart(after)
  let best: number | null = null
  for (const time of times) {
    let at = today + minuteOfDay(time) * MINUTE_MS
    if (at <= after) at += DAY_MS
    if (best === null || at < best) best = at
  }
  return best
}

/** What `briefings.schedule` answers. */
export interface BriefingScheduleInfo {
  /** The settings in force (the defaults when the file is missing). */
  config: BriefingSchedule
  /** `<dataDir>/briefings.json`. */
  path: string
  /** Why the file was refused (then nothing is scheduled until it is fixed or configured). */
  error: string | null
  /** The next scheduled export (epoch ms), or null when disabled, refused or without times. */
  nextAt: number | null
  /** A scheduled run is in progress. */
  running: boolean
  /** The last scheduled run since start-up. */
  lastRun: { at: number; ok: boolean; files: string[]; message: string | null } | null
}
