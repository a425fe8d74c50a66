import { z } from 'zod'
import { isRegionCode } from '../domain/gridCode'

/**
 * What a briefing image shows (docs/BRIEFINGS.md): the whole wall or one panel, at a size up to the
 * widest wall (7680×2160), with a header band. The main process builds the spec; the renderer's
 * briefing page decodes and validates it with the same schema before it draws.
 */

export const BRIEFING_MIN_WIDTH = 640
export const BRIEFING_MAX_WIDTH = 7680
export const BRIEFING_MIN_HEIGHT = 360
export const BRIEFING_MAX_HEIGHT = 2160
export const BRIEFING_CLASSIFICATION_MAX = 40
export const DEFAULT_BRIEFING_CLASSIFICATION = '内部资料 注意保密'
export const briefingLocales = ['zh-CN', 'en-US'] as const
export type BriefingLocale = (typeof briefingLocales)[number]

export const briefingAreaCodeSchema = z
  .string()
  .max(32)
  .refine((c) => isRegionCode(c), { message: '区划编码格式错误 / malformed region code' })

export const briefingTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wall') }).strict(),
  z
    .object({
      kind: z.literal('panel'),
      panel: z
        .string()
        .min(1)
        .max(40)
        .regex(/^[a-zA-Z]+$/, '面板名只能包含字母 / a panel name has letters only')
    })
    .strict()
])
export type BriefingTarget = z.output<typeof briefingTargetSchema>

export const briefingWidthSchema = z.number().int().min(BRIEFING_MIN_WIDTH).max(BRIEFING_MAX_WIDTH)
export const briefingHeightSchema = z.number().int().min(BRIEFING_MIN_HEIGHT).max(BRIEFING_MAX_HEIGHT)
export const briefingClassificationSchema = z.string().trim().max(BRIEFING_CLASSIFICATION_MAX)

/** An id that is also a file stem: letters, digits, `-` and `_`. */
export const briefingIdSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9_-]+$/, '简报编号只能包含字母、数字、- 和 _ / a briefing id has letters, digits, - and _ only')

export const briefingSpecSchema = z
  .object({
    id: briefingIdSchema,
    target: briefingTargetSchema,
    width: briefingWidthSchema,
    height: briefingHeightSchema,
    areaCode: briefingAreaCodeSchema,
    classification: briefingClassificationSchema.default(DEFAULT_BRIEFING_CLASSIFICATION),
    /** The operator's display name; null for a scheduled briefing. */
    operator: z.string().max(64).nullable(),
    blurSnapshots: z.boolean(),
    generatedAt: z.number().int().min(0),
    scheduled: z.boolean(),
    locale: z.enum(briefingLocales)
  })
  .strict()
export type BriefingSpec = z.output<typeof briefingSpecSchema>

/** The input of `briefings.export`: what the operator chooses; the rest comes from the session and the clock. */
export const briefingExportInputSchema = z
  .object({
    target: briefingTargetSchema,
    width: briefingWidthSchema,
    height: briefingHeightSchema,
    areaCode: briefingAreaCodeSchema,
    classification: briefingClassificationSchema.optional(),
    blurSnapshots: z.boolean().optional(),
    locale: z.enum(briefingLocales).optional()
  })
  .strict()
export type BriefingExportInput = z.input<typeof briefingExportInputSchema>

/** One exported image, as the history lists it (the `<name>.json` sidecar next to `<name>.png`). */
export interface BriefingRecord {
  /** The file stem, also the id in the `briefing` progress events. */
  id: string
  /** `<id>.png`, served on `/briefings/<file>`. */
  file: string
  target: BriefingTarget
  width: number
  height: number
  areaCode: string
  classification: string
  blurSnapshots: boolean
  locale: BriefingLocale
  generatedAt: number
  /** Display name of the operator who asked; null for a scheduled briefing. */
  operator: string | null
  scheduled: boolean
  bytes: number
  durationMs: number
}

export const briefingPhases = ['queued', 'rendering', 'writing', 'done', 'failed'] as const
export type BriefingPhase = (typeof briefingPhases)[number]

/** The `briefing` push event: an export's progress, for the wall's dialog and history. */
export interface BriefingProgress {
  id: string
  phase: BriefingPhase
  /** Why it failed (phase `failed`). */
  message?: string
  /** The finished record (phase `done`). */
  record?: BriefingRecord
}

/** Where both runtimes serve the images: `/briefings/<file>` (host) and `app://gcc/briefings/<file>` (Electron). */
export const BRIEFING_FILES_PATH = '/briefings/'

/** The path of an exported image, relative to the page's origin (the host adds `?access_token=` when it has one). */
export const briefingFilePath = (file: string): string => `${BRIEFING_FILES_PATH}${encodeURIComponent(file)}`
