type Stop = () => void | Promise<void>

/**
 * What the shell started, stopped in reverse order (the core last, after the IPC and the hub
 * subscriptions that use it), each awaited. Disposing twice is harmless; one failing stop does
 * not skip the rest.
 */
export class Teardown {
  private readonly stops: Stop[] = []
  private done = false

  add(stop: Stop): void {
    if (this.done) void Promise.resolve().then(stop)
    else this.stops.push(stop)
  }

  async dispose(log: (line: string) => void): Promise<void> {
    this.done = true
    for (let stop = this.stops.pop(); stop; stop = this.stops.pop()) {
      try {
        await stop()
      } catch (err) {
        log(`[app] shutdown step failed: ${(err as Error).stack ?? String(err)}`)
      }
    }
  }
}
