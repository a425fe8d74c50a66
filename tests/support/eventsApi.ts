import type { EventCategoryId } from '@shared/domain/categories'
import type { EventSource, EventStatus, GovEvent } from '@shared/domain/event'
import { isOpenStatus } from '@shared/domain/event'

/** A level-1 city-management event in a grid, for the events tests; open unless its status is closed or rated. */
export function makeEvent(id: string, gridCode: string, reportedAt: number, deadlineAt: number, over: Partial<GovEvent> = {}): GovEvent {
  const status: EventStatus = over.status ?? 'reported'
  return {
    id, category: 'cityManagement' as EventCategoryId, source: 'patrol' as EventSource, level: 1, status, gridCode, title: `事件${id}`,
    lon: 113.905, lat: 22.705, reportedAt, deadlineAt,
    closedAt: isOpenStatus(status) ? null : (over.closedAt ?? reportedAt + 1000),
    satisfaction: status === 'rated' ? 5 : null, reporterId: 'S2', handlerId: null,
    ...over
  }
}
