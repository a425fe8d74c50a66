import { computed, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { AreaRef, DistrictMap, MapRegion } from '@shared/api/types'

/**
 * The area every number on the wall is for: the breadcrumb district → street → community → grid.
 * The map drills down by click, the breadcrumb goes back up; panels read `current`.
 */
export const useAreaStore = defineStore('area', () => {
  /** District first, the selected area last. */
  const path = shallowRef<AreaRef[]>([])
  const current = computed<AreaRef | null>(() => path.value.at(-1) ?? null)

  /** Selects an area given its full path from the district (see areaPath). */
  function select(next: AreaRef[]): void {
    if (next.length > 0) path.value = next
  }

  /** Back up the breadcrumb to the entry at `index` (0 = the district). */
  function goTo(index: number): void {
    if (index >= 0 && index < path.value.length) path.value = path.value.slice(0, index + 1)
  }

  /** One level up; stays on the district. */
  function up(): void {
    goTo(path.value.length - 2)
  }

  return { path, current, select, goTo, up }
})

const toRef = (r: MapRegion): AreaRef => ({ code: r.code, name: r.name, level: r.level })

/** The breadcrumb path from the district down to `code`, or null when the code is not on the map. */
export function areaPath(code: string, map: DistrictMap): AreaRef[] | null {
  const all = new Map<string, MapRegion>([map.district, ...map.streets, ...map.communities, ...map.grids].map((r) => [r.code, r]))
  const out: AreaRef[] = []
  for (let r = all.get(code); r; r = r.parentCode ? all.get(r.parentCode) : undefined) out.unshift(toRef(r))
  return out.length > 0 && out[0]!.code === map.district.code ? out : null
}
