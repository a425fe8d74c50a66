/** 平急转换: normal service or emergency command. */
export const operatingModes = ['normal', 'emergency'] as const
export type OperatingMode = (typeof operatingModes)[number]

export interface ModeChange {
  id: number
  at: number
  mode: OperatingMode
  operator: string
  reason: string
  incident: string | null
}
