import { eventCategories, type EventCategoryId } from '@shared/domain/categories'
import type { EventLevel, EventSource } from '@shared/domain/event'
import type { Random } from '../random'

/** How each category of the 事项清单 shows up in a district's year of events. */
export interface CategoryProfile {
  /** Share of all events, before seasonal change. */
  share: number
  /** Who reports it. Patrol finds most; residents call the 12345 hotline for requests. */
  sources: Partial<Record<EventSource, number>>
  titles: readonly string[]
  /** Extra weight with the grid's land use: urban villages and industrial parks. */
  affinity: { village: number; industrial: number }
  /** Months (1–12) when the category is more frequent, and by how much. */
  season?: { months: readonly number[]; factor: number }
  /** Weight of ending up as a difficult case that stays open (petitions, disputes). */
  difficulty: number
}

const rainySeason = [5, 6, 7, 8, 9]

export const categoryProfiles: Record<EventCategoryId, CategoryProfile> = {
  cityManagement: {
    share: 0.3,
    sources: { patrol: 0.55, resident: 0.12, hotline: 0.1, camera: 0.22, sensor: 0.01 },
    titles: ['占道经营', '流动摊贩', '违规停车', '违法搭建', '乱张贴小广告', '户外广告破损', '共享单车乱停放', '沿街晾晒'],
    affinity: { village: 1.2, industrial: 0.2 },
    difficulty: 0.6
  },
  environment: {
    share: 0.22,
    sources: { patrol: 0.5, resident: 0.2, hotline: 0.15, camera: 0.12, sensor: 0.03 },
    titles: ['垃圾堆放', '垃圾桶满溢', '污水外溢', '噪音扰民', '油烟扰民', '河道漂浮物', '建筑垃圾乱倒', '黑臭水体'],
    affinity: { village: 1, industrial: 0.5 },
    season: { months: rainySeason, factor: 1.3 },
    difficulty: 0.6
  },
  livelihood: {
    share: 0.12,
    sources: { patrol: 0.1, resident: 0.4, hotline: 0.5 },
    titles: ['停水停电求助', '学位咨询', '社保医保咨询', '租房纠纷求助', '困难群众求助', '公交线路建议', '证照办理咨询'],
    affinity: { village: 0.5, industrial: 0 },
    difficulty: 0.8
  },
  infrastructure: {
    share: 0.1,
    sources: { patrol: 0.45, resident: 0.15, hotline: 0.12, camera: 0.08, sensor: 0.2 },
    titles: ['井盖缺失', '井盖破损', '路灯不亮', '道路破损', '护栏损坏', '交通标志损坏', '消防栓损坏', '排水口堵塞'],
    affinity: { village: 0.4, industrial: 0.4 },
    season: { months: rainySeason, factor: 1.35 },
    difficulty: 0.8
  },
  dispute: {
    share: 0.08,
    sources: { patrol: 0.35, resident: 0.4, hotline: 0.25 },
    titles: ['邻里纠纷', '物业纠纷', '劳资纠纷', '租赁纠纷', '家庭纠纷', '消费纠纷', '征地拆迁纠纷'],
    affinity: { village: 1, industrial: 0.8 },
    season: { months: [12, 1], factor: 1.3 },
    difficulty: 2.5
  },
  publicSecurity: {
    share: 0.06,
    sources: { patrol: 0.4, resident: 0.2, hotline: 0.15, camera: 0.25 },
    titles: ['可疑人员', '打架斗殴', '盗窃线索', '治安隐患', '人员聚集', '电动车盗窃'],
    affinity: { village: 1, industrial: 0.4 },
    difficulty: 1.2
  },
  fireSafety: {
    share: 0.04,
    sources: { patrol: 0.5, resident: 0.1, hotline: 0.08, camera: 0.12, sensor: 0.2 },
    titles: ['消防通道堵塞', '电动车楼道充电', '灭火器过期', '三小场所住人', '私拉乱接电线', '烟感报警'],
    affinity: { village: 1.4, industrial: 0.8 },
    season: { months: [11, 12, 1, 2], factor: 1.3 },
    difficulty: 0.8
  },
  workSafety: {
    share: 0.03,
    sources: { patrol: 0.7, resident: 0.1, hotline: 0.1, sensor: 0.1 },
    titles: ['工地未戴安全帽', '危化品违规存放', '有限空间作业隐患', '厂房安全隐患', '脚手架隐患'],
    affinity: { village: 0, industrial: 2.5 },
    difficulty: 1
  },
  publicHealth: {
    share: 0.03,
    sources: { patrol: 0.5, resident: 0.25, hotline: 0.25 },
    titles: ['积水蚊媒孳生', '餐饮卫生问题', '食品安全隐患', '鼠患', '传染病防控'],
    affinity: { village: 1, industrial: 0.3 },
    season: { months: [6, 7, 8, 9], factor: 1.5 },
    difficulty: 0.8
  },
  petition: {
    share: 0.02,
    sources: { patrol: 0.1, resident: 0.5, hotline: 0.4 },
    titles: ['征地拆迁信访', '欠薪信访', '历史遗留问题信访', '物业管理信访', '环境污染信访'],
    affinity: { village: 0.8, industrial: 0.6 },
    season: { months: [12, 1], factor: 1.3 },
    difficulty: 5
  }
}

/** The category's share in a given month (1–12). */
export function monthlyShare(p: CategoryProfile, month: number): number {
  return p.share * (p.season?.months.includes(month) ? p.season.factor : 1)
}

export interface LevelDraw {
  level: EventLevel
  /** Raised to level 3 during handling: the timeline carries an `escalate` step. */
  escalated: boolean
}

/**
 * Mostly the category's default level (三级事件分类); some level 1–2 events turn out to be beyond
 * the community and are escalated to level 3, some simple level 2 matters are fixed on the spot.
 */
export function drawLevel(rng: Random, category: EventCategoryId): LevelDraw {
  const base = eventCategories[category].defaultLevel
  if (base === 3) return { level: 3, escalated: false }
  const r = rng.float()
  if (r < (base === 1 ? 0.03 : 0.08)) return { level: 3, escalated: true }
  if (base === 1 && r < 0.1) return { level: 2, escalated: false }
  if (base === 2 && r < 0.14) return { level: 1, escalated: false }
  return { level: base, escalated: false }
}
