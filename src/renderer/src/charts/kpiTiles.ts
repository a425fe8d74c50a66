import type { KpiValue, WallKpis } from '@shared/api/types'

/** The KPI strip's tiles, in order. */
export const kpiKeys = [
  'reportedToday',
  'closedToday',
  'resolutionRate',
  'onTimeRate',
  'satisfaction',
  'overdue',
  'camerasOnline',
  'staffOnDuty'
] as const
export type KpiKey = (typeof kpiKeys)[number]

/** Whether a rise is good news (green), bad news (red) or neither (blue: more reports is not a failure). */
type Better = 'up' | 'down' | 'neither'
const kpiSpec: Record<KpiKey, { kind: 'count' | 'rate'; better: Better }> = {
  reportedToday: { kind: 'count', better: 'neither' },
  closedToday: { kind: 'count', better: 'up' },
  resolutionRate: { kind: 'rate', better: 'up' },
  onTimeRate: { kind: 'rate', better: 'up' },
  satisfaction: { kind: 'rate', better: 'up' },
  overdue: { kind: 'count', better: 'down' },
  camerasOnline: { kind: 'count', better: 'up' },
  staffOnDuty: { kind: 'count', better: 'up' }
}

export type Tone = 'good' | 'bad' | 'neutral'

export interface KpiDelta {
  arrow: '▲' | '▼' | '＝'
  /** The absolute difference: "12" for counts, "1.5" (percentage points) for rates. */
  text: string
  tone: Tone
}

export interface KpiTile {
  key: KpiKey
  kind: 'count' | 'rate'
  /** Raw figure for data-value: a count, or a rate 0–1; null when unknown. */
  raw: number | null
  /** Display text: "1,234", "98.5" (the % is the unit), "—" when unknown. */
  text: string
  /** For camerasOnline: "/ 958". */
  of: string | null
  delta: KpiDelta | null
  basis: KpiValue['basis']
}

const num = (n: number): string => Math.round(n).toLocaleString('zh-CN')
const pct = (r: number): string => (r * 100).toFixed(1)

/** Change from `previous` to `value`, coloured by whether it is good news for this figure. */
export function kpiDelta(key: KpiKey, value: number | null, previous: number | null): KpiDelta | null {
  if (value === null || previous === null) return null
  const { kind, better } = kpiSpec[key]
  const diff = value - previous
  // Rates compare in percentage points at the shown precision: 98.51% vs 98.54% is "＝".
  const shown = kind === 'rate' ? Math.round(diff * 1000) / 10 : Math.round(diff)
  if (shown === 0) return { arrow: '＝', text: '0', tone: 'neutral' }
  const up = shown > 0
  const tone: Tone = better === 'neither' ? 'neutral' : (better === 'up') === up ? 'good' : 'bad'
  return { arrow: up ? '▲' : '▼', text: kind === 'rate' ? Math.abs(shown).toFixed(1) : num(Math.abs(shown)), tone }
}

function tile(key: KpiKey, v: KpiValue): KpiTile {
  const { kind } = kpiSpec[key]
  const text = v.value === null ? '—' : kind === 'rate' ? pct(v.value) : num(v.value)
  return { key, kind, raw: v.value, text, of: null, delta: v.basis === 'none' ? null : kpiDelta(key, v.value, v.previous), basis: v.basis }
}

/** The eight tiles of the strip from the API's figures (pure: unit-tested). */
export function buildKpiTiles(k: WallKpis): KpiTile[] {
  return kpiKeys.map((key) => {
    if (key === 'camerasOnline') {
      const c = k.camerasOnline
      return { key, kind: 'count', raw: c.online, text: num(c.online), of: `/ ${num(c.total)}`, delta: null, basis: 'none' }
    }
    return tile(key, k[key])
  })
}
