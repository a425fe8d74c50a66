/**
 * What the shell started, stopped in reverse order (the core last, after the IPC and the hub
 * subscriptions that use it). Disposing twice is harmless; one failing stop does not skip the rest.
 */
export class Teardown {
  private readonly stops: (() => void)[] = []
  private done = false

  add(stop: () => void): void {
    if (this.done) stop()
    else this.stops.push(stop)
  }

  dispose(log: (line: string) => void): void {
    this.done = true
    for (let stop = this.stops.pop(); stop; stop = this.stops.pop()) {
      try {
        stop()
      } catch (err) {
        log(`[app] shutdown step failed: ${(err as Error).stack ?? String(err)}`)
      }
    }
  }
}
