import type { RegionLevel } from './region'

/**
 * Grid codes (002 plan 6): administrative division code + level code + sequence.
 *   district  440311
 *   street    440311-003
 *   community 440311-003-02
 *   grid      440311-003-02-017
 *   subgrid   440311-003-02-017-01
 */
export interface RegionCodeParts {
  level: RegionLevel
  district: string
  street?: number
  community?: number
  grid?: number
  subgrid?: number
}

const segmentWidths = [6, 3, 2, 3, 2] as const
const levelsByDepth: RegionLevel[] = ['district', 'street', 'community', 'grid', 'subgrid']
const codePattern = /^(\d{6})(?:-(\d{3})(?:-(\d{2})(?:-(\d{3})(?:-(\d{2}))?)?)?)?$/

export class RegionCodeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RegionCodeError'
  }
}

/** Parses a region code; throws RegionCodeError with the reason when it is malformed. */
export function parseRegionCode(code: string): RegionCodeParts {
  const m = codePattern.exec(code)
  if (!m) {
    throw new RegionCodeError(
      `区划编码格式错误 / malformed region code "${code}": expected 440311[-003[-02[-017[-01]]]]`
    )
  }
  const [, district, ...rest] = m
  const numbers = rest.filter((s): s is string => s !== undefined).map(Number)
  if (numbers.some((n) => n === 0)) {
    throw new RegionCodeError(`区划编码序号不能为 0 / sequence numbers start at 1 in "${code}"`)
  }
  const parts: RegionCodeParts = { level: levelsByDepth[numbers.length]!, district: district! }
  ;[parts.street, parts.community, parts.grid, parts.subgrid] = numbers
  return parts
}

export function isRegionCode(code: string, level?: RegionLevel): boolean {
  try {
    const parts = parseRegionCode(code)
    return level === undefined || parts.level === level
  } catch {
    return false
  }
}

/** Formats parts into a code; the level is given by the deepest sequence present. */
export function formatRegionCode(parts: Omit<RegionCodeParts, 'level'>): string {
  if (!/^\d{6}$/.test(parts.district)) {
    throw new RegionCodeError(`行政区划代码须为 6 位数字 / district code must be 6 digits: "${parts.district}"`)
  }
  const seq = [parts.street, parts.community, parts.grid, parts.subgrid]
  const out = [parts.district]
  for (let i = 0; i < seq.length; i++) {
    const n = seq[i]
    if (n === undefined) {
      if (seq.slice(i + 1).some((v) => v !== undefined)) {
        throw new RegionCodeError('区划编码层级不连续 / a lower level needs every level above it')
      }
      break
    }
    const width = segmentWidths[i + 1]!
    if (!Number.isInteger(n) || n < 1 || n >= 10 ** width) {
      throw new RegionCodeError(`序号超出范围 / sequence ${n} does not fit ${width} digits`)
    }
    out.push(String(n).padStart(width, '0'))
  }
  return out.join('-')
}

/** The code of the region one level up, or null for a district. */
export function parentRegionCode(code: string): string | null {
  parseRegionCode(code)
  const i = code.lastIndexOf('-')
  return i < 0 ? null : code.slice(0, i)
}

/** The code of the ancestor at the given level (the code itself when it is at that level). */
export function ancestorCode(code: string, level: RegionLevel): string {
  const depth = levelsByDepth.indexOf(level)
  const segments = code.split('-')
  if (depth >= segments.length) {
    throw new RegionCodeError(`"${code}" has no ${level} ancestor`)
  }
  return segments.slice(0, depth + 1).join('-')
}
