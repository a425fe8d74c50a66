import type { Component } from 'vue'
import type { PanelId } from '@renderer/layout/wallLayouts'
import EventsByAreaChart from '../EventsByAreaChart.vue'
import AlertFeedPanel from '../alerts/AlertFeedPanel.vue'
import BuildingRiskPanel from './BuildingRiskPanel.vue'
import CategoriesPanel from './CategoriesPanel.vue'
import DisputesPanel from './DisputesPanel.vue'
import HotDemandsPanel from './HotDemandsPanel.vue'
import HotspotsPanel from './HotspotsPanel.vue'
import HourlyPanel from './HourlyPanel.vue'
import HourWeekdayPanel from './HourWeekdayPanel.vue'
import RankingPanel from './RankingPanel.vue'
import SourcesPanel from './SourcesPanel.vue'
import SupervisionPanel from './SupervisionPanel.vue'
import TrendPanel from './TrendPanel.vue'

/** The component of each secondary panel, for layouts and the carousel. */
export const panelComponents: Record<PanelId, Component> = {
  alerts: AlertFeedPanel,
  trend: TrendPanel,
  hourly: HourlyPanel,
  categories: CategoriesPanel,
  byArea: EventsByAreaChart,
  sources: SourcesPanel,
  buildingRisk: BuildingRiskPanel,
  ranking: RankingPanel,
  hotspots: HotspotsPanel,
  supervision: SupervisionPanel,
  disputes: DisputesPanel,
  hourWeekday: HourWeekdayPanel,
  hotDemands: HotDemandsPanel
}
