import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const platformExecutable = (): string =>
  process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron'

/**
 * The installed Electron executable, or null when there is none. It reads
 * node_modules/electron/path.txt as electron's own index.js does, but never requires that
 * module: requiring it when the binary is missing starts a download with no time limit.
 * ELECTRON_EXEC_PATH (electron-vite's override) and ELECTRON_OVERRIDE_DIST_PATH are honoured.
 */
export function electronBinaryPath(): string | null {
  const exec = process.env['ELECTRON_EXEC_PATH']
  if (exec) return existsSync(exec) ? exec : null
  let packageDir: string
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  let executable: string | null
  try {
    executable = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim() || null
  } catch {
    executable = null
  }
  const overrideDist = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const full = overrideDist
    ? join(overrideDist, executable ?? platformExecutable())
    : executable
      ? join(packageDir, 'dist', executable)
      : null
  return full && existsSync(full) ? full : null
}
