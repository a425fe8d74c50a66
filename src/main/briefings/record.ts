import { z } from 'zod'
import {
  briefingAreaCodeSchema,
  briefingHeightSchema,
  briefingIdSchema,
  briefingLocales,
  briefingTargetSchema,
  briefingWidthSchema,
  type BriefingRecord
} from '@shared/briefing/spec'

/** A sidecar `<name>.json` as written next to its PNG; anything else in the folder is not history. */
export const briefingRecordSchema = z
  .object({
    id: briefingIdSchema,
    file: z.string().min(1).max(200),
    target: briefingTargetSchema,
    width: briefingWidthSchema,
    height: briefingHeightSchema,
    areaCode: briefingAreaCodeSchema,
    classification: z.string().max(200),
    blurSnapshots: z.boolean(),
    locale: z.enum(briefingLocales),
    generatedAt: z.number().int().min(0),
    operator: z.string().max(64).nullable(),
    scheduled: z.boolean(),
    bytes: z.number().int().min(0),
    durationMs: z.number().min(0)
  })
  .strict() satisfies z.ZodType<BriefingRecord>
