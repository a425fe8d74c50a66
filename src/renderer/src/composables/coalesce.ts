/**
 * Wraps an async refresh so at most one runs at a time: calls made while it runs collapse into
 * a single re-run afterwards. A burst of pushed events costs two fetches, not one per event.
 */
export function coalesce(run: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  const loop = async (): Promise<void> => {
    try {
      do {
        again = false
        try {
          await run()
        } catch (error) {
          console.error('[gcc] refresh failed', error)
        }
      } while (again)
    } finally {
      running = null
    }
  }
  return () => {
    if (running) {
      again = true
      return running
    }
    running = loop()
    return running
  }
}
