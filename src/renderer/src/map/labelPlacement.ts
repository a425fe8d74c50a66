/**
 * Where a region's name goes so that no alert marker covers it. Markers are the signal and stay
 * where their alerts are; a name that would sit under one moves a little (up, down, then aside)
 * to the nearest free place. All in CSS pixels relative to the name's anchor, y down (as Text
 * offsets); obstacles are discs.
 */
export interface LabelObstacle {
  /** Centre, relative to the label's anchor (CSS px, y down). */
  dx: number
  dy: number
  r: number
}

export interface LabelBox {
  width: number
  height: number
}

/** How far a disc reaches into a box centred at (cx, cy) (CSS px; 0: they do not meet). */
function reach(cx: number, cy: number, box: LabelBox, o: LabelObstacle): number {
  const nearX = Math.max(cx - box.width / 2, Math.min(o.dx, cx + box.width / 2))
  const nearY = Math.max(cy - box.height / 2, Math.min(o.dy, cy + box.height / 2))
  const outside = Math.hypot(o.dx - nearX, o.dy - nearY)
  // A centre inside the box reaches in by its radius and its depth from the nearest edge.
  const depth = outside > 0 ? 0 : Math.min(o.dx - (cx - box.width / 2), cx + box.width / 2 - o.dx, o.dy - (cy - box.height / 2), cy + box.height / 2 - o.dy)
  return Math.max(0, o.r - outside + depth)
}

/** The candidate offsets, nearest first: in place, then up or down by half a line to three lines, aside, and both. */
function candidates(box: LabelBox): [number, number][] {
  const v = box.height * 0.9
  const h = box.width * 0.6
  const out: [number, number][] = []
  for (const x of [0, 1, 1.7]) {
    for (const y of [0, 0.5, 1, 1.5, 2, 2.5, 3]) {
      for (const [sx, sy] of [
        [1, -1],
        [1, 1],
        [-1, -1],
        [-1, 1]
      ] as const) {
        const c: [number, number] = [sx * x * h + 0, sy * y * v + 0] // + 0: no -0
        if (!out.some(([a, b]) => a === c[0] && b === c[1])) out.push(c)
      }
    }
  }
  // Nearest first; among equals, up before down and right before left (the order above).
  return out.map((c, i) => ({ c, i, d: Math.hypot(c[0], c[1]) })).sort((a, b) => a.d - b.d || a.i - b.i).map((e) => e.c)
}

/**
 * The offset (CSS px, y down) of the nearest candidate place where the box meets no obstacle, or,
 * when every one meets some, of the one they reach into least (a marker grazing an edge rather
 * than covering characters); with `freeOnly`, in place then. `allowed` says which places may be
 * taken at all (inside the view and the region, off the other names); its own place always may.
 */
export function labelOffset(
  box: LabelBox,
  obstacles: readonly LabelObstacle[],
  allowed: (dx: number, dy: number) => boolean = () => true,
  freeOnly = false
): [number, number] {
  let best: [number, number] = [0, 0]
  let least = Infinity
  for (const [cx, cy] of candidates(box)) {
    if ((cx !== 0 || cy !== 0) && !allowed(cx, cy)) continue
    let covered = 0
    for (const o of obstacles) covered += reach(cx, cy, box, o)
    if (covered === 0) return [cx, cy]
    if (!freeOnly && covered < least) {
      least = covered
      best = [cx, cy]
    }
  }
  return best
}

/** A CJK character is about one em wide at the label font; anything else about half to two thirds. */
const wide = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/

/** The box a name takes at `fontPx` with labelStyle's padding (4 6 4 6) and halo, estimated without a canvas. */
export function labelBox(name: string, fontPx: number): LabelBox {
  let ems = 0
  for (const ch of name) ems += wide.test(ch) ? 1 : 0.62
  const halo = Math.max(3, Math.round(fontPx / 5))
  return { width: ems * fontPx + 12 + halo, height: fontPx * 1.2 + 8 + halo }
}
