import { ref } from 'vue'
import { defineStore } from 'pinia'

/** A point picked on the wall's map: WGS-84, and the grid holding it (null outside the district). */
export interface PickedPoint {
  lon: number
  lat: number
  gridCode: string | null
  gridName: string | null
}

/**
 * Picking a point on the map (the incident's location, 平急转换 form): `start()` puts the map in
 * pick mode (a banner, a crosshair; composables/useMapPick.ts takes the next map click) and resolves
 * with the point, or with null when cancelled (Esc, the banner's button, another start).
 */
export const useMapPickStore = defineStore('mapPick', () => {
  const active = ref(false)
  /** Maps that take a pick (the wall's district map): none in the console, so the form offers no pick there. */
  const maps = ref(0)
  let settle: ((point: PickedPoint | null) => void) | null = null

  function finish(point: PickedPoint | null): void {
    const done = settle
    settle = null
    active.value = false
    done?.(point)
  }

  function start(): Promise<PickedPoint | null> {
    finish(null)
    active.value = true
    return new Promise((resolve) => {
      settle = resolve
    })
  }

  /** A map takes picks from now on; returns its removal (a pick under way is cancelled when the last map goes). */
  function attach(): () => void {
    maps.value++
    let attached = true
    return () => {
      if (!attached) return
      attached = false
      maps.value--
      if (maps.value === 0) finish(null)
    }
  }

  return { active, maps, start, attach, pick: (point: PickedPoint) => finish(point), cancel: () => finish(null) }
})
