/**
 * The browser host entry (`npm run serve`): the main-process services under plain Node, serving
 * the built renderer over HTTP and WebSocket. No Electron here.
 */
import { fileURLToPath } from 'node:url'
import { version } from '../../package.json'
import { ConfigError, defaultDataDir, resolveConfig } from './config'
import { startHostServer } from './host/server'
import { startCore } from './services/core'
import { StoreOpenError } from './store/database'
import { ChromiumCapturer } from './briefings/chromium'
import { briefingPageUrl, hostPageBase } from './briefings/pageUrl'
import { briefingCaptureSettings } from './briefings/settings'

async function main(): Promise<void> {
  const config = resolveConfig(process.argv.slice(2), process.env)
  const dataDir = config.dataDir ?? defaultDataDir()
  const log = (line: string): void => console.log(line)
  // Briefing images: this host's own pages in headless Chromium (docs/BRIEFINGS.md). The port is
  // known once the server listens; no capture can be asked for before that.
  const capture = briefingCaptureSettings(process.env)
  let pageBase: string | null = null
  const briefings = {
    capturer: new ChromiumCapturer({ ...(capture.chromium ? { executablePath: capture.chromium } : {}), readyTimeoutMs: capture.readyTimeoutMs, log }),
    pageUrl: (query: string): string => {
      if (!pageBase) throw new Error('the host is not listening yet')
      return briefingPageUrl(pageBase, query, config.accessToken)
    }
  }
  const core = await startCore({ config, dataDir, runtime: 'browser', version, log, briefings })
  let server
  try {
    server = await startHostServer({
      core,
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      host: config.host,
      port: config.port,
      accessToken: config.accessToken,
      tiles: core.tiles,
      log
    })
  } catch (err) {
    await core.stop()
    throw err
  }
  pageBase = hostPageBase(config.host, server.port)
  let stopping = false
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    log(`[host] ${signal}: stopping`)
    // An export in progress fails now instead of holding its request (and the shutdown) open.
    await core.briefings.stop()
    await server.close()
    await core.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err: unknown) => {
  if (err instanceof StoreOpenError || err instanceof ConfigError) {
    console.error(`\n启动已停止 / start-up stopped:\n  ${err.message}\n`)
  } else {
    console.error(err)
  }
  process.exit(1)
})
