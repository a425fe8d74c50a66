import type { ChildProcess } from 'node:child_process'

/** Helpers shared by the benchmarks that drive the built browser host. */

/** The p-quantile of sorted values (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN

/** Waits until the host answers /healthz (it may be generating the demo district first). */
export async function waitForHost(url: string, host: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (host.exitCode !== null) throw new Error(`host exited with code ${host.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('host did not start in time')
}

/** SIGTERM, then SIGKILL after 5 s. */
export async function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null || host.signalCode !== null) return
  const exited = new Promise<void>((r) => host.once('exit', () => r()))
  host.kill('SIGTERM')
  const timer = setTimeout(() => host.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
