import { polyArea, type Poly, type Point } from './geometry'
import type { Random } from './random'

/** Guangming district covers ~156 km²; the demo district is of that order. */
export const DISTRICT_AREA_M2 = 150e6

/**
 * An irregular district outline: a radius that varies with a few low harmonics (the large bays
 * and lobes of a real boundary) plus per-vertex jitter (its small wiggles), stretched and turned.
 * Polar construction with a positive radius keeps the ring simple (no self-intersections), and a
 * linear stretch keeps it so.
 */
export function makeOutline(rng: Random, areaM2 = DISTRICT_AREA_M2): Poly {
  const vertices = rng.int(72, 96)
  const harmonics = [2, 3, 4, 5, 6, 7, 9, 11, 13, 17].map((k) => ({
    k,
    amplitude: rng.range(0.06, 0.16) / Math.sqrt(k - 1),
    phase: rng.range(0, 2 * Math.PI)
  }))
  const stretch = rng.range(1.1, 1.35)
  const turn = rng.range(0, Math.PI)
  const ring: Point[] = []
  for (let i = 0; i < vertices; i++) {
    const theta = (2 * Math.PI * (i + rng.range(-0.3, 0.3))) / vertices
    let r = 1
    for (const h of harmonics) r += h.amplitude * Math.cos(h.k * theta + h.phase)
    r = Math.max(0.4, r) * (1 + rng.range(-0.06, 0.06))
    const x = r * Math.cos(theta) * stretch
    const y = (r * Math.sin(theta)) / stretch
    ring.push([x * Math.cos(turn) - y * Math.sin(turn), x * Math.sin(turn) + y * Math.cos(turn)])
  }
  ring.push([ring[0]![0], ring[0]![1]])
  const k = Math.sqrt(areaM2 / polyArea([ring]))
  return [ring.map(([x, y]): Point => [x * k, y * k])]
}
