import type { DemoProgress } from './options'

/**
 * Progress over the whole run. Each part reports 0–1 of its own work through a span of the
 * parent, so generating alone and generating while writing share the same code.
 */
export class Progress {
  constructor(
    private readonly sink: ((p: DemoProgress) => void) | undefined,
    private readonly from = 0,
    private readonly to = 1
  ) {}

  /** The part [from, to] (0–1) of this span. */
  span(from: number, to: number): Progress {
    const w = this.to - this.from
    return new Progress(this.sink, this.from + w * from, this.from + w * to)
  }

  report(phase: string, fraction: number, zh: string, en: string): void {
    if (!this.sink) return
    const f = Math.max(0, Math.min(1, fraction))
    this.sink({ phase, fraction: this.from + (this.to - this.from) * f, message: `${zh} / ${en}` })
  }
}
