import { describe, expect, it } from 'vitest'
import View from 'ol/View'
import VectorSource from 'ol/source/Vector'
import type Feature from 'ol/Feature'
import type Point from 'ol/geom/Point'
import type { DistrictMap, MapRegion } from '@shared/api/types'
import { areaView, childLevel, labelSize, pointLayerMinZoom, visibleAtZoom } from '@renderer/map/levels'
import { createBuildingLayer, createCameraLayer, createStaffLayer, zoomOf } from '@renderer/map/layers'
import mapZhCN from '@renderer/i18n/map/zh-CN'
import mapEnUS from '@renderer/i18n/map/en-US'

const square = (x: number): MapRegion['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0]
    ]
  ]
})
const region = (code: string, level: MapRegion['level'], parentCode: string | null): MapRegion => ({
  code,
  name: code,
  level,
  parentCode,
  centroid: [0, 0],
  geometry: square(0)
})
const d = '440311'
const map: DistrictMap = {
  crs: 'WGS84',
  district: region(d, 'district', null),
  streets: [region(`${d}-001`, 'street', d), region(`${d}-002`, 'street', d)],
  communities: [region(`${d}-001-01`, 'community', `${d}-001`), region(`${d}-001-02`, 'community', `${d}-001`), region(`${d}-002-01`, 'community', `${d}-002`)],
  grids: [
    region(`${d}-001-01-001`, 'grid', `${d}-001-01`),
    region(`${d}-001-01-002`, 'grid', `${d}-001-01`),
    region(`${d}-001-02-001`, 'grid', `${d}-001-02`)
  ]
}
const ref = (r: MapRegion) => ({ code: r.code, name: r.name, level: r.level })
const codes = (rs: MapRegion[]): string[] => rs.map((r) => r.code)

describe('the level below the selected area', () => {
  it('goes district → street → community → grid', () => {
    expect(childLevel('district')).toBe('street')
    expect(childLevel('street')).toBe('community')
    expect(childLevel('community')).toBe('grid')
  })

  it('shows the streets for the district (and with no selection), nothing dimmed', () => {
    for (const path of [[], [ref(map.district)]]) {
      const v = areaView(map, path)
      expect(v.area.code).toBe(d)
      expect(codes(v.shown)).toEqual([`${d}-001`, `${d}-002`])
      expect(v.dimmed).toEqual([])
    }
  })

  it('shows a street’s communities and dims the other streets', () => {
    const v = areaView(map, [ref(map.district), ref(map.streets[0]!)])
    expect(codes(v.shown)).toEqual([`${d}-001-01`, `${d}-001-02`])
    expect(codes(v.dimmed)).toEqual([`${d}-002`])
  })

  it('shows a community’s grids; a grid shows itself with its siblings dimmed', () => {
    const c = areaView(map, [ref(map.district), ref(map.streets[0]!), ref(map.communities[0]!)])
    expect(codes(c.shown)).toEqual([`${d}-001-01-001`, `${d}-001-01-002`])
    expect(codes(c.dimmed)).toEqual([`${d}-002`, `${d}-001-02`])
    const g = areaView(map, [ref(map.district), ref(map.streets[0]!), ref(map.communities[0]!), ref(map.grids[0]!)])
    expect(codes(g.shown)).toEqual([`${d}-001-01-001`])
    expect(codes(g.dimmed)).toContain(`${d}-001-01-002`)
  })

  it('labels streets largest, then communities, then grids, growing with the screen', () => {
    expect(labelSize('street', 1)).toBeGreaterThan(labelSize('community', 1))
    expect(labelSize('community', 1)).toBeGreaterThan(labelSize('grid', 1))
    expect(labelSize('street', 2)).toBe(52)
    expect(labelSize('grid', 0.5)).toBeGreaterThanOrEqual(16)
  })
})

describe('layer visibility by zoom', () => {
  const atZoom = (zoom: number): View => new View({ center: [12_680_000, 2_600_000], zoom, constrainResolution: false })

  it('shows buildings only from street zoom, cameras and workers from community zoom', () => {
    expect(visibleAtZoom('buildings', 12)).toBe(false)
    expect(visibleAtZoom('buildings', 13)).toBe(false)
    expect(visibleAtZoom('buildings', 14)).toBe(true)
    expect(pointLayerMinZoom.cameras).toBeGreaterThan(pointLayerMinZoom.buildings)
    // A 4K wall (scale 2) fits the same area one zoom higher: the threshold follows.
    expect(visibleAtZoom('buildings', 14, 2)).toBe(false)
    expect(visibleAtZoom('buildings', 14.5, 2)).toBe(true)
    expect(pointLayerMinZoom.staff).toBe(pointLayerMinZoom.cameras)
  })

  it('agrees with the OpenLayers layers themselves', () => {
    const layers = {
      buildings: createBuildingLayer(new VectorSource<Feature<Point>>(), 'canvas', 1),
      buildingsWebgl: createBuildingLayer(new VectorSource<Feature<Point>>(), 'webgl', 1),
      cameras: createCameraLayer(new VectorSource<Feature<Point>>(), () => 1),
      staff: createStaffLayer(new VectorSource<Feature<Point>>(), () => 1)
    }
    for (const zoom of [11, 12.6, 13.2, 15, 18]) {
      const view = atZoom(zoom)
      expect(layers.buildings.isVisible(view), `buildings at ${zoom}`).toBe(visibleAtZoom('buildings', zoom))
      expect(layers.buildingsWebgl.isVisible(view), `webgl buildings at ${zoom}`).toBe(visibleAtZoom('buildings', zoom))
      expect(layers.cameras.isVisible(view)).toBe(visibleAtZoom('cameras', zoom))
      expect(layers.staff.isVisible(view)).toBe(visibleAtZoom('staff', zoom))
      expect(zoomOf(view.getResolution()!)).toBeCloseTo(zoom, 6)
    }
  })
})

describe('map messages', () => {
  const flatten = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatten(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]))
  it('have the same keys in both languages, no empty strings', () => {
    expect(flatten(mapEnUS).sort()).toEqual(flatten(mapZhCN).sort())
  })
})
