import { computed } from 'vue'
import { defineStore } from 'pinia'
import type { DistrictMap } from '@shared/api/types'
import { api } from '@renderer/api'
import { createQuery } from './query'

/** The district's street, community and grid polygons (WGS-84), held raw: never deeply reactive. */
export const useDistrictStore = defineStore('district', () => {
  const query = createQuery<DistrictMap>()
  const map = query.data

  const gridCount = computed(() => map.value?.grids.length ?? 0)
  const streetCount = computed(() => map.value?.streets.length ?? 0)

  async function load(): Promise<void> {
    await query.run(() => api.map.district({}))
  }

  return { map, loading: query.loading, error: query.error, gridCount, streetCount, load }
})
