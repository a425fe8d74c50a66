/** Tile coordinates as our /tiles/{z}/{x}/{y} routes take them (XYZ, row 0 at the north). */
export interface TileCoord {
  z: number
  x: number
  y: number
}

/** Deepest zoom level we accept on the routes (OL and every server we know stop well before). */
export const MAX_TILE_ZOOM = 22

const DIGITS = /^\d{1,8}$/

/**
 * Parses and validates z/x/y from a route: decimal integers only (no signs, exponents, spaces
 * or extensions), z in 0–22, x and y in 0..2^z−1. Null for anything else.
 */
export function parseTileCoord(z: string, x: string, y: string): TileCoord | null {
  if (!DIGITS.test(z) || !DIGITS.test(x) || !DIGITS.test(y)) return null
  const c = { z: Number(z), x: Number(x), y: Number(y) }
  return isValidTileCoord(c) ? c : null
}

export function isValidTileCoord(c: TileCoord): boolean {
  if (![c.z, c.x, c.y].every(Number.isSafeInteger)) return false
  if (c.z < 0 || c.z > MAX_TILE_ZOOM) return false
  const n = 2 ** c.z
  return c.x >= 0 && c.x < n && c.y >= 0 && c.y < n
}

/** The route prefix both runtimes serve tiles under, and the template the renderer gets. */
export const TILE_ROUTE_PREFIX = '/tiles/'
export const TILE_URL_TEMPLATE = '/tiles/{z}/{x}/{y}'

/**
 * The z, x, y strings of a request path under /tiles/ (`/tiles/12/3370/1552`), to be validated by
 * parseTileCoord; a malformed path under /tiles/ gives empty strings (answered 400). Null when
 * the path is not under /tiles/ at all.
 */
export function tilePathParts(pathname: string): [string, string, string] | null {
  if (!pathname.startsWith(TILE_ROUTE_PREFIX)) return null
  const parts = pathname.slice(TILE_ROUTE_PREFIX.length).split('/')
  const [z = '', x = '', y = ''] = parts
  return parts.length === 3 ? [z, x, y] : ['', '', '']
}

/** MBTiles stores rows in TMS order (row 0 at the south): y_tms = 2^z − 1 − y. Its own inverse. */
export const flipY = (z: number, y: number): number => 2 ** z - 1 - y
