import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { PlaceHit } from '@shared/api/types'
import { emptyModeForm, modeFormResult, pickedGrid, placeText, withPickedPoint } from '@renderer/emergency/modeForm'
import { useMapPickStore } from '@renderer/stores/mapPick'
import { projectWgs84 } from '@renderer/map/features'
import { resourceFeatures } from '@renderer/map/incidentFeatures'

/** The incident's location in the 平急转换 form: a searched grid or building, a point picked on the map. */

const building: PlaceHit = { kind: 'building', id: 'BLD-00042', name: '圳美新村24巷6号', gridCode: '440311-001-01-001', gridName: '圳美社区第1网格', lon: 113.93, lat: 22.77 }
const grid: PlaceHit = { kind: 'grid', id: '440311-002-01-001', name: '凤凰社区第1网格', gridCode: '440311-002-01-001', lon: 113.95, lat: 22.75 }
const base = { ...emptyModeForm(), reason: '楼栋起火' }

describe('the form’s location', () => {
  it('sends the chosen building as { buildingId } and the chosen grid as { gridCode }', () => {
    expect(modeFormResult({ ...base, place: placeText(building), chosen: building }, 'emergency')).toMatchObject({ ok: true, input: { location: { buildingId: 'BLD-00042' } } })
    expect(modeFormResult({ ...base, place: ` ${placeText(grid)} `, chosen: grid }, 'emergency')).toMatchObject({ ok: true, input: { location: { gridCode: grid.id } } })
  })

  it('forgets the choice once the text is edited, but takes a full grid code typed in', () => {
    expect(modeFormResult({ ...base, place: '圳美新村24巷', chosen: building }, 'emergency')).toEqual({ ok: false, invalid: 'location' })
    expect(modeFormResult({ ...base, place: '圳美新村' }, 'emergency')).toEqual({ ok: false, invalid: 'location' })
    expect(modeFormResult({ ...base, place: '440311-001-01-001' }, 'emergency')).toMatchObject({ ok: true, input: { location: { gridCode: '440311-001-01-001' } } })
  })

  it('fills in a point picked on the map (6 decimals) and sends it as { lon, lat }; the rest of the form stays', () => {
    const before = { ...base, type: 'gasLeak' as const, level: 'II' as const, drill: true, place: '圳美' }
    const form = withPickedPoint(before, { lon: 113.9251234567, lat: 22.7249876543, gridCode: '440311-001-01-001', gridName: '圳美社区第1网格' })
    expect(form).toMatchObject({ by: 'point', lon: '113.925123', lat: '22.724988', type: 'gasLeak', level: 'II', drill: true, reason: '楼栋起火', place: '圳美' })
    expect(pickedGrid(form)).toBe('圳美社区第1网格')
    expect(modeFormResult(form, 'emergency')).toEqual({
      ok: true,
      kind: 'enter',
      input: { type: 'gasLeak', level: 'II', location: { lon: 113.925123, lat: 22.724988 }, reason: '楼栋起火', drill: true }
    })
    // Outside the district: no grid; edited by hand: no longer the picked point.
    expect(pickedGrid(withPickedPoint(base, { lon: 120, lat: 30, gridCode: null, gridName: null }))).toBeNull()
    expect(pickedGrid({ ...form, lon: '113.93' })).toBeUndefined()
    expect(pickedGrid(base)).toBeUndefined()
  })
})

describe('the map pick store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('resolves with the point clicked, or null when cancelled, and is inactive after', async () => {
    const pick = useMapPickStore()
    const first = pick.start()
    expect(pick.active).toBe(true)
    pick.pick({ lon: 113.9, lat: 22.7, gridCode: null, gridName: null })
    expect(await first).toEqual({ lon: 113.9, lat: 22.7, gridCode: null, gridName: null })
    expect(pick.active).toBe(false)
    const second = pick.start()
    pick.cancel()
    expect(await second).toBeNull()
  })

  it('cancels a pick when another starts or when the last map goes', async () => {
    const pick = useMapPickStore()
    const detach = pick.attach()
    expect(pick.maps).toBe(1)
    const first = pick.start()
    const second = pick.start()
    expect(await first).toBeNull()
    expect(pick.active).toBe(true)
    detach()
    detach()
    expect(pick.maps).toBe(0)
    expect(await second).toBeNull()
    expect(pick.active).toBe(false)
  })
})

describe('resource markers', () => {
  it('carry the staff id a click dispatches to', () => {
    const staff = { id: 'V1', name: '张三', gridCode: 'g', lon: 113.9, lat: 22.7, distanceM: 420, ring: 0, role: 'vanguardTeam' as const, phone: '1' }
    const features = resourceFeatures({ vanguard: [staff], workers: [{ ...staff, id: 'W1', role: 'gridWorker' as const }], shelters: [], supplyPoints: [] }, projectWgs84)
    expect(features.map((f) => [f.get('kind'), f.get('resourceId'), f.get('distanceM')])).toEqual([
      ['vanguard', 'V1', 420],
      ['worker', 'W1', 420]
    ])
  })
})
