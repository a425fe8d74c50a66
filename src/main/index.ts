import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, powerSaveBlocker, session } from 'electron'
import { APP_DIR_NAME, resolveConfig, type AppConfig } from './config'
import { PRODUCT_NAME, startCore, type Core } from './services/core'
import { chooseDisplay } from './electron/displays'
import { sessionKeyOf, wireIpc } from './electron/ipc'
import { Teardown } from './electron/lifecycle'
import { APP_ENTRY_URL, createUrlTrust } from './electron/policy'
import { registerAppScheme, serveRenderer } from './electron/protocol'
import { hardenAllContents, hardenSession } from './electron/security'
import { failStartup } from './electron/startup'
import { createWallWindow } from './electron/window'
import { createElectronCapturer } from './electron/briefingCapture'
import { briefingCaptureSettings } from './briefings/settings'

/**
 * The Electron shell: windows, IPC, security and lifecycle around the same services the browser
 * host runs (services/core.ts). The only code under src/main that imports `electron`, with
 * src/main/electron/**. (There is no `remote` module since Electron 14; nothing to disable.)
 */

const log = (line: string): void => console.log(line)
const logError = (line: string): void => console.error(line)

// Before ready: every renderer sandboxed, and app:// a privileged scheme.
app.enableSandbox()
registerAppScheme()

const teardown = new Teardown()

main().catch(async (err: unknown) => {
  await teardown.dispose(logError)
  failStartup(err, logError)
})

async function main(): Promise<void> {
  const config = resolveConfig(process.argv, process.env)
  const dataDir = useDataDir(config)
  // The lock lives in userData (= the data directory): one wall per store.
  if (!app.requestSingleInstanceLock()) {
    log(`[app] 该数据目录已有实例在运行 / another instance already runs on ${dataDir}; focusing it`)
    app.quit()
    return
  }
  await app.whenReady()
  // Our windows: the wall and, while it renders, the off-screen briefing window (docs/BRIEFINGS.md).
  const windows = new Set<BrowserWindow>()
  let ending: ((sessionKey: string) => void) | null = null
  const capturer = createElectronCapturer({
    preload: preloadPath(),
    readyTimeoutMs: briefingCaptureSettings(process.env).readyTimeoutMs,
    adopt: (win) => {
      const sessionKey = sessionKeyOf(win.webContents)
      windows.add(win)
      return () => {
        windows.delete(win)
        ending?.(sessionKey)
      }
    },
    log
  })
  const entryUrl = devServerUrlOf() ?? APP_ENTRY_URL
  const briefings = { capturer, pageUrl: (query: string) => `${entryUrl}?${query}` }
  const core = await startCore({ config, dataDir, runtime: 'electron', version: app.getVersion(), log, briefings })
  ending = (sessionKey) => core.sessions.end(sessionKey)
  teardown.add(() => core.stop())
  runShell(core, config, windows)
}

/** The dev server's URL in development (electron-vite dev), else null: the app:// protocol. */
const devServerUrlOf = (): string | null => (app.isPackaged ? null : (process.env['ELECTRON_RENDERER_URL'] ?? null))
const preloadPath = (): string => join(__dirname, '../preload/index.cjs')

/**
 * The store and Chromium's profile share one directory: `--data-dir` / GCC_DATA_DIR, or
 * `<appData>/grid-command-center`, the same default as the browser host (config.defaultDataDir;
 * Electron would otherwise name it after productName).
 */
function useDataDir(config: AppConfig): string {
  const dataDir = resolve(config.dataDir ?? join(app.getPath('appData'), APP_DIR_NAME))
  mkdirSync(dataDir, { recursive: true })
  app.setPath('userData', dataDir)
  return dataDir
}

function runShell(core: Core, config: AppConfig, windows: Set<BrowserWindow>): void {
  const devServerUrl = devServerUrlOf()
  const trust = createUrlTrust(devServerUrl)

  teardown.add(hardenAllContents(trust, log))
  teardown.add(hardenSession(session.defaultSession, trust, devServerUrl, log))
  if (!devServerUrl) teardown.add(serveRenderer(join(__dirname, '../renderer'), log, core.tiles, core.snapshots, core.briefings.service))
  teardown.add(
    wireIpc({
      dispatcher: core.dispatcher,
      hub: core.hub,
      trust,
      contents: () => [...windows].filter((w) => !w.isDestroyed()).map((w) => w.webContents),
      log
    })
  )

  const win = createWallWindow({
    display: chooseDisplay(config.screen, log),
    kiosk: config.kiosk,
    preload: preloadPath(),
    devTools: devServerUrl !== null,
    title: PRODUCT_NAME,
    log
  })
  const sessionKey = sessionKeyOf(win.webContents)
  windows.add(win)
  win.on('closed', () => {
    windows.delete(win)
    core.sessions.end(sessionKey)
  })
  win.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((err: unknown) => log(`[window] load failed: ${(err as Error).message}`))

  const firstAdmin = core.firstAdmin
  if (firstAdmin?.password) {
    // Shown once (core has logged it too); only its hash is stored.
    win.once('show', () => {
      dialog
        .showMessageBox(win, {
          type: 'info',
          title: '管理员账号 / Administrator account',
          message: `已创建管理员账号 “${firstAdmin.username}” / Created the operator “${firstAdmin.username}”`,
          detail:
            `密码 / Password: ${firstAdmin.password}\n\n` +
            '该密码只显示这一次，请立即记下。\nThis password is shown only once: note it now.',
          buttons: ['我已记下 / I have noted it'],
          noLink: true
        })
        .catch((err: unknown) => log(`[app] could not show the first-admin dialog: ${(err as Error).message}`))
    })
  }

  if (config.kiosk) {
    const blocker = powerSaveBlocker.start('prevent-display-sleep')
    teardown.add(() => {
      powerSaveBlocker.stop(blocker)
    })
  }

  const onSecondInstance = (): void => {
    if (win.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.focus()
  }
  const onAllClosed = (): void => app.quit()
  const onSignal = (): void => app.quit()
  app.on('second-instance', onSecondInstance)
  app.on('window-all-closed', onAllClosed)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  teardown.add(() => {
    app.off('second-instance', onSecondInstance)
    app.off('window-all-closed', onAllClosed)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  })

  // Windows are closed by now: end the IPC, the hub subscriptions, then the core (alert link,
  // broker, store last). Quitting waits for that, then exits.
  let stopping = false
  app.on('will-quit', (event) => {
    if (stopping) return
    stopping = true
    event.preventDefault()
    void teardown.dispose(logError).finally(() => {
      log('[app] stopped')
      app.exit(0)
    })
  })
}
