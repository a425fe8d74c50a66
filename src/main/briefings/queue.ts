/**
 * Runs tasks one at a time, in the order they were given (this machine has two cores: one
 * Chromium page at a time). A failed task does not stop the ones after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves when every task given so far has finished. */
  async idle(): Promise<void> {
    await this.tail
  }
}
