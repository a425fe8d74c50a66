import { markRaw, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiError, type ApiErrorBody } from '@shared/api/errors'

/** An error as a panel shows it: the server's code and its (Chinese / English) message. */
export type QueryError = ApiErrorBody

export function toQueryError(error: unknown): QueryError {
  if (error instanceof ApiError) return error.toBody()
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const e = error as { code: unknown; message: unknown }
    if (typeof e.code === 'string' && typeof e.message === 'string') return e as QueryError
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: `内部错误 / internal error: ${message}` }
}

export interface Query<T> {
  /** Last loaded value, shallow and raw: geometry and chart data are never made deeply reactive. */
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  error: ShallowRef<QueryError | null>
  /** performance.now() of the last successful load (0: never); not reactive. */
  loadedAt(): number
  /** Loads; an answer that arrives after a newer request started is dropped. Returns the value or null. */
  run(fetch: () => Promise<T>): Promise<T | null>
}

/** Loading / error / data state for one API call inside a setup store. */
export function createQuery<T extends object>(): Query<T> {
  const data = shallowRef(null) as ShallowRef<T | null>
  const loading = ref(false)
  const error = shallowRef<QueryError | null>(null)
  let sequence = 0
  let loaded = 0

  async function run(fetch: () => Promise<T>): Promise<T | null> {
    const mine = ++sequence
    loading.value = true
    try {
      const value = markRaw(await fetch())
      if (mine !== sequence) return null
      data.value = value
      error.value = null
      loaded = performance.now()
      return value
    } catch (e) {
      if (mine === sequence) error.value = toQueryError(e)
      return null
    } finally {
      if (mine === sequence) loading.value = false
    }
  }

  return { data, loading, error, loadedAt: () => loaded, run }
}
