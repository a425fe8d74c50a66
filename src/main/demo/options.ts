/** What the demo generator takes, and how it reports progress. */
export interface DemoOptions {
  seed: number
  /** 1 = the default district (~36,000 events a year); larger scales multiply events, buildings, cameras and staff. */
  scale: number
  /** District centre, WGS-84 [lon, lat]. */
  center: [number, number]
  /** "Today": the twelve months of events end here. */
  now: number
  onProgress?: (progress: DemoProgress) => void
}

export interface DemoProgress {
  /** Short phase name, e.g. "regions", "buildings", "events", "writing". */
  phase: string
  /** 0–1 over the whole run. */
  fraction: number
  message: string
}

export interface DemoSummary {
  seed: number
  scale: number
  districtCode: string
  districtName: string
  streets: number
  communities: number
  grids: number
  buildings: number
  cameras: number
  staff: number
  alerts: number
  events: number
  /** Rows of event timelines (event_transitions). */
  transitions: number
  elapsedMs: number
}

export const DEFAULT_DEMO_CENTER: [number, number] = [113.94, 22.76]
export const DEFAULT_DEMO_SEED = 20261122
