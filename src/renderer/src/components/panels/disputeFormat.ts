import { disputeUrgencyNames, disputeWarningLevels, type DisputeUrgency, type DisputeWarningLevel } from '@shared/domain/dispute'

/** Formatting for the dispute early-warning panel and the event card (pure: unit-tested). */

/** A warning level's name ("一级" / "Level I") and colour word ("红色" / "red"); null for an ungraded dispute. */
export function disputeGrade(level: DisputeWarningLevel | null, zh: boolean): { name: string; colour: string } | null {
  const l = disputeWarningLevels.find((x) => x.level === level)
  return l ? { name: zh ? l.zh : l.en, colour: zh ? l.colourZh : l.colourEn } : null
}

export const urgencyName = (u: DisputeUrgency, zh: boolean): string => disputeUrgencyNames[u][zh ? 'zh' : 'en']

const TEN_THOUSAND = 10_000
/** `amount` in `unit`s, rounded down to one decimal ("12.5", "1"): a sum is never shown above a threshold it is below. */
const down1 = (amount: number, unit: number): string => String(Math.floor((amount * 10) / unit) / 10)
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * Money at stake as the wall says it: from 10,000 yuan in 万元 ("12.5万元", "1,200万元"), below it
 * in 元 ("3,000元"); in English "¥1.2M", "¥125k", "¥3,000". No sum (null) or none (0): null.
 */
export function formatYuan(amount: number | null, zh: boolean): string | null {
  if (amount === null || amount <= 0) return null
  if (zh) {
    if (amount < TEN_THOUSAND) return `${grouped(amount)}元`
    return `${amount < 100 * TEN_THOUSAND ? down1(amount, TEN_THOUSAND) : grouped(Math.floor(amount / TEN_THOUSAND))}万元`
  }
  if (amount >= 1_000_000) return `¥${down1(amount, 1_000_000)}M`
  if (amount >= TEN_THOUSAND) return `¥${Math.floor(amount / 1000)}k`
  return `¥${grouped(amount)}`
}
