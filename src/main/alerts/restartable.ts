import { startAlertService, type AlertService, type AlertServiceOptions } from './service'

/** The alert service that is running now, replaced by `restart()` when the settings change. */
export interface RestartableAlertService {
  /** The running service (the old one until its replacement has started); null only after a failed restart or the stop. */
  current(): AlertService | null
  /** Stops the running service fully (simulator, link, embedded broker), then starts one from the current mqtt.json. */
  restart(): Promise<AlertService>
  stop(): Promise<void>
}

/**
 * Starts the alert service and lets it be restarted. Restarts and the final stop run one after
 * another, in call order: a port, a session or a client id is never held by two services.
 */
export async function startRestartableAlertService(
  options: AlertServiceOptions,
  start: (o: AlertServiceOptions) => Promise<AlertService> = startAlertService
): Promise<RestartableAlertService> {
  let service: AlertService | null = await start(options)
  let stopped = false
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }
  return {
    current: () => service,
    restart: () =>
      serial(async () => {
        if (stopped) throw new Error('the alert service has been stopped')
        const old = service
        try {
          await old?.stop()
        } finally {
          service = null
        }
        service = await start(options)
        return service
      }),
    stop: () =>
      serial(async () => {
        stopped = true
        const old = service
        service = null
        await old?.stop()
      })
  }
}
