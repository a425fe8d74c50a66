import { BrowserWindow } from 'electron'
import type { BriefingSpec } from '@shared/briefing/spec'
import { CaptureError, PageComplaints, READY_STATE_EXPRESSION, waitForBriefingReady, type Capturer } from '../briefings/capturer'
import { SerialQueue } from '../briefings/queue'
import { WALL_BACKGROUND, wallWebPreferences } from './window'

export interface ElectronCapturerOptions {
  /** The same preload as the wall: the briefing page reads its data through the API like any wall. */
  preload: string
  readyTimeoutMs: number
  /** Makes the window one of ours (IPC calls, pushed events) while it lives; returns the way to undo it. */
  adopt: (win: BrowserWindow) => () => void
  log: (line: string) => void
}

/**
 * Electron's capturer: the briefing page in an off-screen window (never shown, rendered at device
 * scale factor 1 whatever the displays are) with the wall's security settings; once the page says
 * it is ready, `webContents.capturePage()`. One window at a time, destroyed after each capture.
 */
export function createElectronCapturer(o: ElectronCapturerOptions): Capturer {
  const queue = new SerialQueue()
  const open = new Set<BrowserWindow>()
  let closed = false

  const captureNow = async (spec: BriefingSpec, url: string): Promise<Buffer> => {
    if (closed) throw new CaptureError('截图服务已停止 / the capturer has stopped')
    const win = new BrowserWindow({
      width: spec.width,
      height: spec.height,
      useContentSize: true,
      show: false,
      frame: false,
      enableLargerThanScreen: true,
      paintWhenInitiallyHidden: true,
      backgroundColor: WALL_BACKGROUND,
      webPreferences: { ...wallWebPreferences(o.preload, false), offscreen: { deviceScaleFactor: 1 } }
    })
    open.add(win)
    const release = o.adopt(win)
    const complaints = new PageComplaints()
    const contents = win.webContents
    contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (isMainFrame) complaints.add(`load failed: ${description} (${code})`)
    })
    contents.on('render-process-gone', (_event, details) => complaints.add(`renderer gone: ${details.reason}`))
    contents.on('preload-error', (_event, _path, error) => complaints.add(`preload: ${error.message}`))
    try {
      contents.loadURL(url).catch((err: unknown) => complaints.add(`load: ${(err as Error).message}`))
      await waitForBriefingReady(() => contents.executeJavaScript(READY_STATE_EXPRESSION), o.readyTimeoutMs, () => complaints.toString())
      const image = await contents.capturePage({ x: 0, y: 0, width: spec.width, height: spec.height })
      const size = image.getSize()
      const exact = size.width === spec.width && size.height === spec.height ? image : image.resize({ width: spec.width, height: spec.height, quality: 'best' })
      return exact.toPNG()
    } finally {
      release()
      open.delete(win)
      if (!win.isDestroyed()) win.destroy()
    }
  }

  return {
    capture: (spec, url) => queue.run(() => captureNow(spec, url)),
    async close() {
      closed = true
      for (const win of open) if (!win.isDestroyed()) win.destroy()
      await queue.idle()
    }
  }
}
