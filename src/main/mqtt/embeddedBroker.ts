import { createServer, type Server, type Socket } from 'node:net'
import { Aedes } from 'aedes'
import { EMBEDDED_HOST } from './config'

/** The embedded default broker: aedes (MQTT 3.1.1, sessions in memory) on 127.0.0.1 only. */
export interface EmbeddedBroker {
  url: string
  host: string
  port: number
  requestedPort: number
  /** Why another port was used, in both languages; null when the requested port was free. */
  notice: string | null
  stop(): Promise<void>
}

export class EmbeddedBrokerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbeddedBrokerError'
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => {
      server.off('listening', onListening)
      reject(err)
    }
    const onListening = (): void => {
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : port)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

/**
 * Starts aedes on 127.0.0.1:`port` (default 1883). If the port is taken, it says so and uses a
 * free port instead (reported in `notice` and `port`). stop() closes clients, the server and aedes.
 */
export async function startEmbeddedBroker(options: { port?: number } = {}): Promise<EmbeddedBroker> {
  const requestedPort = options.port ?? 1883
  const broker = await Aedes.createBroker()
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    broker.handle(socket)
  })
  let port: number
  let notice: string | null = null
  try {
    try {
      port = await listen(server, requestedPort, EMBEDDED_HOST)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err
      port = await listen(server, 0, EMBEDDED_HOST)
      notice =
        `内置 MQTT 代理端口 ${requestedPort} 不可用（${code}），改用 ${EMBEDDED_HOST}:${port} / ` +
        `the embedded broker could not use port ${requestedPort} (${code}); it listens on ${EMBEDDED_HOST}:${port} instead`
    }
  } catch (err) {
    await new Promise<void>((resolve) => broker.close(() => resolve()))
    throw new EmbeddedBrokerError(
      `内置 MQTT 代理无法启动 / the embedded broker could not start on ${EMBEDDED_HOST}: ${(err as Error).message}`
    )
  }
  let stopping: Promise<void> | null = null
  return {
    url: `mqtt://${EMBEDDED_HOST}:${port}`,
    host: EMBEDDED_HOST,
    port,
    requestedPort,
    notice,
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        await new Promise<void>((resolve) => broker.close(() => resolve()))
        for (const s of sockets) s.destroy()
        await closed
      })()
      return stopping
    }
  }
}
