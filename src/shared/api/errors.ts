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
