import type { PlaceHit } from '@shared/api/types'
import { matchGrids, PLACE_LIMIT_DEFAULT } from '@shared/domain/placeSearch'
import type { HandlerDeps, HandlerGroup } from './deps'

/**
 * The incident location's search (docs/EMERGENCY.md, "Where it is"): grids by name or code (from
 * the regions, those starting with the query first), then buildings by name (their address), up
 * to `limit` in all. Choosing a grid gives mode.enter `{ gridCode }`, a building `{ buildingId }`.
 */
export function placeHandlers(d: HandlerDeps): HandlerGroup<'places.search'> {
  return {
    'places.search': ({ query, limit = PLACE_LIMIT_DEFAULT }) => {
      const grids = d.store.regions.byLevel('grid')
      const gridHits: PlaceHit[] = matchGrids(grids, query, limit).map((g) => ({
        kind: 'grid',
        id: g.code,
        name: g.name,
        gridCode: g.code,
        lon: g.centroid[0],
        lat: g.centroid[1]
      }))
      if (gridHits.length >= limit) return gridHits
      const gridNames = new Map(grids.map((g) => [g.code, g.name]))
      const buildingHits = d.store.buildings.search(query, limit - gridHits.length).map(
        (b): PlaceHit => ({ kind: 'building', ...b, gridName: gridNames.get(b.gridCode) ?? b.gridCode })
      )
      return [...gridHits, ...buildingHits]
    }
  }
}
