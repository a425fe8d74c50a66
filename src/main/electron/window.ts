import { BrowserWindow, type Display } from 'electron'
import { centredIn } from './displays'

export interface WallWindowOptions {
  display: Display
  /** Fullscreen kiosk on the display; false: a normal, movable window. */
  kiosk: boolean
  preload: string
  /** DevTools only in development. */
  devTools: boolean
  title: string
  log: (line: string) => void
}

/** Matches the wall's background, so nothing flashes white before the first paint. */
export const WALL_BACKGROUND = '#050b1a'
const SHOW_FALLBACK_MS = 10_000
const CRASH_RELOAD_MS = 3_000

/** Every window showing our pages (the wall, the off-screen briefing window): sandboxed, isolated, no Node. */
export function wallWebPreferences(preload: string, devTools: boolean): Electron.WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
    safeDialogs: true,
    // Keep rendering and ticking when another window covers the wall.
    backgroundThrottling: false
  }
}

/**
 * The wall's window: sandboxed, context-isolated, no Node, shown once painted. A crashed
 * renderer is reloaded (a wall runs for weeks); every timer ends with the window.
 */
export function createWallWindow(options: WallWindowOptions): BrowserWindow {
  const { display, kiosk, log } = options
  const bounds = kiosk ? display.bounds : centredIn(display.workArea, 1600, 900)
  const win = new BrowserWindow({
    ...bounds,
    title: options.title,
    show: false,
    backgroundColor: WALL_BACKGROUND,
    kiosk,
    fullscreen: kiosk,
    frame: !kiosk,
    autoHideMenuBar: true,
    webPreferences: wallWebPreferences(options.preload, options.devTools)
  })
  if (kiosk) win.removeMenu()

  const contents = win.webContents
  const timers = new Set<NodeJS.Timeout>()
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t)
      if (!win.isDestroyed()) fn()
    }, ms)
    timers.add(t)
  }

  win.once('ready-to-show', () => win.show())
  // If the first paint never comes (a broken build), show the window anyway so the error is seen.
  later(SHOW_FALLBACK_MS, () => {
    if (!win.isVisible()) win.show()
  })
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) log(`[window] failed to load ${url}: ${description} (${code})`)
  })
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    log(`[window] renderer gone (${details.reason}, exit code ${details.exitCode}); reloading in ${CRASH_RELOAD_MS / 1000} s`)
    later(CRASH_RELOAD_MS, () => contents.reload())
  })
  contents.on('unresponsive', () => log('[window] renderer unresponsive'))
  contents.on('responsive', () => log('[window] renderer responsive again'))
  win.on('closed', () => {
    for (const t of timers) clearTimeout(t)
    timers.clear()
  })
  return win
}
