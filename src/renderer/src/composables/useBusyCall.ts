import { ref, type Ref } from 'vue'

/**
 * One call at a time from a console form: `busy` while it runs (the button's spinner); a failure
 * goes to `onError` (the console shows main's message) and answers null.
 */
export function useBusyCall(onError: (e: unknown) => void): { busy: Ref<boolean>; run<T>(call: () => Promise<T>): Promise<T | null> } {
  const busy = ref(false)
  async function run<T>(call: () => Promise<T>): Promise<T | null> {
    busy.value = true
    try {
      return await call()
    } catch (e) {
      onError(e)
      return null
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
