import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_CALL, IPC_EVENT } from '@shared/api/channels'
import type { ApiResult } from '@shared/api/errors'
import type { ApiDispatcher } from '../services/dispatcher'
import type { EventHub } from '../services/events'
import type { UrlTrust } from './policy'

type Log = (line: string) => void

/** In Electron the window is the session: its sign-in lives as long as its web contents. */
export const sessionKeyOf = (contents: WebContents): string => `wc:${contents.id}`

export interface IpcWiring {
  dispatcher: ApiDispatcher
  hub: EventHub
  trust: UrlTrust
  /** The web contents of our own windows, the only ones that may call or receive events. */
  contents: () => Iterable<WebContents>
  log: Log
}

/**
 * One invoke channel into the dispatcher (which validates the method, the input and the role)
 * and one event channel out of the hub. Calls are accepted only from the main frame of one of
 * our windows showing one of our pages. Returns the way to remove both.
 */
export function wireIpc(wiring: IpcWiring): () => void {
  const { dispatcher, hub, log } = wiring
  ipcMain.handle(IPC_CALL, async (event, method: unknown, input: unknown): Promise<ApiResult> => {
    const refusal = senderRefusal(event, wiring)
    if (refusal) {
      log(`[ipc] refused ${String(method).slice(0, 80)} from web contents ${event.sender.id}: ${refusal}`)
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：调用方不可信 / forbidden: untrusted caller' } }
    }
    try {
      return await dispatcher.handle({ sessionKey: sessionKeyOf(event.sender), issuesTokens: false }, method, input)
    } catch (err) {
      // The dispatcher returns envelopes; this is the last line of defence, not a path.
      log(`[ipc] ${String(method).slice(0, 80)} threw: ${(err as Error).stack ?? String(err)}`)
      return { ok: false, error: { code: 'INTERNAL', message: '内部错误 / internal error' } }
    }
  })

  const offHub = hub.onAny((event, payload) => {
    for (const contents of wiring.contents()) {
      if (contents.isDestroyed() || !wiring.trust(contents.getURL())) continue
      try {
        contents.send(IPC_EVENT, { event, payload })
      } catch (err) {
        log(`[ipc] could not send "${event}" to web contents ${contents.id}: ${(err as Error).message}`)
      }
    }
  })

  return () => {
    ipcMain.removeHandler(IPC_CALL)
    offHub()
  }
}

/** Why a call must be refused, or null (VS Code's validated ipcMain does the same checks). */
function senderRefusal(event: IpcMainInvokeEvent, wiring: IpcWiring): string | null {
  const frame = event.senderFrame
  if (!frame || frame.detached) return 'no sender frame'
  if (frame.parent !== null) return 'not the main frame'
  const sender = event.sender
  let ours = false
  for (const contents of wiring.contents()) if (contents === sender || contents.id === sender.id) ours = true
  if (!ours || sender.isDestroyed()) return 'not one of our windows'
  if (frame.frameTreeNodeId !== sender.mainFrame.frameTreeNodeId) return 'not the main frame'
  if (!wiring.trust(frame.url)) return `untrusted origin ${frame.url.slice(0, 120)}`
  return null
}
