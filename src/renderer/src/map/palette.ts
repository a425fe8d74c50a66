/**
 * Street fill colours for the dark wall: eight hues spread around the colour wheel, mid
 * lightness so white borders and labels stay readable on top, and no pure red (red means alarm).
 */
export const streetPalette = [
  '#2f74d6', // blue
  '#17a88f', // teal
  '#c9962c', // ochre
  '#8b5cd6', // violet
  '#4f9f3a', // green
  '#c4577f', // rose
  '#2a9fcc', // cyan
  '#a0784a' // bronze
] as const

/** Fallback for a grid whose street is unknown. */
export const unknownStreetColor = '#5a6b84'

/**
 * One colour per street, by the street's rank in code order: the same district always gets the
 * same colours whatever order the streets arrive in; distinct up to the palette's length.
 */
export function assignStreetColors(streetCodes: readonly string[]): Map<string, string> {
  const sorted = [...new Set(streetCodes)].sort()
  return new Map(sorted.map((code, i) => [code, streetPalette[i % streetPalette.length]!]))
}

/** "#2f74d6" + alpha 0.5 → "rgba(47, 116, 214, 0.5)". */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}

/** The street a region belongs to, from its code: 440311-003-02-017 → 440311-003. */
export function streetCodeOf(regionCode: string): string | null {
  const parts = regionCode.split('-')
  return parts.length >= 2 ? `${parts[0]}-${parts[1]}` : null
}

/**
 * Sequential choropleth ramp for the dark wall, low → high: a dark navy that sinks into the
 * background, through teal, to a pale lime that stands out. Monotonic in lightness, no red
 * (red is kept for alarms and warning buildings).
 */
export const choroplethRamp = ['#1b3456', '#1d5a86', '#2386a6', '#4db3aa', '#a6dc8c'] as const

/** Fill of a region while its metric is unavailable. */
export const noDataColor = '#34465f'

/** Building risk (楼栋分类分级): 放心 green, 一般 blue, 警示 amber-red; index = the API's risk code. */
export const riskColors = ['#35d49a', '#3d9bff', '#ff6a2b'] as const
export const riskKeys = ['safe', 'normal', 'warning'] as const

/** Cameras and grid workers. */
export const pointColors = {
  cameraOnline: '#3fe0ff',
  cameraOffline: '#8b95a8',
  staff: '#ffffff',
  staffRing: '#b477ff',
  outline: 'rgba(3, 8, 18, 0.9)'
} as const
