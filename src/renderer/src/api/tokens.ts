/**
 * The two tokens of the browser host, kept in sessionStorage (per tab, gone when the tab closes):
 * - the access token that lets this screen reach the host at all (from `?access_token=` in the
 *   page URL, then removed from the visible URL);
 * - the session token of a signed-in operator (from `auth.signIn`).
 */
export interface TokenStore {
  access(): string | null
  session(): string | null
  setAccess(token: string | null): void
  setSession(token: string | null): void
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

const ACCESS_KEY = 'gcc.accessToken'
const SESSION_KEY = 'gcc.sessionToken'

/** Tokens in `storage`; falls back to memory when storage is missing or refuses (privacy modes). */
export function createTokenStore(storage: KeyValueStorage | null): TokenStore {
  const memory = new Map<string, string>()
  const read = (key: string): string | null => {
    try {
      const value = storage?.getItem(key)
      if (value !== undefined && value !== null) return value
    } catch {
      // storage refused: memory only
    }
    return memory.get(key) ?? null
  }
  const write = (key: string, value: string | null): void => {
    if (value === null) memory.delete(key)
    else memory.set(key, value)
    try {
      if (value === null) storage?.removeItem(key)
      else storage?.setItem(key, value)
    } catch {
      // storage refused: memory only
    }
  }
  return {
    access: () => read(ACCESS_KEY),
    session: () => read(SESSION_KEY),
    setAccess: (token) => write(ACCESS_KEY, token),
    setSession: (token) => write(SESSION_KEY, token)
  }
}

/**
 * Takes `access_token` out of a page URL (its query, or the query inside a hash route).
 * Returns the token (null when absent) and the URL to show instead.
 */
export function extractAccessToken(href: string): { token: string | null; cleanHref: string } {
  const url = new URL(href)
  let token = url.searchParams.get('access_token')
  url.searchParams.delete('access_token')
  const hashQuery = url.hash.indexOf('?')
  if (hashQuery >= 0) {
    const params = new URLSearchParams(url.hash.slice(hashQuery + 1))
    token ??= params.get('access_token')
    params.delete('access_token')
    const rest = params.toString()
    url.hash = url.hash.slice(0, hashQuery) + (rest ? `?${rest}` : '')
  }
  return { token: token || null, cleanHref: url.toString() }
}
