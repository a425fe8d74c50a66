import type { EventSource } from './event'

/**
 * Resident demands (民生诉求, DOMAIN.md §3): what residents themselves raise, whatever its category —
 * by QR code, WeChat or the app (`resident`) and by the 12345 hotline (`hotline`). Patrols, cameras
 * and sensors find problems; they are not demands. The hot-demand figure (docs/STATISTICS.md)
 * counts these sources per category.
 */
export const residentDemandSources = ['resident', 'hotline'] as const satisfies readonly EventSource[]

/** The hot-demand comparison: the last 7 × 24 h against the 7 × 24 h before. */
export const DEMAND_WEEK_DAYS = 7
