import { incidentLevelColors, type IncidentLevel } from '@shared/domain/incident'

/**
 * What the emergency wall writes: the incident clock, distances, ring labels, level colours and the
 * document title (pure; unit-tested).
 */

const pad = (n: number): string => String(n).padStart(2, '0')

/** The incident clock: "HH:MM:SS" since the start (hours go past 24); "00:00:00" before it. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
}

/** "80 m", "950 m", "1.2 km", "12 km": metres below a kilometre, one decimal below ten. */
export function formatDistance(m: number): string {
  if (!Number.isFinite(m) || m < 0) return '—'
  if (m < 1000) return `${Math.round(m)} m`
  const km = m / 1000
  return km < 10 ? `${trim(km.toFixed(1))} km` : `${Math.round(km)} km`
}

/** A ring's radius as its label: "500 m", "1 km", "1.5 km". */
export function ringLabel(m: number): string {
  return m < 1000 ? `${Math.round(m)} m` : `${trim((m / 1000).toFixed(2))} km`
}

const trim = (n: string): string => n.replace(/\.?0+$/, '')

/** 红 橙 黄 蓝 on the wall's dark background (I red … IV blue). */
export const levelCss: Readonly<Record<'red' | 'orange' | 'yellow' | 'blue', string>> = {
  red: '#ff3b3b',
  orange: '#ff8a1f',
  yellow: '#ffd21f',
  blue: '#3d8bff'
}
export const levelColor = (level: IncidentLevel): string => levelCss[incidentLevelColors[level]]

/** Text on a level's colour: dark on yellow and orange, white on red and blue. */
export const levelInk = (level: IncidentLevel): string => (level === 'II' || level === 'III' ? '#1a1200' : '#ffffff')

/**
 * The window's title: the product, and while an incident runs its type, level and label, with the
 * drill mark first so that screenshots and exports cannot miss it.
 */
export function documentTitle(product: string, incident: { typeName: string; level: IncidentLevel; label: string; drill: boolean } | null, drillMark: string): string {
  if (!incident) return product
  const what = `${incident.typeName} ${incident.level} · ${incident.label}`
  return `${incident.drill ? `【${drillMark}】` : ''}${what} — ${product}`
}

/** A count with thousands separators ("12,345"). */
export const formatCount = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—')
