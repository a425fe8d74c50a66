#!/usr/bin/env node
// `npm start [-- flags]`: build, then run the wall in Electron with the given flags
// (--data-dir, --screen N, --windowed, …). Without an Electron binary it tries one bounded
// download, and otherwise says how to get one or how to use the browser host instead.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const DOWNLOAD_TIMEOUT_MS = 120_000
const passThrough = process.argv.slice(2)

const say = (line = '') => process.stderr.write(line + '\n')

/** A package's directory, or null when it is not installed. */
function packageDir(name) {
  try {
    let dir = dirname(require.resolve(name))
    while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
      const up = dirname(dir)
      if (up === dir) return null
      dir = up
    }
    return dir
  } catch {
    return null
  }
}

/**
 * The Electron executable, or null. Reads node_modules/electron/path.txt as electron's index.js
 * does, without requiring it: requiring it when the binary is missing starts a download with no
 * time limit. (Same rules as tests/support/electronBinary.ts.)
 */
function electronBinary(electronDir) {
  const exec = process.env.ELECTRON_EXEC_PATH
  if (exec) return existsSync(exec) ? exec : null
  let executable
  try {
    executable = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim() || null
  } catch {
    executable = null
  }
  const fallback = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'
  const overrideDist = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const full = overrideDist ? join(overrideDist, executable ?? fallback) : executable ? join(electronDir, 'dist', executable) : null
  return full && existsSync(full) ? full : null
}

/** Runs a command with inherited stdio; resolves with its exit code (1 for a signal or a timeout). */
function run(command, args, { timeoutMs = 0, forwardSignals = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env })
    let timedOut = false
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true
            child.kill('SIGTERM')
            setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5_000).unref()
          }, timeoutMs)
        : null
    const signals = forwardSignals ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : []
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    }
    for (const s of signals) process.on(s, forward)
    const finish = (code) => {
      if (timer) clearTimeout(timer)
      for (const s of signals) process.off(s, forward)
      resolvePromise({ code, timedOut })
    }
    child.on('error', (err) => {
      say(`✗ ${command}: ${err.message}`)
      finish(1)
    })
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)))
  })
}

function explainMissingElectron() {
  say()
  say('✗ 未安装 Electron 可执行文件，且无法下载。')
  say("  Electron's binary is not installed and could not be downloaded.")
  say()
  say('  • 浏览器模式（同一大屏）/ Browser host (the same wall):')
  say('      npm run serve        →  http://127.0.0.1:5180')
  say('  • 允许下载 Electron / Allow the Electron download (npm 11 skips unapproved install scripts):')
  say('      npm install-scripts approve electron && npm rebuild electron')
  say('  • 内网镜像 / Intranet mirror:')
  say('      ELECTRON_MIRROR=https://<mirror>/electron/ npm start')
  say('  • 已有 Electron 45 / An Electron 45 already on disk:')
  say('      ELECTRON_OVERRIDE_DIST_PATH=<its folder> npm start')
  say()
}

async function main() {
  const electronDir = packageDir('electron')
  const viteDir = packageDir('electron-vite')
  if (!electronDir || !viteDir) {
    say('✗ 依赖未安装 / dependencies are not installed: run `npm ci` first.')
    return 1
  }

  let electron = electronBinary(electronDir)
  if (!electron) {
    say(`… 未找到 Electron 可执行文件，尝试下载（最多 ${DOWNLOAD_TIMEOUT_MS / 1000} 秒）/ Electron binary missing: trying to download it (at most ${DOWNLOAD_TIMEOUT_MS / 1000} s)`)
    const { code, timedOut } = await run(process.execPath, [join(electronDir, 'install.js')], { timeoutMs: DOWNLOAD_TIMEOUT_MS })
    if (timedOut) say(`✗ 下载超时 / the download timed out after ${DOWNLOAD_TIMEOUT_MS / 1000} s`)
    else if (code !== 0) say(`✗ 下载失败 / the download failed (exit code ${code})`)
    electron = electronBinary(electronDir)
    if (!electron) {
      explainMissingElectron()
      return 1
    }
  }

  const build = await run(process.execPath, [join(viteDir, 'bin', 'electron-vite.js'), 'build'], { forwardSignals: true })
  if (build.code !== 0) {
    say(`✗ 构建失败 / electron-vite build failed (exit code ${build.code})`)
    return build.code
  }
  // '.' runs package.json's main (out/main/index.js) under the app's name and version.
  const app = await run(electron, ['.', ...passThrough], { forwardSignals: true })
  return app.code
}

main().then(
  (code) => process.exit(code),
  (err) => {
    say(`✗ ${err?.stack ?? err}`)
    process.exit(1)
  }
)
