import { join } from 'node:path'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import gcoord from 'gcoord'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Camera } from '@shared/domain/camera'
import type { LonLat } from '@shared/domain/geo'
import { parseAlertMessage, type ParseContext } from '../../../src/main/alerts/parse'
import { GridRouter, type GridShape } from '../../../src/main/alerts/router'
import type { ParsedAlert } from '../../../src/main/alerts/types'
import { loadDemoDistrict } from '../../../src/main/demo/load'
import type { RegionRecord } from '../../../src/main/store/repositories/regions'
import { Store } from '../../../src/main/store/store'
import { tempDir } from '../../support/tempDir'
import { demoOptions } from '../demo/fixture'
import { message, nativePayload, testMapping } from './support'

const square = (code: string, x0: number, y0: number, size = 1): GridShape => ({
  code,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x0 + size, y0],
        [x0 + size, y0 + size],
        [x0, y0 + size],
        [x0, y0]
      ]
    ]
  }
})

const A = '440311-001-01-001'
const B = '440311-001-01-002'
const C = '440311-002-03-001'

const alert = (position: LonLat | null): ParsedAlert => ({
  id: 'a-1',
  format: 'native',
  cameraId: 'CAM000001',
  type: 'intrusion',
  score: 0.9,
  at: 0,
  position,
  snapshotUrl: null,
  zone: null,
  trackId: null,
  ended: false
})

describe('GridRouter on hand-made grids', () => {
  // A | B side by side sharing x = 1; C below both, sharing y = 0; C has a hole.
  const c: GridShape = {
    code: C,
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [[0, -1], [2, -1], [2, 0], [0, 0], [0, -1]],
          [[0.5, -0.75], [0.5, -0.25], [1.5, -0.25], [1.5, -0.75], [0.5, -0.75]]
        ],
        [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]]
      ]
    }
  }
  const router = new GridRouter([square(B, 1, 0), c, square(A, 0, 0)])

  it('finds the grid, its community and street', () => {
    expect(router.size).toBe(3)
    expect(router.locate(0.5, 0.5)).toEqual({ gridCode: A, communityCode: '440311-001-01', streetCode: '440311-001' })
    expect(router.locate(1.5, 0.5)?.gridCode).toBe(B)
    expect(router.locate(0.2, -0.9)).toEqual({ gridCode: C, communityCode: '440311-002-03', streetCode: '440311-002' })
    expect(router.locate(5.5, 5.5)?.gridCode).toBe(C)
  })

  it('returns null outside every grid, in a hole, and for non-numbers', () => {
    expect(router.locate(3, 0.5)).toBeNull()
    expect(router.locate(1, -0.5)).toBeNull()
    expect(router.locate(3.5, 3.5)).toBeNull()
    expect(router.locate(Number.NaN, 0.5)).toBeNull()
    expect(router.locate(Infinity, 0.5)).toBeNull()
  })

  it('gives a point on a shared edge or corner exactly one grid, the first in code order', () => {
    expect(router.locate(1, 0.5)?.gridCode).toBe(A)
    expect(router.locate(1, 0)?.gridCode).toBe(A)
    expect(router.locate(1.5, 0)?.gridCode).toBe(B)
    expect(router.locate(0, 0.5)?.gridCode).toBe(A)
    // Whatever order the grids come in.
    const reversed = new GridRouter([square(A, 0, 0), c, square(B, 1, 0)])
    for (const [x, y] of [[1, 0.5], [1, 0], [1.5, 0], [1, 1], [2, 0]] as const) {
      expect(reversed.locate(x, y)).toEqual(router.locate(x, y))
    }
  })

  it('routes an alert at its own position, else at its camera', () => {
    expect(router.route(alert([1.5, 0.5]), [0.5, 0.5])).toMatchObject({ lon: 1.5, lat: 0.5, gridCode: B, id: 'a-1' })
    expect(router.route(alert(null), [0.5, 0.5])).toMatchObject({ lon: 0.5, lat: 0.5, gridCode: A, streetCode: '440311-001' })
    expect(router.route(alert([9, 9]), [0.5, 0.5])).toBeNull()
    expect(router.route(alert(null), null)).toBeNull()
    // A camera's position (the same array on every call) is placed once and remembered; the
    // sighting's own position always counts first.
    const camera: [number, number] = [1.5, 0.5]
    const locate = vi.spyOn(router, 'locate')
    expect(router.route(alert(null), camera)).toMatchObject({ lon: 1.5, lat: 0.5, gridCode: B })
    expect(router.route(alert(null), camera)).toMatchObject({ lon: 1.5, lat: 0.5, gridCode: B })
    expect(router.route(alert([0.5, 0.5]), camera)).toMatchObject({ lon: 0.5, lat: 0.5, gridCode: A })
    expect(router.route(alert(null), [9, 9])).toBeNull()
    expect(router.route(alert(null), [9, 9])).toBeNull()
    expect(locate).toHaveBeenCalledTimes(4)
  })

  it('is empty without grids', () => {
    expect(new GridRouter([]).locate(0, 0)).toBeNull()
  })
})

