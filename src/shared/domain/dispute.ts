import { z } from 'zod'

/**
 * Dispute early warning (矛盾纠纷分级预警, seed 001: "根据矛盾纠纷涉及人数、紧急程度、涉案金额等因素进行
 * 三级分类"; docs/EVENTS.md). A dispute is an event of category `dispute`; its facts are recorded
 * beside it and its warning level follows from them by the rule below, which is data.
 */

/**
 * How urgent a dispute is (紧急程度), least first. The names are those of work-order systems
 * (一般 / 紧急 / 特急; 特急 is also the highest urgency mark of official documents, GB/T 9704):
 *  - normal 一般: ordinary mediation within the category's deadline;
 *  - urgent 紧急: likely to sharpen within days (wages due before the Spring Festival, a
 *    demolition date, repeated complaints); act within the day;
 *  - critical 特急: signs of violence or an extreme act (民转刑、个人极端), or a gathering or
 *    blockade under way or announced; act at once.
 */
export const disputeUrgencies = ['normal', 'urgent', 'critical'] as const
export type DisputeUrgency = (typeof disputeUrgencies)[number]
export const disputeUrgencyNames: Record<DisputeUrgency, { zh: string; en: string }> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' }
}
const urgencyRank = (u: DisputeUrgency): number => disputeUrgencies.indexOf(u)

/** The facts a dispute is graded on. */
export const disputeFactsSchema = z
  .object({
    /** People involved (涉及人数), both sides: a dispute has at least two parties. */
    people: z.number().int().min(2).max(1_000_000),
    urgency: z.enum(disputeUrgencies),
    /** Money at stake (涉案金额) in whole yuan; null when none is stated. */
    amountYuan: z.number().int().min(0).max(1_000_000_000_000).nullable().default(null)
  })
  .strict()
export type DisputeFacts = z.output<typeof disputeFactsSchema>

/**
 * The three warning levels, most serious first, as in China's early-warning convention (突发事件
 * 预警: 一级 red is the highest, then 二级 orange, 三级 yellow; the fourth, blue, is not used here).
 * A dispute takes the first level any of whose bounds it reaches: people involved at least
 * `minPeople`, urgency at least `minUrgency`, or money at stake at least `minAmountYuan`.
 *  - red: 50 people or more (a mass dispute, beyond what a community mediates alone), critical
 *    urgency, or 1,000,000 yuan (100万元) or more;
 *  - orange: 5 people or more (a group dispute, 群体性: five is also the most representatives a
 *    collective visit may send, 信访工作条例), urgent, or 100,000 yuan (10万元) or more;
 *  - yellow: every other dispute.
 * 10万 and 100万 are the round sums local grading schemes commonly use.
 */
export const disputeWarningLevels = [
  { level: 'red', grade: 1, minPeople: 50, minUrgency: 'critical', minAmountYuan: 1_000_000, zh: '一级', colourZh: '红色', en: 'Level I', colourEn: 'red' },
  { level: 'orange', grade: 2, minPeople: 5, minUrgency: 'urgent', minAmountYuan: 100_000, zh: '二级', colourZh: '橙色', en: 'Level II', colourEn: 'orange' },
  { level: 'yellow', grade: 3, minPeople: 2, minUrgency: 'normal', minAmountYuan: 0, zh: '三级', colourZh: '黄色', en: 'Level III', colourEn: 'yellow' }
] as const satisfies readonly {
  level: string
  grade: number
  minPeople: number
  minUrgency: DisputeUrgency
  minAmountYuan: number
  zh: string
  colourZh: string
  en: string
  colourEn: string
}[]
export type DisputeWarningLevel = (typeof disputeWarningLevels)[number]['level']
export const disputeWarningLevelIds: readonly DisputeWarningLevel[] = disputeWarningLevels.map((l) => l.level)

/** The warning level of a dispute with these facts. */
export function disputeWarningLevel(facts: DisputeFacts): DisputeWarningLevel {
  for (const l of disputeWarningLevels) {
    if (
      facts.people >= l.minPeople ||
      urgencyRank(facts.urgency) >= urgencyRank(l.minUrgency) ||
      (facts.amountYuan !== null && facts.amountYuan >= l.minAmountYuan)
    ) {
      return l.level
    }
  }
  return 'yellow'
}

/** An open dispute to order: its facts (null when none are recorded: 待研判, ungraded) and when it was reported. */
export interface DisputeOrderKey {
  id: string
  reportedAt: number
  facts: DisputeFacts | null
  warningLevel: DisputeWarningLevel | null
}

const levelRank = (l: DisputeWarningLevel | null): number => (l === null ? disputeWarningLevels.length : disputeWarningLevelIds.indexOf(l))

/**
 * Most serious first: warning level (ungraded disputes last), then urgency, then people involved
 * (more first), then age (the older first), then id.
 */
export function compareDisputes(a: DisputeOrderKey, b: DisputeOrderKey): number {
  return (
    levelRank(a.warningLevel) - levelRank(b.warningLevel) ||
    (b.facts ? urgencyRank(b.facts.urgency) : -1) - (a.facts ? urgencyRank(a.facts.urgency) : -1) ||
    (b.facts?.people ?? 0) - (a.facts?.people ?? 0) ||
    a.reportedAt - b.reportedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}
