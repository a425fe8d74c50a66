import { timingSafeEqual, createHash } from 'node:crypto'
import { isIP } from 'node:net'

/** Addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true
  const kind = isIP(host.replace(/^\[|\]$/g, ''))
  if (kind === 4) return host.startsWith('127.')
  if (kind === 6) return host.replace(/^\[|\]$/g, '') === '::1'
  return false
}

/** Constant-time comparison of a presented token with the configured one. */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false
  const a = createHash('sha256').update(presented).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
