/** Matching of the incident location's search (places.search; the form's grid suggestions). Pure. */

/** Longest query places.search takes. */
export const PLACE_QUERY_MAX = 50
/** Most places it answers with; the default. */
export const PLACE_LIMIT_MAX = 50
export const PLACE_LIMIT_DEFAULT = 20

/**
 * Grids whose name or code contains the query (case-insensitive; all of them for an empty one),
 * those that start with it first, else in the given order; at most `limit`.
 */
export function matchGrids<G extends { code: string; name: string }>(grids: readonly G[], query: string, limit: number): G[] {
  const q = query.trim().toLowerCase()
  if (!q) return grids.slice(0, limit)
  const starts: G[] = []
  const contains: G[] = []
  for (const g of grids) {
    const name = g.name.toLowerCase()
    const code = g.code.toLowerCase()
    if (name.startsWith(q) || code.startsWith(q)) starts.push(g)
    else if (name.includes(q) || code.includes(q)) contains.push(g)
  }
  return [...starts, ...contains].slice(0, limit)
}
