import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Database from 'better-sqlite3'

/** Bytes that sniff as PNG / JPEG (the tile service checks magic bytes, not whole images). */
export const png = (tag: string): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tag)])
export const jpeg = (tag: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(tag)])

/** A small MBTiles file: `tiles` keyed by XYZ coordinates, written with TMS rows as the spec says. */
export function writeMbtiles(path: string, metadata: Record<string, string>, tiles: { z: number; x: number; y: number; data: Buffer }[]): void {
  const db = new Database(path)
  db.exec(`
    CREATE TABLE metadata (name TEXT, value TEXT);
    CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
    CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);
  `)
  const meta = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)')
  for (const [k, v] of Object.entries(metadata)) meta.run(k, v)
  const put = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)')
  for (const t of tiles) put.run(t.z, t.x, 2 ** t.z - 1 - t.y, t.data)
  db.close()
}

export interface Upstream {
  /** e.g. http://127.0.0.1:PORT */
  origin: string
  requests: string[]
  stop(): Promise<void>
}

/**
 * A local "upstream" tile server on 127.0.0.1 only: /tiles/{z}/{x}/{y}.png answers a PNG naming
 * the tile, /missing/... 404, /xml/... an XML error with status 200 (as Tianditu does for a bad
 * key), /slow/... never answers.
 */
export async function startUpstream(): Promise<Upstream> {
  const requests: string[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = req.url ?? ''
    requests.push(url)
    const m = /^\/(\w+)\/(\d+)\/(\d+)\/(\d+)/.exec(url)
    if (!m) return void res.writeHead(404).end()
    const [, kind, z, x, y] = m
    if (kind === 'tiles') return void res.writeHead(200, { 'content-type': 'image/png' }).end(png(`${z}/${x}/${y}`))
    if (kind === 'xml') return void res.writeHead(200, { 'content-type': 'text/xml' }).end('<?xml version="1.0"?><error>invalid key</error>')
    if (kind === 'slow') return
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
