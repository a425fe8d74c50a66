import { shanghaiParts } from '@shared/time'

/** Formatting for the supervision panel and the event card (pure: unit-tested). */

const MINUTE_MS = 60_000

/**
 * A span as the wall says it, to the two largest units, rounded down: "2天3小时", "1小时20分",
 * "45分", under a minute "不足1分" (English "2d 3h", "1h 20m", "45m", "<1m").
 */
export function formatSpan(ms: number, zh: boolean): string {
  const total = Math.max(0, Math.floor(ms / MINUTE_MS))
  const days = Math.floor(total / (24 * 60))
  const hours = Math.floor((total % (24 * 60)) / 60)
  const minutes = total % 60
  const u = zh ? { d: '天', h: '小时', m: '分' } : { d: 'd', h: 'h', m: 'm' }
  const join = (parts: string[]): string => parts.join(zh ? '' : ' ')
  if (days > 0) return join([`${days}${u.d}`, ...(hours > 0 ? [`${hours}${u.h}`] : [])])
  if (hours > 0) return join([`${hours}${u.h}`, ...(minutes > 0 ? [`${minutes}${u.m}`] : [])])
  if (minutes > 0) return `${minutes}${u.m}`
  return zh ? '不足1分' : '<1m'
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** A timeline time, Shanghai wall clock: "HH:mm MM-DD". */
export function formatStepTime(at: number): string {
  const p = shanghaiParts(at)
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.month)}-${pad(p.day)}`
}

