import { DAY_MS, MINUTE_MS, HOUR_MS } from '../time'
import type { EventLevel } from './event'

/**
 * Deadline rules, as data. Sources:
 *  - 003 "13710": event cases within 1 day, component (部件) cases within 3 days, difficult within 7;
 *  - 004: general problems within 15 days, major difficult ones within 30;
 *  - 000: resident requests answered within 15 min, replied within 30 min, resolved within 24 h.
 */
export interface DeadlineRule {
  /** Time to resolve a level 1 or 2 event. */
  resolveMs: number
  /** Time to resolve a difficult (level 3) event. */
  difficultMs: number
  /** First response, when the rule sets one. */
  respondMs?: number
  /** Reply to the reporter, when the rule sets one. */
  replyMs?: number
}

export const deadlineRules = {
  cityEvent: { resolveMs: 1 * DAY_MS, difficultMs: 7 * DAY_MS },
  cityComponent: { resolveMs: 3 * DAY_MS, difficultMs: 7 * DAY_MS },
  general: { resolveMs: 15 * DAY_MS, difficultMs: 30 * DAY_MS },
  residentRequest: { resolveMs: 24 * HOUR_MS, difficultMs: 7 * DAY_MS, respondMs: 15 * MINUTE_MS, replyMs: 30 * MINUTE_MS }
} as const satisfies Record<string, DeadlineRule>
export type DeadlineRuleId = keyof typeof deadlineRules

export interface EventCategory {
  zh: string
  en: string
  defaultLevel: EventLevel
  rule: DeadlineRuleId
}

/** Groups of the 事项清单, each with its default level and deadline rule. */
export const eventCategories = {
  publicSecurity: { zh: '治安', en: 'Public security', defaultLevel: 2, rule: 'general' },
  dispute: { zh: '矛盾纠纷', en: 'Disputes', defaultLevel: 2, rule: 'general' },
  petition: { zh: '信访', en: 'Petitions', defaultLevel: 3, rule: 'general' },
  cityManagement: { zh: '城市管理', en: 'City management', defaultLevel: 1, rule: 'cityEvent' },
  environment: { zh: '环境卫生', en: 'Environment', defaultLevel: 1, rule: 'cityEvent' },
  workSafety: { zh: '安全生产', en: 'Work safety', defaultLevel: 2, rule: 'general' },
  fireSafety: { zh: '消防安全', en: 'Fire safety', defaultLevel: 2, rule: 'cityEvent' },
  publicHealth: { zh: '公共卫生', en: 'Public health', defaultLevel: 2, rule: 'general' },
  livelihood: { zh: '民生诉求', en: 'Livelihood requests', defaultLevel: 1, rule: 'residentRequest' },
  infrastructure: { zh: '部件设施', en: 'Infrastructure components', defaultLevel: 2, rule: 'cityComponent' }
} as const satisfies Record<string, EventCategory>
export type EventCategoryId = keyof typeof eventCategories
export const eventCategoryIds = Object.keys(eventCategories) as EventCategoryId[]

/** The one place a deadline is computed: reported time + the category's rule for the level. */
export function deadlineFor(category: EventCategoryId, level: EventLevel, reportedAt: number): number {
  const rule: DeadlineRule = deadlineRules[eventCategories[category].rule]
  return reportedAt + (level === 3 ? rule.difficultMs : rule.resolveMs)
}

export function isOverdue(deadlineAt: number, closedAt: number | null, now: number): boolean {
  return (closedAt ?? now) > deadlineAt
}
