import { panelIds } from '@renderer/layout/wallLayouts'

/**
 * What a one-panel briefing can show: any secondary panel of the wall, the KPI strip, or the map
 * (with its breadcrumb). Names are letters only (src/shared/briefing/spec.ts).
 */
export const briefingPanelIds = [...panelIds, 'kpis', 'map'] as const
export type BriefingPanelId = (typeof briefingPanelIds)[number]
