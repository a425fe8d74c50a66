import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * The shell's security policy as plain functions of strings: no `electron` import, so it can be
 * unit-tested under Node. The Electron wiring (security.ts, protocol.ts, ipc.ts) applies it.
 */

/** The production renderer is served from `app://gcc/`, a standard, secure custom scheme. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'gcc'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * Permissions the wall may be granted (camera, notifications, …): none for now. Anything not
 * listed here is refused, whatever the page asks.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>()

/** Which URLs are the app's own pages: `app://gcc/…`, plus the dev server's origin in development. */
export type UrlTrust = (url: string) => boolean

export function createUrlTrust(devServerUrl: string | null): UrlTrust {
  const devOrigin = devServerOrigin(devServerUrl)
  return (raw) => {
    const url = parseUrl(raw)
    if (!url) return false
    // Node's URL gives "null" as the origin of non-special schemes: compare scheme and host.
    if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST
    return devOrigin !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === devOrigin
  }
}

/**
 * The file under `rendererDir` that an `app://gcc/…` request names, or null when the request is
 * not for our host or would leave the directory (`..`, encoded separators, NUL, drive letters).
 * A path ending in `/` names its index.html.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl)
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  if (path === '' || path.endsWith('/')) path += 'index.html'
  const root = resolve(rendererDir)
  const file = resolve(root, '.' + (path.startsWith('/') ? path : '/' + path))
  const rel = relative(root, file)
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return null
  return file
}

/** Content types of what the renderer build contains; anything else is served as bytes. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** The http(s) origin of the dev server URL, or null (none, or not an http(s) URL). */
export function devServerOrigin(raw: string | null): string | null {
  const url = raw ? parseUrl(raw) : null
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : null
}
