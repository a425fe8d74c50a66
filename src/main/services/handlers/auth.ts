import { ApiError } from '@shared/api/errors'
import { SessionRegistry } from '../sessions'
import { notifyChanged, type HandlerDeps, type HandlerGroup } from './deps'

/** Sessions, operators and the audit log. */
export function authHandlers(
  d: HandlerDeps
): HandlerGroup<'auth.session' | 'auth.signIn' | 'auth.signOut' | 'operators.list' | 'operators.create' | 'audit.latest'> {
  const { store } = d
  return {
    'auth.session': (_input, ctx) => ({ operator: ctx.operator }),

    'auth.signIn': async ({ username, password }, ctx) => {
      const operator = await d.auth.verify(username, password)
      const token = ctx.issuesTokens ? SessionRegistry.newToken() : null
      const key = token ?? ctx.sessionKey
      if (!key) throw new ApiError('INTERNAL', 'no session to sign in to')
      d.sessions.bind(key, operator.id)
      return { operator, token }
    },

    'auth.signOut': (_input, ctx) => {
      d.sessions.end(ctx.sessionKey)
      return null
    },

    'operators.list': () => store.operators.all(),

    'operators.create': async (input) => {
      const op = await d.auth.create(input)
      notifyChanged(d, 'operators')
      return op
    },

    'audit.latest': ({ limit }) => store.audit.latest(limit)
  }
}
