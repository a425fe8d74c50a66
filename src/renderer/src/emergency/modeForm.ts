import type { ApiInput } from '@shared/api/contract'
import type { IncidentLevel, IncidentType } from '@shared/domain/incident'

/** What the 平急转换 form holds (console and wall share it: components/emergency/ModeForm.vue). */
export interface ModeFormState {
  type: IncidentType
  level: IncidentLevel
  by: 'grid' | 'point'
  gridCode: string
  lon: string
  lat: string
  reason: string
  drill: boolean
  summary: string
}

export const emptyModeForm = (gridCode = ''): ModeFormState => ({
  type: 'fire',
  level: 'IV',
  by: 'grid',
  gridCode,
  lon: '',
  lat: '',
  reason: '',
  drill: false,
  summary: ''
})

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
  if (form.by === 'grid') return form.gridCode.trim() ? { gridCode: form.gridCode.trim() } : null
  const lon = Number(form.lon)
  const lat = Number(form.lat)
  return form.lon.trim() && form.lat.trim() && Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null
}

/** Grids matching a search (name or code, case-insensitive), at most `limit`. */
export function searchGrids(grids: readonly { code: string; name: string }[], query: string, limit = 30): { value: string; name: string }[] {
  const q = query.trim().toLowerCase()
  const hits = q ? grids.filter((g) => g.name.toLowerCase().includes(q) || g.code.toLowerCase().includes(q)) : grids
  return hits.slice(0, limit).map((g) => ({ value: g.code, name: g.name }))
}
