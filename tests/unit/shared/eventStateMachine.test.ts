import { describe, expect, it } from 'vitest'
import {
  canTransition,
  eventActions,
  eventStatuses,
  eventTransitions,
  IllegalTransitionError,
  isOpenStatus,
  nextStatus,
  type EventAction,
  type EventStatus
} from '@shared/domain/event'

/** The closed loop of DOMAIN.md §3, written out independently of the table under test. */
const allowed: Record<EventStatus, Partial<Record<EventAction, EventStatus>>> = {
  reported: { accept: 'accepted', escalate: 'escalated' },
  accepted: { dispatch: 'dispatched', startHandling: 'handling', escalate: 'escalated' },
  dispatched: { startHandling: 'handling', escalate: 'escalated' },
  handling: { reportHandled: 'handled', escalate: 'escalated' },
  handled: { verify: 'verified', returnToHandling: 'returned' },
  verified: { close: 'closed' },
  closed: { rate: 'rated' },
  rated: {},
  escalated: { accept: 'accepted', dispatch: 'dispatched' },
  returned: { resume: 'handling' }
}

describe('event state machine', () => {
  const cases = eventStatuses.flatMap((status) => eventActions.map((action) => [status, action] as const))

  it.each(cases)('from %s, %s is allowed exactly when the closed loop allows it', (status, action) => {
    const expected = allowed[status][action]
    expect(canTransition(status, action)).toBe(expected !== undefined)
    if (expected) {
      expect(nextStatus(status, action)).toBe(expected)
    } else {
      expect(() => nextStatus(status, action)).toThrow(IllegalTransitionError)
    }
  })

  it('explains a refused transition in Chinese and English', () => {
    try {
      nextStatus('rated', 'close')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(IllegalTransitionError)
      expect((err as Error).message).toMatch(/不能执行/)
      expect((err as Error).message).toMatch(/not allowed from status "rated"/)
    }
  })

  it('walks the whole loop from reported to rated', () => {
    const path: EventAction[] = ['accept', 'dispatch', 'startHandling', 'reportHandled', 'returnToHandling', 'resume', 'reportHandled', 'verify', 'close', 'rate']
    const end = path.reduce<EventStatus>((s, a) => nextStatus(s, a), 'reported')
    expect(end).toBe('rated')
  })

  it('counts only closed and rated as resolved', () => {
    expect(eventStatuses.filter((s) => !isOpenStatus(s))).toEqual(['closed', 'rated'])
  })

  it('has a rule for every action', () => {
    expect(Object.keys(eventTransitions).sort()).toEqual([...eventActions].sort())
  })
})
