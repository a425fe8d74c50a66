import { z } from 'zod'
import { importMappingSchema } from './mapping'
import { importFileKinds } from './report'

/** At most this many bytes of files in one call (all files together, before base64). */
export const IMPORT_BYTES_MAX = 200 * 1024 * 1024
/** Base64 text of IMPORT_BYTES_MAX bytes. */
export const IMPORT_BASE64_MAX = Math.ceil(IMPORT_BYTES_MAX / 3) * 4
export const IMPORT_FILES_MAX = 12

/**
 * One file of `import.preview` / `import.apply`, sent whole as base64 in the call (IPC in
 * Electron, the JSON body in the browser host, whose body limit is raised for these two routes).
 */
export const importFileInputSchema = z
  .object({
    kind: z.enum(importFileKinds),
    name: z.string().trim().min(1).max(255),
    base64: z.string().max(IMPORT_BASE64_MAX)
  })
  .strict()

export const importInputSchema = z
  .object({
    /** Chosen by the caller: the `import` progress events carry it. */
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id: 1–64 letters, digits, _ or -'),
    files: z
      .array(importFileInputSchema)
      .min(1)
      .max(IMPORT_FILES_MAX)
      .refine((files) => files.reduce((n, f) => n + f.base64.length, 0) <= IMPORT_BASE64_MAX, {
        message: `文件合计超过 ${IMPORT_BYTES_MAX / 1024 / 1024} MB / the files exceed ${IMPORT_BYTES_MAX / 1024 / 1024} MB in all`
      }),
    mapping: importMappingSchema.optional()
  })
  .strict()
export type ImportInput = z.input<typeof importInputSchema>
