import type { ApiInput } from '@shared/api/contract'
import type { PlaceHit } from '@shared/api/types'
import { isRegionCode } from '@shared/domain/gridCode'
import type { IncidentLevel, IncidentType } from '@shared/domain/incident'
import type { PickedPoint } from '@renderer/stores/mapPick'

/**
 * What the 平急转换 form holds (console and wall share it: components/emergency/ModeForm.vue). The
 * parent owns it, so that it outlives the dialog (the wall closes it while a point is picked).
 */
export interface ModeFormState {
  type: IncidentType
  level: IncidentLevel
  /** A grid or building searched for (places.search), or a WGS-84 point (typed or picked on the map). */
  by: 'place' | 'point'
  /** The search box's text; a grid code typed in full is taken as it is. */
  place: string
  /** The suggestion chosen, as long as the search box still shows it. */
  chosen: PlaceHit | null
  lon: string
  lat: string
  /** The point picked on the map and its grid, as long as lon and lat are still that point. */
  picked: { lon: string; lat: string; gridName: string | null } | null
  reason: string
  drill: boolean
  summary: string
}

export const emptyModeForm = (gridCode = ''): ModeFormState => ({
  type: 'fire',
  level: 'IV',
  by: 'place',
  place: gridCode,
  chosen: null,
  lon: '',
  lat: '',
  picked: null,
  reason: '',
  drill: false,
  summary: ''
})

/** Picked points keep 6 decimals (about 0.1 m). */
const POINT_DECIMALS = 6

/** The form with the point picked on the map as its location (the rest as it was). */
export function withPickedPoint(form: ModeFormState, point: PickedPoint): ModeFormState {
  const lon = point.lon.toFixed(POINT_DECIMALS)
  const lat = point.lat.toFixed(POINT_DECIMALS)
  return { ...form, by: 'point', lon, lat, picked: { lon, lat, gridName: point.gridName } }
}

/** The grid of the picked point while lon and lat still hold it: its name, null outside the district; undefined when nothing was picked (or it was edited). */
export function pickedGrid(form: ModeFormState): string | null | undefined {
  const p = form.picked
  return p && p.lon === form.lon.trim() && p.lat === form.lat.trim() ? p.gridName : undefined
}

/** What the search box shows for a suggestion once chosen: a building's name (its address), a grid's name. */
export const placeText = (hit: PlaceHit): string => hit.name

export type ModeFormResult =
  | { ok: true; kind: 'enter'; input: ApiInput<'mode.enter'> }
  | { ok: true; kind: 'leave'; summary: string }
  | { ok: false; invalid: 'reason' | 'location' | 'summary' }

/** The call the form asks for, or the first field that is not filled in (pure; unit-tested). */
export function modeFormResult(form: ModeFormState, target: 'emergency' | 'normal'): ModeFormResult {
  if (target === 'normal') {
    const summary = form.summary.trim()
    return summary.length < 2 ? { ok: false, invalid: 'summary' } : { ok: true, kind: 'leave', summary }
  }
  const reason = form.reason.trim()
  if (reason.length < 2) return { ok: false, invalid: 'reason' }
  const location = formLocation(form)
  if (location === null) return { ok: false, invalid: 'location' }
  return { ok: true, kind: 'enter', input: { type: form.type, level: form.level, location, reason, drill: form.drill } }
}

function formLocation(form: ModeFormState): ApiInput<'mode.enter'>['location'] | null {
  if (form.by === 'place') {
    const text = form.place.trim()
    const chosen = form.chosen
    if (chosen && text === placeText(chosen)) return chosen.kind === 'building' ? { buildingId: chosen.id } : { gridCode: chosen.id }
    return isRegionCode(text, 'grid') ? { gridCode: text } : null
  }
  const lon = Number(form.lon)
  const lat = Number(form.lat)
  return form.lon.trim() && form.lat.trim() && Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null
}
