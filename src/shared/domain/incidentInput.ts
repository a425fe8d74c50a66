import { z } from 'zod'
import { isRegionCode } from './gridCode'
import { incidentLevels, incidentTypes, MAX_RING_RADIUS_M, MAX_RINGS, MIN_RING_RADIUS_M } from './incident'

/** The dispatcher's inputs for entering and leaving emergency mode (mode.enter, mode.leave). */

const pointLocation = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    /** An address or a place name the dispatcher typed; absent: the grid's name and the point. */
    label: z.string().trim().min(1).max(100).optional()
  })
  .strict()
const gridLocation = z
  .object({
    gridCode: z
      .string()
      .max(32)
      .refine((c) => isRegionCode(c, 'grid'), { message: '须为网格编码 / must be a grid code' })
  })
  .strict()
const buildingLocation = z.object({ buildingId: z.string().trim().min(1).max(64) }).strict()

/** A WGS-84 point, a grid (its centroid) or a building (its point). */
export const incidentLocationSchema = z.union([pointLocation, gridLocation, buildingLocation])

/** 1–3 radii in whole metres, strictly ascending, 50 m–20 km. */
export const ringRadiiSchema = z
  .array(z.number().int().min(MIN_RING_RADIUS_M).max(MAX_RING_RADIUS_M))
  .min(1)
  .max(MAX_RINGS)
  .refine((r) => r.every((v, i) => i === 0 || v > r[i - 1]!), { message: '半径须由小到大 / radii must ascend' })

export const enterEmergencySchema = z
  .object({
    type: z.enum(incidentTypes),
    level: z.enum(incidentLevels),
    location: incidentLocationSchema,
    reason: z.string().trim().min(2).max(500),
    drill: z.boolean(),
    /** Absent: the type's default rings (defaultRingsM). */
    ringsM: ringRadiiSchema.optional()
  })
  .strict()
export type EnterEmergencyInput = z.output<typeof enterEmergencySchema>

export const leaveEmergencySchema = z.object({ summary: z.string().trim().min(2).max(1000) }).strict()
export type LeaveEmergencyInput = z.output<typeof leaveEmergencySchema>
