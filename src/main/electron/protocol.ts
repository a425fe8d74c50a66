import { readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { protocol } from 'electron'
import { securityHeaders } from '@shared/securityHeaders'
import { answerTileRequest, tilePathParts, type TileService } from '../tiles'
import type { SnapshotService } from '../alerts/snapshots'
import { BRIEFING_FILES_PATH } from '@shared/briefing/spec'
import { APP_HOST, APP_SCHEME, contentTypeOf, resolveAppFile } from './policy'

/**
 * Registers `app:` as a standard, secure scheme, so `app://gcc/` is a real origin: CSP 'self',
 * relative URLs, fetch and workers behave as on https, unlike file://. Must run before ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

/** Exported briefing images by file name (the briefing service's `file`: null for any other name). */
export interface BriefingFiles {
  file(name: string): string | null
}

/**
 * Serves the built renderer from `rendererDir` on `app://gcc/`, the basemap's tiles on
 * `app://gcc/tiles/{z}/{x}/{y}`, camera snapshots on `app://gcc/snapshots/{alert id}` and
 * briefing images on `app://gcc/briefings/{file}`; returns the way to stop serving them.
 */
export function serveRenderer(
  rendererDir: string,
  log: (line: string) => void,
  tiles?: TileService,
  snapshots?: SnapshotService,
  briefings?: BriefingFiles
): () => void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      const tile = await respondTile(tiles, request.method, request.url)
      const snapshot = tile ?? (await respondSnapshot(snapshots, request.method, request.url))
      const briefing = snapshot ?? (await respondBriefing(briefings, request.method, request.url))
      return briefing ?? (await respond(rendererDir, request.method, request.url, log))
    } catch (err) {
      log(`[protocol] ${request.url} failed: ${(err as Error).message}`)
      return plain(500, 'internal error')
    }
  })
  return () => protocol.unhandle(APP_SCHEME)
}

async function respond(rendererDir: string, method: string, url: string, log: (line: string) => void): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'method not allowed')
  const file = resolveAppFile(rendererDir, url)
  if (!file) {
    log(`[protocol] refused ${url.slice(0, 200)}`)
    return plain(403, 'forbidden')
  }
  let target = file
  if (!(await isFile(target))) {
    // A client-side route (no extension) gets the app shell; a missing asset is a 404.
    if (extname(file) !== '') return plain(404, 'not found')
    target = join(rendererDir, 'index.html')
    if (!(await isFile(target))) return plain(404, 'renderer not built (run electron-vite build)')
  }
  const body = method === 'HEAD' ? null : new Uint8Array(await readFile(target))
  return new Response(body, {
    status: 200,
    headers: { ...securityHeaders, 'content-type': contentTypeOf(target), 'cache-control': 'no-cache' }
  })
}

/** The tile route's answer, or null when the URL is not under /tiles/ (then it is a renderer file). */
async function respondTile(tiles: TileService | undefined, method: string, url: string): Promise<Response | null> {
  const parsed = URL.canParse(url) ? new URL(url) : null
  const parts = parsed?.host === APP_HOST ? tilePathParts(parsed.pathname) : null
  if (!parts || (method !== 'GET' && method !== 'HEAD')) return null
  const answer = await answerTileRequest(tiles, ...parts)
  const body = method === 'HEAD' || answer.body === null ? null : new Uint8Array(answer.body)
  return new Response(body, { status: answer.status, headers: { ...securityHeaders, ...answer.headers } })
}

/** The snapshot route's answer, or null when the URL is not under /snapshots/. */
async function respondSnapshot(snapshots: SnapshotService | undefined, method: string, url: string): Promise<Response | null> {
  const parsed = URL.canParse(url) ? new URL(url) : null
  const match = parsed?.host === APP_HOST ? /^\/snapshots\/([^/]+)$/.exec(parsed.pathname) : null
  if (!match || method !== 'GET') return null
  if (!snapshots) return plain(404, 'no snapshots')
  let id: string
  try {
    id = decodeURIComponent(match[1]!)
  } catch {
    return plain(400, 'bad alert id')
  }
  const answer = await snapshots.answer(id)
  if (answer.status !== 200) return plain(answer.status, answer.message ?? '')
  return new Response(new Uint8Array(answer.body!), {
    status: 200,
    headers: { ...securityHeaders, 'content-type': answer.contentType!, 'cache-control': 'private, max-age=3600' }
  })
}

/** The briefing route's answer, or null when the URL is not under /briefings/. */
async function respondBriefing(briefings: BriefingFiles | undefined, method: string, url: string): Promise<Response | null> {
  const parsed = URL.canParse(url) ? new URL(url) : null
  if (parsed?.host !== APP_HOST || !parsed.pathname.startsWith(BRIEFING_FILES_PATH) || method !== 'GET') return null
  let name: string
  try {
    name = decodeURIComponent(parsed.pathname.slice(BRIEFING_FILES_PATH.length))
  } catch {
    return plain(400, 'bad file name')
  }
  const path = briefings?.file(name) ?? null
  if (!path) return plain(404, 'no such briefing')
  return new Response(new Uint8Array(await readFile(path)), {
    status: 200,
    headers: { ...securityHeaders, 'content-type': 'image/png', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'private, max-age=3600' }
  })
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' } })
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
