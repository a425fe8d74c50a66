import { formatRegionCode, isRegionCode } from '@shared/domain/gridCode'

/** Segment widths of undashed codes: our own (6-3-2-3-2) and the statistics bureau's (6-3-3-3), by total length. */
const undashed: Record<number, readonly number[]> = {
  6: [6],
  9: [6, 3],
  11: [6, 3, 2],
  12: [6, 3, 3],
  14: [6, 3, 2, 3],
  15: [6, 3, 3, 3],
  16: [6, 3, 2, 3, 2]
}

/**
 * A region code in our form (`440311-003-02-017`) from a property or cell: our form itself, or
 * the same digits without dashes (DataV's numeric `adcode` 440311, a street's 440311003, the
 * statistics bureau's 12-digit community code when its sequence fits two digits). Null when it
 * is neither.
 */
export function normaliseRegionCode(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) value = String(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (isRegionCode(text)) return text
  const widths = /^\d+$/.test(text) ? undashed[text.length] : undefined
  if (!widths) return null
  const parts: number[] = []
  let at = 6
  for (const w of widths.slice(1)) {
    parts.push(Number(text.slice(at, at + w)))
    at += w
  }
  try {
    const [street, community, grid, subgrid] = parts
    const code = formatRegionCode({ district: text.slice(0, 6), street, community, grid, subgrid })
    return isRegionCode(code) ? code : null
  } catch {
    return null
  }
}
