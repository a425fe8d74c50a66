import { parseTileCoord } from './coords'
import type { TileService } from './service'

/** A tile route's answer, the same in the browser host and in the Electron protocol. */
export interface TileAnswer {
  status: 200 | 204 | 400
  headers: Record<string, string>
  body: Buffer | null
}

/**
 * Answers GET /tiles/:z/:x/:y: 400 for malformed or out-of-range coordinates, 204 (no body, so
 * the map draws nothing: never an error tile) when there is no such tile or no service, else the
 * image. Never throws.
 */
export async function answerTileRequest(tiles: TileService | undefined, z: string, x: string, y: string): Promise<TileAnswer> {
  const c = parseTileCoord(z, x, y)
  if (!c) return { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: Buffer.from('bad tile coordinates') }
  const tile = tiles ? await tiles.tile(c.z, c.x, c.y).catch(() => null) : null
  // Nothing is cached by the browser for a miss: the tile may come once the network is back.
  if (!tile) return { status: 204, headers: { 'cache-control': 'no-store' }, body: null }
  return { status: 200, headers: { 'content-type': tile.contentType, 'cache-control': 'private, max-age=300' }, body: tile.body }
}