describe('GridRouter on the default demo district', () => {
  let store: Store
  let remove: () => void
  let grids: RegionRecord[]
  let cameras: Camera[]
  let router: GridRouter
  let buildMs: number
  beforeAll(() => {
    const t = tempDir()
    remove = t.remove
    store = Store.open(join(t.dir, 'gcc.sqlite3'))
    loadDemoDistrict(store, demoOptions)
    grids = store.regions.withGeometry(['grid'])
    cameras = store.cameras.all()
    const t0 = performance.now()
    router = GridRouter.fromStore(store)
    buildMs = performance.now() - t0
  })
  afterAll(() => {
    store.close()
    remove()
  })

  it('indexes every grid, quickly', () => {
    expect(grids.length).toBeGreaterThan(200)
    expect(router.size).toBe(grids.length)
    expect(buildMs).toBeLessThan(250)
  })

  it("routes every camera's own position to that camera's grid", () => {
    expect(cameras.length).toBeGreaterThan(500)
    const wrong = cameras.filter((c) => router.locate(c.lon, c.lat)?.gridCode !== c.gridCode)
    expect(wrong.map((c) => `${c.id} ${c.gridCode} → ${router.locate(c.lon, c.lat)?.gridCode}`)).toEqual([])
    const c = cameras[0]!
    expect(router.route(alert(null), [c.lon, c.lat])).toMatchObject({
      gridCode: c.gridCode,
      communityCode: c.gridCode.split('-').slice(0, 3).join('-'),
      streetCode: c.gridCode.split('-').slice(0, 2).join('-')
    })
  })

  it('returns null outside the district', () => {
    const [lon, lat] = demoOptions.center
    expect(router.locate(lon + 1, lat)).toBeNull()
    expect(router.locate(lon, lat - 1)).toBeNull()
    expect(router.locate(116.4, 39.9)).toBeNull()
    expect(router.locate(0, 0)).toBeNull()
  })

  it('lands a GCJ-02 alert where its WGS-84 twin lands', () => {
    const known = new Set(cameras.map((c) => c.id))
    const ctx: ParseContext = { now: () => demoOptions.now, cameraExists: (id) => known.has(id), frigate: testMapping }
    for (const c of cameras.filter((_, i) => i % 7 === 0)) {
      const wgs = router.locate(c.lon, c.lat)
      const [lon, lat] = gcoord.transform<[number, number]>([c.lon, c.lat], gcoord.WGS84, gcoord.GCJ02)
      const payload = nativePayload({ cameraId: c.id, time: demoOptions.now, location: { lon, lat, crs: 'GCJ02' } })
      const parsed = parseAlertMessage(message(`alerts/${c.id}`, payload), ctx)
      if (!('ok' in parsed) || !parsed.ok) throw new Error(JSON.stringify(parsed))
      const routed = router.route(parsed.alert, null)
      expect(routed?.gridCode, c.id).toBe(wgs?.gridCode)
      expect(Math.abs(routed!.lon - c.lon) + Math.abs(routed!.lat - c.lat)).toBeLessThan(2e-5)
      // Unconverted, the GCJ-02 point would be hundreds of metres off.
      expect(Math.abs(lon - c.lon) + Math.abs(lat - c.lat)).toBeGreaterThan(0.003)
    }
  })

  it('gives every shared vertex exactly one grid: the first in code order whose polygon holds it', () => {
    const owners = new Map<string, Set<string>>()
    for (const g of grids) {
      const polygons = g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates
      for (const ring of polygons.flat()) {
        for (const [x, y] of ring) {
          const key = `${x},${y}`
          const set = owners.get(key) ?? new Set<string>()
          set.add(g.code)
          owners.set(key, set)
        }
      }
    }
    const shared = [...owners].filter(([, codes]) => codes.size >= 2)
    expect(shared.length).toBeGreaterThan(100)
    const reversed = new GridRouter([...grids].reverse())
    for (const [key] of shared) {
      const [x, y] = key.split(',').map(Number) as [number, number]
      const holding = grids.filter((g) => booleanPointInPolygon([x, y], g.geometry)).map((g) => g.code)
      const hit = router.locate(x, y)
      expect(hit?.gridCode, key).toBe(holding.sort()[0])
      expect(reversed.locate(x, y)).toEqual(hit)
    }
  })

  it('agrees with a brute-force scan over random points, and answers well over 100 000 lookups a second', () => {
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    for (const g of grids) {
      const polygons = g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates
      for (const [x, y] of polygons.flatMap((p) => p[0] ?? [])) {
        minX = Math.min(minX, x)
        minY = Math.min(minY, y)
        maxX = Math.max(maxX, x)
        maxY = Math.max(maxY, y)
      }
    }
    // A fixed pseudo-random sequence over the district's bounding box (some points fall outside).
    let s = 12345
    const rnd = (): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const points: LonLat[] = Array.from({ length: 200_000 }, () => [minX + rnd() * (maxX - minX), minY + rnd() * (maxY - minY)])

    for (const [x, y] of points.slice(0, 2000)) {
      const inside = grids.filter((g) => booleanPointInPolygon([x, y], g.geometry)).map((g) => g.code)
      expect(inside.length, `${x},${y}`).toBeLessThanOrEqual(1)
      expect(router.locate(x, y)?.gridCode ?? null).toBe(inside[0] ?? null)
    }

    const t0 = performance.now()
    let found = 0
    for (const [x, y] of points) if (router.locate(x, y)) found++
    const perSecond = points.length / ((performance.now() - t0) / 1000)
    expect(found).toBeGreaterThan(points.length / 3)
    // Typically ~1–2 million a second; the bound leaves room for a loaded CI machine.
    expect(perSecond).toBeGreaterThan(200_000)
  })
})
