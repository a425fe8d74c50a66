import { screen, type Display, type Rectangle } from 'electron'

/**
 * The display the wall opens on: `--screen N` / GCC_SCREEN indexes screen.getAllDisplays();
 * no index, or one that does not exist, means the primary display. Only call once app is ready.
 */
export function chooseDisplay(index: number | null, log: (line: string) => void): Display {
  const all = screen.getAllDisplays()
  const primary = screen.getPrimaryDisplay()
  all.forEach((d, i) => {
    const { x, y, width, height } = d.bounds
    log(`[display] ${i}: ${width}×${height} at ${x},${y} scale ${d.scaleFactor}${d.id === primary.id ? ' (primary)' : ''}`)
  })
  if (index === null) return primary
  const chosen = all[index]
  if (!chosen) {
    log(`[display] 没有第 ${index} 块屏幕，使用主屏 / display ${index} does not exist (${all.length} found): using the primary display`)
    return primary
  }
  return chosen
}

/** A window of at most width×height, centred in `area`. */
export function centredIn(area: Rectangle, width: number, height: number): Rectangle {
  const w = Math.min(width, area.width)
  const h = Math.min(height, area.height)
  return { x: area.x + Math.round((area.width - w) / 2), y: area.y + Math.round((area.height - h) / 2), width: w, height: h }
}
