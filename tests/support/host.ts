import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { freePort } from './mosquitto'

/**
 * The built browser host (`node <out>/main/host.js`) as a child process, for tests that kill it,
 * restart it and talk to it over HTTP like the wall does. Build it first with buildHost(): a test
 * of a process must never run a stale build.
 */

export const repoRoot = resolve(import.meta.dirname, '../..')

/**
 * `electron-vite build --outDir <outDir>` (inside the repository, so node_modules resolves), unless
 * GCC_HOST_JS names a build to use as it is. Returns the path of host.js.
 */
export function buildHost(outDir: string): string {
  const given = process.env['GCC_HOST_JS']
  if (given) {
    const path = resolve(repoRoot, given)
    if (!existsSync(path)) throw new Error(`GCC_HOST_JS=${given}: no such file`)
    return path
  }
  const bin = join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  const r = spawnSync(bin, ['build', '--outDir', outDir], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 })
  if (r.status !== 0) throw new Error(`electron-vite build --outDir ${outDir} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`)
  const path = join(repoRoot, outDir, 'main', 'host.js')
  if (!existsSync(path)) throw new Error(`the build left no ${path}`)
  return path
}

/** Writes `<dataDir>/mqtt.json`. */
export function writeMqttConfig(dataDir: string, config: unknown): void {
  writeFileSync(join(dataDir, 'mqtt.json'), JSON.stringify(config, null, 2))
}

export interface ApiReply<T> {
  ok: boolean
  value?: T
  error?: { code: string; message: string }
}

export interface HostHandle {
  url: string
  port: number
  dataDir: string
  pid: number
  /** Everything it wrote to stdout and stderr so far. */
  output(): string
  /** POST /api/<method>; throws on a refusal, with the server's message. */
  api<T = unknown>(method: string, input?: unknown, token?: string): Promise<T>
  /** POST /api/<method>; the reply as it is. */
  call<T = unknown>(method: string, input?: unknown, token?: string): Promise<ApiReply<T>>
  /** SIGKILL: no shutdown code runs. Resolves when the process is gone. */
  kill(): Promise<void>
  /** SIGTERM (a clean shutdown), SIGKILL after `timeoutMs`; resolves with the exit code (null if killed). */
  stop(timeoutMs?: number): Promise<number | null>
  readonly exited: boolean
}

export interface StartHostOptions {
  hostJs: string
  dataDir: string
  /** Default: a free port. */
  port?: number
  adminPassword?: string
  env?: Record<string, string>
  /** How long to wait for /healthz (the first start generates the demo district). Default 90 s. */
  readyTimeoutMs?: number
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Polls `check` until it returns a truthy value, or throws naming `what` (and the host's output). */
export async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000, host?: HostHandle): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown = null
  for (;;) {
    try {
      const v = await check()
      if (v) return v as NonNullable<T>
    } catch (err) {
      lastError = err
    }
    if (Date.now() > deadline) {
      const tail = host ? `\n--- host output (last 3000 chars) ---\n${host.output().slice(-3000)}` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}${tail}`)
    }
    await sleep(100)
  }
}

/** Starts the built host on a data directory and waits until /healthz answers. */
export async function startHost(o: StartHostOptions): Promise<HostHandle> {
  const port = o.port ?? (await freePort())
  // The test runner's GCC_* settings (the e2e data dir, a port) are not this host's.
  const env: Record<string, string> = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => !k.startsWith('GCC_') && v !== undefined)) as Record<string, string>
  if (o.adminPassword !== undefined) env['GCC_ADMIN_PASSWORD'] = o.adminPassword
  Object.assign(env, o.env ?? {})
  const child: ChildProcess = spawn(process.execPath, [o.hostJs, '--port', String(port), '--data-dir', o.dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  const append = (chunk: Buffer): void => {
    out += chunk.toString('utf8')
    if (out.length > 400_000) out = out.slice(-200_000)
  }
  child.stdout!.on('data', append)
  child.stderr!.on('data', append)
  let exited = false
  const exit = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      exited = true
      resolveExit(code)
    })
  )
  const url = `http://127.0.0.1:${port}`
  const call = async <T>(method: string, input: unknown = {}, token?: string): Promise<ApiReply<T>> => {
    const res = await fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input)
    })
    return (await res.json()) as ApiReply<T>
  }
  const handle: HostHandle = {
    url,
    port,
    dataDir: o.dataDir,
    pid: child.pid!,
    output: () => out,
    call,
    api: async <T>(method: string, input: unknown = {}, token?: string): Promise<T> => {
      const r = await call<T>(method, input, token)
      if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`)
      return r.value as T
    },
    kill: async () => {
      if (exited) return
      child.kill('SIGKILL')
      await exit
    },
    stop: async (timeoutMs = 15_000) => {
      if (exited) return exit
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
      const code = await exit
      clearTimeout(timer)
      return code
    },
    get exited() {
      return exited
    }
  }
  const deadline = Date.now() + (o.readyTimeoutMs ?? 90_000)
  for (;;) {
    if (exited) throw new Error(`the host on port ${port} exited before it was ready:\n${out.slice(-3000)}`)
    // Its own announcement first: /healthz alone could be answered by another process on the port.
    if (out.includes('the wall is at http')) {
      const res = await fetch(`${url}/healthz`).catch(() => null)
      if (res?.ok === true) break
    }
    if (Date.now() > deadline) {
      await handle.kill()
      throw new Error(`the host on port ${port} did not answer /healthz in time:\n${out.slice(-3000)}`)
    }
    await sleep(100)
  }
  return handle
}
