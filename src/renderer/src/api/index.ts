import { createApiClient, type ApiClient } from '@shared/api/client'
import { briefingFilePath } from '@shared/briefing/spec'
import { createBridgeTransport } from './bridgeTransport'
import { alwaysConnected, type ConnectionStatus } from './connection'
import { createHttpTransport } from './httpTransport'
import { createTokenStore, extractAccessToken } from './tokens'

/**
 * The one place the renderer gets its API from; nothing else knows which runtime it is in.
 * - Electron: the preload exposes `window.gccBridge` (ApiResult envelopes over IPC) and the client
 *   is built over it here.
 * - Browser host: the same client over HTTP + WebSocket to this page's origin.
 */
export interface ApiRuntime {
  api: ApiClient
  connection: ConnectionStatus
  kind: 'electron' | 'browser'
  /** Where the wall loads an alert's camera snapshot: always our own origin (main fetches it). */
  snapshotSrc(alertId: string): string
  /** Where an exported briefing image is opened (docs/BRIEFINGS.md). */
  briefingSrc(file: string): string
}

function safeSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage
  } catch {
    return null
  }
}

function createRuntime(): ApiRuntime {
  if (window.gccBridge) {
    return {
      api: createApiClient(createBridgeTransport(window.gccBridge)),
      connection: alwaysConnected,
      kind: 'electron',
      snapshotSrc: (id) => `app://gcc/snapshots/${encodeURIComponent(id)}`,
      briefingSrc: (file) => `app://gcc${briefingFilePath(file)}`
    }
  }

  const tokens = createTokenStore(safeSessionStorage())
  // The access token arrives once in the URL; keep it for this tab and take it off the screen.
  const { token, cleanHref } = extractAccessToken(window.location.href)
  if (token) {
    tokens.setAccess(token)
    window.history.replaceState(window.history.state, '', cleanHref)
  }
  const transport = createHttpTransport({ tokens })
  // An <img> or a link cannot send the access-token header; the host takes it from the query as well.
  const withAccess = (path: string): string => {
    const access = tokens.access()
    return `${path}${access ? `?access_token=${encodeURIComponent(access)}` : ''}`
  }
  const snapshotSrc = (id: string): string => withAccess(`/api/snapshots/${encodeURIComponent(id)}`)
  const briefingSrc = (file: string): string => withAccess(briefingFilePath(file))
  return { api: createApiClient(transport), connection: transport.connection, kind: 'browser', snapshotSrc, briefingSrc }
}

const runtime = createRuntime()

export const api: ApiClient = runtime.api
export const connection: ConnectionStatus = runtime.connection
export const runtimeKind: ApiRuntime['kind'] = runtime.kind
export const snapshotSrc: ApiRuntime['snapshotSrc'] = runtime.snapshotSrc
export const briefingSrc: ApiRuntime['briefingSrc'] = runtime.briefingSrc
export type { ConnectionState } from './connection'
