/** Errors that cross the API boundary carry a code the client can act on and a readable message. */
export const apiErrorCodes = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'NOT_FOUND',
  'UNAVAILABLE',
  'INTERNAL'
] as const
export type ApiErrorCode = (typeof apiErrorCodes)[number]

export interface ApiErrorBody {
  code: ApiErrorCode
  message: string
}

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message }
  }
}

const isApiErrorCode = (c: unknown): c is ApiErrorCode => typeof c === 'string' && (apiErrorCodes as readonly string[]).includes(c)

/** Whether a value that crossed a boundary (IPC, HTTP) is a well-formed ApiResult envelope. */
export function isApiResult(body: unknown): body is ApiResult {
  if (typeof body !== 'object' || body === null) return false
  const b = body as Record<string, unknown>
  if (b['ok'] === true) return 'value' in b
  if (b['ok'] !== false || typeof b['error'] !== 'object' || b['error'] === null) return false
  const e = b['error'] as Record<string, unknown>
  return isApiErrorCode(e['code']) && typeof e['message'] === 'string'
}
