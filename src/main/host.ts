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

async function main(): Promise<void> {
  const config = resolveConfig(process.argv.slice(2), process.env)
  const dataDir = config.dataDir ?? defaultDataDir()
  const log = (line: string): void => console.log(line)
  const core = await startCore({ config, dataDir, runtime: 'browser', version, log })
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
  let stopping = false
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    log(`[host] ${signal}: stopping`)
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
