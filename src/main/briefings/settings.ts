import { ConfigError } from '../config'
import { DEFAULT_READY_TIMEOUT_MS } from './capturer'

export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai'

export interface BriefingCaptureSettings {
  /** GCC_CHROMIUM: the browser host's Chromium; null: the default (/usr/bin/chromium). */
  chromium: string | null
  /** GCC_BRIEFING_TIMEOUT_S: how long a briefing page may take to draw (default 60 s, 5–600). */
  readyTimeoutMs: number
}

/** The capture settings from the environment; a bad value stops start-up with a clear message. */
export function briefingCaptureSettings(env: NodeJS.ProcessEnv = process.env): BriefingCaptureSettings {
  const raw = env['GCC_BRIEFING_TIMEOUT_S']
  let readyTimeoutMs = DEFAULT_READY_TIMEOUT_MS
  if (raw !== undefined && raw !== '') {
    const seconds = Number(raw)
    if (!Number.isFinite(seconds) || seconds < 5 || seconds > 600) {
      throw new ConfigError(`配置无效 / invalid configuration: GCC_BRIEFING_TIMEOUT_S must be 5–600 seconds, got "${raw}"`)
    }
    readyTimeoutMs = Math.round(seconds * 1000)
  }
  return { chromium: env['GCC_CHROMIUM'] || null, readyTimeoutMs }
}
