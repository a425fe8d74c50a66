import type { Component } from 'vue'
import type { EmergencyPanelId } from '@renderer/layout/emergencyLayouts'
import AlertFeedPanel from '../alerts/AlertFeedPanel.vue'
import TasksPanel from '../panels/TasksPanel.vue'
import AffectedPanel from './AffectedPanel.vue'
import IncidentLogPanel from './IncidentLogPanel.vue'
import ResourcesPanel from './ResourcesPanel.vue'
import RingCamerasPanel from './RingCamerasPanel.vue'
import RingSummaryPanel from './RingSummaryPanel.vue'

/** The component of each emergency panel (layout/emergencyLayouts.ts). */
export const emergencyPanelComponents: Record<EmergencyPanelId, Component> = {
  rings: RingSummaryPanel,
  affected: AffectedPanel,
  resources: ResourcesPanel,
  tasks: TasksPanel,
  cameras: RingCamerasPanel,
  log: IncidentLogPanel,
  alerts: AlertFeedPanel
}
