import { isIP } from 'node:net'

/**
 * The origin at which a capturer on this machine reaches the browser host: the loopback address
 * when the host listens on a wildcard or loopback address, else the address it is bound to.
 */
export function hostPageBase(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '')
  if (bare === '' || bare === '0.0.0.0' || bare === '::') return `http://127.0.0.1:${port}`
  return isIP(bare) === 6 ? `http://[${bare}]:${port}` : `http://${bare}:${port}`
}

/**
 * The briefing page: the renderer's own URL with `?briefing=…`, plus `access_token` the way a
 * wall controller's browser gets it (the renderer keeps it for its API calls and WebSocket).
 */
export function briefingPageUrl(base: string, query: string, accessToken: string | null): string {
  return `${base.replace(/\/+$/, '')}/?${query}${accessToken ? `&access_token=${encodeURIComponent(accessToken)}` : ''}`
}
