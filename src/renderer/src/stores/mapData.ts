import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { BasemapInfo, BuildingPoints, CameraPoint, GridDetail, MapMetric, RegionMetrics, StaffPosition } from '@shared/api/types'
import { api } from '@renderer/api'
import { defaultMetric, defaultVisibility, type LayerKey, type LayerVisibility } from '@renderer/map/levels'
import { createQuery } from './query'

/**
 * The map's own data: basemap, buildings, cameras, workers' positions, the choropleth metric and
 * the selected grid's detail card. Raw (shallow, markRaw): 60,000 building coordinates must never
 * become reactive proxies. Plus the map's two controls: the metric and the layer toggles.
 */
export const useMapDataStore = defineStore('mapData', () => {
  const basemap = createQuery<BasemapInfo>()
  const buildings = createQuery<BuildingPoints>()
  const cameras = createQuery<CameraPoint[]>()
  const staff = createQuery<StaffPosition[]>()
  const metrics = createQuery<RegionMetrics>()
  const detail = createQuery<GridDetail>()

  const metric = shallowRef<MapMetric>(defaultMetric)
  const visibility = shallowRef<LayerVisibility>({ ...defaultVisibility })

  /** Basemap first (the layers are projected for it), then the point layers in parallel. */
  async function loadLayers(): Promise<void> {
    await basemap.run(() => api.map.basemap({}))
    await Promise.all([
      buildings.run(() => api.map.buildings({})),
      cameras.run(() => api.map.cameras({})),
      staff.run(() => api.map.staffPositions({}))
    ])
  }

  async function loadMetrics(): Promise<void> {
    const m = metric.value
    await metrics.run(() => api.map.metrics({ metric: m }))
  }

  async function setMetric(next: MapMetric): Promise<void> {
    if (next === metric.value && metrics.data.value?.metric === next) return
    metric.value = next
    await loadMetrics()
  }

  async function loadDetail(gridCode: string): Promise<void> {
    if (detail.data.value?.code !== gridCode) detail.data.value = null
    await detail.run(() => api.region.gridDetail({ gridCode }))
  }

  function setVisible(key: LayerKey, visible: boolean): void {
    visibility.value = { ...visibility.value, [key]: visible }
  }

  return {
    basemap: basemap.data,
    basemapError: basemap.error,
    buildings: buildings.data,
    buildingsError: buildings.error,
    cameras: cameras.data,
    staff: staff.data,
    metrics: metrics.data,
    metricsLoading: metrics.loading,
    metricsError: metrics.error,
    detail: detail.data,
    detailLoading: detail.loading,
    detailError: detail.error,
    metric,
    visibility,
    loadLayers,
    loadMetrics,
    setMetric,
    loadDetail,
    setVisible
  }
})
