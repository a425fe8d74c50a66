/**
 * The wall runs in Asia/Shanghai whatever the machine's zone. China has observed no daylight
 * saving time since 1991, so the zone is a fixed UTC+08:00 offset for every date we handle.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000
export const MINUTE_MS = 60_000
export const HOUR_MS = 3600_000
export const DAY_MS = 86_400_000

/** Start (epoch ms) of the Shanghai calendar day containing `at`. */
export function shanghaiDayStart(at: number): number {
  return Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS
}

/** Hour of day 0–23 in Shanghai. */
export function shanghaiHour(at: number): number {
  return new Date(at + SHANGHAI_OFFSET_MS).getUTCHours()
}

/** Day of week in Shanghai, 0 = Monday … 6 = Sunday. */
export function shanghaiWeekday(at: number): number {
  return (new Date(at + SHANGHAI_OFFSET_MS).getUTCDay() + 6) % 7
}

/** Calendar fields in Shanghai. */
export function shanghaiParts(at: number): {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
} {
  const d = new Date(at + SHANGHAI_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds()
  }
}

/** Epoch ms of a Shanghai wall-clock time. */
export function fromShanghai(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** "2026-11-22" in Shanghai. */
export function formatShanghaiDate(at: number): string {
  const p = shanghaiParts(at)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** "2026-11-22 14:05:09" in Shanghai. */
export function formatShanghaiDateTime(at: number): string {
  const p = shanghaiParts(at)
  return `${formatShanghaiDate(at)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
}
