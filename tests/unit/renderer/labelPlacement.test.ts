import { describe, expect, it } from 'vitest'
import { labelBox, labelOffset, type LabelObstacle } from '../../../src/renderer/src/map/labelPlacement'

const box = labelBox('华夏街道', 26)
/** Whether a disc covers any part of the box at an offset. */
const covers = ([x, y]: [number, number], o: LabelObstacle): boolean => {
  const nx = Math.max(x - box.width / 2, Math.min(o.dx, x + box.width / 2))
  const ny = Math.max(y - box.height / 2, Math.min(o.dy, y + box.height / 2))
  return (o.dx - nx) ** 2 + (o.dy - ny) ** 2 < o.r ** 2
}

describe('where a region name goes so that no alert marker covers it', () => {
  it('measures CJK names an em a character, with the padding and halo', () => {
    expect(box.width).toBeCloseTo(4 * 26 + 12 + 5)
    expect(labelBox('Longhua', 20).width).toBeLessThan(7 * 20)
  })

  it('stays in place with no marker on it', () => {
    expect(labelOffset(box, [])).toEqual([0, 0])
    expect(labelOffset(box, [{ dx: 200, dy: 0, r: 18 }])).toEqual([0, 0])
  })

  it('moves to the nearest free place, never onto another marker', () => {
    const onEnd: LabelObstacle = { dx: 50, dy: 0, r: 18 }
    const first = labelOffset(box, [onEnd])
    expect(covers(first, onEnd)).toBe(false)
    // A line and a half up or down clears a marker on the name's line; going aside is further.
    expect(first[0]).toBe(0)
    expect(Math.abs(first[1])).toBeLessThanOrEqual(box.height * 1.5)
    const crowded: LabelObstacle[] = [onEnd, { dx: -50, dy: -box.height, r: 18 }, { dx: 30, dy: box.height, r: 18 }, { dx: 0, dy: -box.height * 0.5, r: 18 }]
    const moved = labelOffset(box, crowded)
    expect(crowded.filter((o) => covers(moved, o))).toEqual([])
  })

  it('takes only the places it is allowed, and the least covered place when none is free', () => {
    const room = { left: -100, top: -40, right: 70, bottom: 40 }
    const inRoom = (x: number, y: number): boolean =>
      x - box.width / 2 >= room.left && x + box.width / 2 <= room.right && y - box.height / 2 >= room.top && y + box.height / 2 <= room.bottom
    const offset = labelOffset(box, [{ dx: 0, dy: 0, r: 10 }], inRoom)
    const [x, y] = offset
    expect(x - box.width / 2).toBeGreaterThanOrEqual(room.left)
    expect(x + box.width / 2).toBeLessThanOrEqual(room.right)
    expect(y - box.height / 2).toBeGreaterThanOrEqual(room.top)
    expect(y + box.height / 2).toBeLessThanOrEqual(room.bottom)
    // No free place: the one the markers reach into least, a marker grazing the edge rather than
    // one on the characters.
    const walls: LabelObstacle[] = []
    for (let dx = -400; dx <= 400; dx += 40) for (let dy = -200; dy <= 200; dy += 20) walls.push({ dx, dy: dy + (dx === 0 ? 0 : 10), r: 12 })
    const least = labelOffset(box, walls)
    expect(walls.filter((o) => covers(least, o)).length).toBeGreaterThan(0)
    const centred = walls.filter((o) => o.dx === least[0] && Math.abs(o.dy - least[1]) < 1)
    expect(centred).toEqual([])
    // Free places only (as the map asks): in place when there is none.
    expect(labelOffset(box, walls, () => true, true)).toEqual([0, 0])
  })
})
