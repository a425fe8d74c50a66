import { apiMethods, type ApiMethods } from '@shared/api/contract'
import type { ApiMethodName } from '@shared/api/channels'
import { ApiError, type ApiResult } from '@shared/api/errors'
import { roleAtLeast, type Operator } from '@shared/domain/people'
import type { z } from 'zod'
import type { Store } from '../store/store'
import type { SessionRegistry } from './sessions'

/** Who is calling: the session key of the window or token, and whether a sign-in issues a token. */
export interface CallContext {
  sessionKey: string | null
  /** The browser host hands out bearer tokens; Electron binds the window itself. */
  issuesTokens: boolean
}

export interface HandlerContext extends CallContext {
  operator: Operator | null
}

export type Handlers = {
  [M in ApiMethodName]: (
    input: z.output<ApiMethods[M]['input']>,
    ctx: HandlerContext
  ) => Promise<ApiMethods[M] extends { output?: infer O } ? O : never> | (ApiMethods[M] extends { output?: infer O } ? O : never)
}

const isMethod = (m: unknown): m is ApiMethodName => typeof m === 'string' && Object.hasOwn(apiMethods, m)

/**
 * The single entry for every call from any transport: the method must be in the contract, the
 * input must pass its schema, the session must hold the method's role (checked here, in main,
 * not by hiding buttons), and audited methods are logged whether allowed, refused or failed.
 */
export class ApiDispatcher {
  constructor(
    private readonly store: Store,
    private readonly sessions: SessionRegistry,
    private readonly handlers: Handlers,
    private readonly log: (msg: string) => void,
    private readonly now: () => number = Date.now
  ) {}

  async handle(ctx: CallContext, method: unknown, rawInput: unknown): Promise<ApiResult> {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知接口 / unknown method "${String(method).slice(0, 80)}"` } }
    }
    const spec: ApiMethods[ApiMethodName] = apiMethods[method]
    const operatorId = this.sessions.operatorId(ctx.sessionKey)
    const operator = operatorId === null ? null : this.store.operators.byId(operatorId)
    const parsed = spec.input.safeParse(rawInput ?? {})
    const audit = (outcome: 'ok' | 'refused' | 'failed', detail: string | null): void => {
      if (spec.audit) {
        // Entries hold no input values but a target; this also keeps any password out of a
        // message that happens to echo one (a handler's error, a library's).
        const secrets = secretsOf(rawInput)
        this.store.audit.append({
          at: this.now(),
          operatorId: operator?.id ?? null,
          username: redact(operator?.username ?? (parsed.success ? usernameOf(parsed.data) : null), secrets),
          action: method,
          target: redact(parsed.success ? (spec.auditTarget ? spec.auditTarget(parsed.data as never) : targetOf(parsed.data)) : null, secrets),
          detail: redact(detail, secrets),
          outcome
        })
      }
    }
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')
      audit('refused', `bad input: ${message}`)
      return { ok: false, error: { code: 'BAD_INPUT', message: `输入无效 / invalid input — ${message}` } }
    }
    if (spec.role !== null) {
      if (!operator || operator.disabled) {
        audit('refused', 'not signed in')
        return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录 / sign in first' } }
      }
      if (!roleAtLeast(operator.role, spec.role)) {
        audit('refused', `role ${operator.role} < ${spec.role}`)
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: `权限不足：需要${spec.role}角色 / this needs the ${spec.role} role (you are ${operator.role})` }
        }
      }
    }
    try {
      const handler = this.handlers[method] as (input: unknown, ctx: HandlerContext) => unknown
      const value = await handler(parsed.data, { ...ctx, operator })
      audit('ok', null)
      return { ok: true, value }
    } catch (err) {
      if (err instanceof ApiError) {
        audit(err.code === 'INTERNAL' ? 'failed' : 'refused', err.message)
        return { ok: false, error: err.toBody() }
      }
      this.log(redact(`[api] ${method} failed: ${(err as Error).stack ?? String(err)}`, secretsOf(rawInput)))
      audit('failed', (err as Error).message)
      return { ok: false, error: { code: 'INTERNAL', message: `内部错误 / internal error in ${method}` } }
    }
  }
}

/** What the action was on, for the audit log; never a password. */
function targetOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null
  const o = input as Record<string, unknown>
  const t = o['areaCode'] ?? o['mode'] ?? o['username'] ?? null
  return typeof t === 'string' ? t : null
}

function usernameOf(input: unknown): string | null {
  const u = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['username'] : null
  return typeof u === 'string' ? u : null
}

/** Keys whose values are secret wherever they appear in an input (`auth.signIn`, `operators.create`, `alerts.configureBroker`). */
const SECRET_KEYS = new Set(['password'])

/** The secret strings of an input, at any depth (bounded). */
function secretsOf(input: unknown, depth = 0): string[] {
  if (typeof input !== 'object' || input === null || depth > 8) return []
  return Object.entries(input as Record<string, unknown>).flatMap(([key, value]) =>
    SECRET_KEYS.has(key) && typeof value === 'string' && value !== '' ? [value] : secretsOf(value, depth + 1)
  )
}

/** The text with every secret replaced by `***`. */
function redact(text: string, secrets: readonly string[]): string
function redact(text: string | null, secrets: readonly string[]): string | null
function redact(text: string | null, secrets: readonly string[]): string | null {
  return text === null ? null : secrets.reduce((t, secret) => t.split(secret).join('***'), text)
}
