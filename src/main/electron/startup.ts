import { app, dialog } from 'electron'
import { ConfigError } from '../config'
import { StoreOpenError } from '../store/database'

const storeTitles: Record<StoreOpenError['reason'], string> = {
  corrupt: '数据库文件已损坏 / The database file is corrupt',
  'newer-schema': '数据库来自更新的版本 / The database was written by a newer version',
  foreign: '不是本应用的数据库 / This is not a Grid Command Center database',
  io: '无法打开数据库 / Cannot open the database'
}

/** The title and text of the native dialog for an error that stops start-up. */
export function describeStartupError(err: unknown): { title: string; message: string } {
  if (err instanceof StoreOpenError) return { title: storeTitles[err.reason], message: err.message }
  if (err instanceof ConfigError) return { title: '配置错误 / Invalid configuration', message: err.message }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err)
  return { title: '启动失败 / Start-up failed', message: detail }
}

/**
 * Stops start-up: logs, shows a native error dialog (safe before `ready`) and exits with 1.
 * Never touches the database file.
 */
export function failStartup(err: unknown, log: (line: string) => void): void {
  const { title, message } = describeStartupError(err)
  log(`[app] ${title}: ${message}`)
  try {
    dialog.showErrorBox(title, message)
  } finally {
    app.exit(1)
  }
}
