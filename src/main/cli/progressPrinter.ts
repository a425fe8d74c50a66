import type { DemoProgress } from '../demo/options'

/** A redrawn bar on a terminal; on a pipe or a log, one line per tenth and per phase. */
export function progressPrinter(stream: NodeJS.WriteStream): { report: (p: DemoProgress) => void; end: () => void } {
  let lastPhase = ''
  let lastTenth = -1
  const tty = stream.isTTY === true
  return {
    report(p) {
      const pct = Math.floor(p.fraction * 100)
      if (tty) {
        const width = 30
        const filled = Math.round(p.fraction * width)
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${p.message}\x1b[K`)
      } else if (p.phase !== lastPhase || Math.floor(pct / 10) !== lastTenth) {
        stream.write(`${String(pct).padStart(3)}% ${p.message}\n`)
      }
      lastPhase = p.phase
      lastTenth = Math.floor(pct / 10)
    },
    end() {
      if (tty) stream.write('\n')
    }
  }
}
