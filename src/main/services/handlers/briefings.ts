import { ApiError } from '@shared/api/errors'
import type { Briefings } from '../../briefings'
import type { HandlerDeps, HandlerGroup } from './deps'

type BriefingMethods = 'briefings.export' | 'briefings.list' | 'briefings.schedule' | 'briefings.configure'

/** Briefing images (docs/BRIEFINGS.md): export now (as the signed-in operator), the history, the schedule. */
export function briefingHandlers(d: HandlerDeps): HandlerGroup<BriefingMethods> {
  const briefings = (): Briefings => {
    if (!d.briefings) throw new ApiError('UNAVAILABLE', '此运行环境没有简报服务 / briefings are not available here')
    return d.briefings
  }
  return {
    'briefings.export': (input, ctx) => briefings().service.export(input, ctx.operator?.displayName ?? null),
    'briefings.list': ({ limit }) => d.briefings?.service.list(limit) ?? [],
    'briefings.schedule': () => briefings().scheduler.info(),
    'briefings.configure': (input) => briefings().scheduler.configure(input)
  }
}
