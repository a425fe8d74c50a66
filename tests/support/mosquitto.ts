import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { tempDir } from './tempDir'

export const MOSQUITTO = process.env['GCC_MOSQUITTO'] ?? '/usr/sbin/mosquitto'
export const hasMosquitto = existsSync(MOSQUITTO)

export interface MosquittoHandle {
  url: string
  port: number
  /** Its persistence directory and log. */
  dir: string
  /** Stops it with SIGTERM (saves its persistence database) or SIGKILL (does not). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>
  /** Starts it again on the same port with the same persistence. */
  restart(): Promise<void>
  /** Stops it (if running) and removes its directory. */
  dispose(): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with code ${child.exitCode}`)
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`mosquitto did not listen on ${port} within ${timeoutMs} ms`)
}

/**
 * A real Mosquitto on a free port with a temporary configuration: anonymous, persistence on
 * (saved every `autosaveInterval` seconds and at shutdown), no limit on queued messages.
 * `port`: listen exactly there (e.g. where an app was told a broker would be); default a free one.
 */
export interface MosquittoOptions {
  autosaveInterval?: number
  port?: number
  /** Listener lines after `listener` (e.g. TLS `certfile`/`keyfile`), and whether anonymous clients may connect (default true). */
  listenerLines?: readonly string[]
  /** A `password_file` (made with mosquitto_passwd); anonymous clients are then refused. */
  passwordFile?: string
}

export async function startMosquitto(options: MosquittoOptions = {}): Promise<MosquittoHandle> {
  if (!hasMosquitto) throw new Error(`Mosquitto not found at ${MOSQUITTO}: install it (apt-get install -y mosquitto; .ci/run does) or set GCC_MOSQUITTO`)
  const { dir, remove } = tempDir('gcc-mosquitto-')
  const port = options.port ?? (await freePort())
  const conf = join(dir, 'mosquitto.conf')
  writeFileSync(
    conf,
    [
      'per_listener_settings false',
      `listener ${port} 127.0.0.1`,
      ...(options.listenerLines ?? []),
      options.passwordFile ? `password_file ${options.passwordFile}` : '',
      `allow_anonymous ${options.passwordFile ? 'false' : 'true'}`,
      'persistence true',
      `persistence_location ${dir}/`,
      `autosave_interval ${options.autosaveInterval ?? 1}`,
      'max_queued_messages 0',
      'max_inflight_messages 100',
      `log_dest file ${join(dir, 'mosquitto.log')}`,
      'log_type error',
      'log_type warning',
      'log_type notice',
      // Started as root, Mosquitto would switch to the "mosquitto" user, which cannot write here.
      `user ${userInfo().username}`,
      ''
    ].join('\n')
  )
  let child: ChildProcess | null = null
  const launch = async (): Promise<void> => {
    const c = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' })
    child = c
    await waitForPort(port, c)
  }
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> => {
    const c = child
    child = null
    if (c === null || c.exitCode !== null || c.signalCode !== null) return
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()))
    c.kill(signal)
    await exited
  }
  try {
    await launch()
  } catch (err) {
    await stop('SIGKILL')
    remove()
    throw err
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    dir,
    stop,
    restart: async () => {
      await stop()
      // The port may linger briefly after a kill.
      for (let attempt = 0; ; attempt++) {
        try {
          await launch()
          return
        } catch (err) {
          if (attempt >= 20) throw err
          await new Promise((r) => setTimeout(r, 100))
        }
      }
    },
    dispose: async () => {
      await stop('SIGKILL')
      remove()
    }
  }
}
