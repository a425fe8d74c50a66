/**
 * An area as a range of codes: every code of the area itself and of everything inside it lies in
 * [code, code + '.'), because '.' is the character after '-' and codes are digits and dashes.
 * `440311-001` covers `440311-001` and `440311-001-…` but not `440311-0010`. A range, unlike
 * `LIKE code || '-%'`, is searched in an index.
 */
export interface CodeRange {
  lo: string
  hi: string
}

export const codeRange = (areaCode: string): CodeRange => ({ lo: areaCode, hi: `${areaCode}.` })

/** The SQL condition "column lies in the area", with parameters @lo and @hi. */
export const inRange = (column: string): string => `${column} >= @lo AND ${column} < @hi`
