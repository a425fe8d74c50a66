import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/api/errors'
import { decodeBriefingParam } from '@shared/briefing/query'
import { briefingScheduleSchema } from '@shared/briefing/schedule'
import type { BriefingProgress, BriefingSpec } from '@shared/briefing/spec'
import { DAY_MS, fromShanghai } from '@shared/time'
import type { Capturer } from '../../../src/main/briefings/capturer'
import { startBriefings, type Briefings } from '../../../src/main/briefings'
import { BriefingService } from '../../../src/main/briefings/service'
import { tempDir } from '../../support/tempDir'
import { fakePng } from './fakePng'

const wall = { target: { kind: 'wall' as const }, width: 1920, height: 1080, areaCode: '440311' }

describe('BriefingService', () => {
  let dir: string
  let remove: () => void
  let logs: string[]
  let events: BriefingProgress[]
  let seen: { spec: BriefingSpec; url: string }[]
  let now: number
  beforeEach(() => {
    ;({ dir, remove } = tempDir())
    logs = []
    events = []
    seen = []
    now = fromShanghai(2026, 11, 22, 8, 0)
  })
  afterEach(() => remove())

  const capturer = (size?: { width: number; height: number }): Capturer => ({
    capture: async (spec, url) => {
      seen.push({ spec, url })
      return fakePng(size?.width ?? spec.width, size?.height ?? spec.height)
    },
    close: async () => {}
  })

  const service = (c: Capturer | null = capturer(), keepDays = 0): BriefingService =>
    new BriefingService({
      dataDir: dir,
      capturer: c,
      pageUrl: (q) => `http://127.0.0.1:1/?${q}`,
      progress: (p) => events.push(p),
      areaExists: (code) => code.startsWith('440311'),
      log: (l) => logs.push(l),
      now: () => now,
      keepDays: () => keepDays
    })

  it('writes the PNG and its sidecar with predictable names, and reports progress', async () => {
    const s = service()
    const record = await s.export({ ...wall, classification: '绝密' }, '张三')
    expect(record).toMatchObject({
      id: 'briefing-20261122-0800-wall-440311',
      file: 'briefing-20261122-0800-wall-440311.png',
      target: { kind: 'wall' },
      width: 1920,
      height: 1080,
      areaCode: '440311',
      classification: '绝密',
      blurSnapshots: true,
      generatedAt: now,
      operator: '张三',
      scheduled: false
    })
    expect(record.bytes).toBe(readFileSync(join(dir, 'briefings', record.file)).length)
    expect(JSON.parse(readFileSync(join(dir, 'briefings', `${record.id}.json`), 'utf8'))).toEqual(record)
    expect(events.map((e) => e.phase)).toEqual(['queued', 'rendering', 'writing', 'done'])
    expect(events[3]!.record).toEqual(record)
    // The page gets the same spec through its URL.
    const param = new URL(seen[0]!.url).searchParams.get('briefing')!
    expect(decodeBriefingParam(param)).toEqual({ ok: true, spec: seen[0]!.spec })
  })

  it('adds a suffix when the minute is taken, and lists the history newest first', async () => {
    const s = service()
    const a = await s.export(wall, null, true)
    const [b, c] = await Promise.all([s.export(wall, 'x'), s.export({ ...wall, target: { kind: 'panel', panel: 'trend' } }, 'x')])
    expect([a.file, b.file, c.file]).toEqual([
      'briefing-20261122-0800-wall-440311.png',
      'briefing-20261122-0800-wall-440311_2.png',
      'briefing-20261122-0800-panel-trend-440311.png'
    ])
    now += 60_000
    const d = await s.export(wall, 'x')
    // Newest first; equal times by name, descending.
    expect(s.list().map((r) => r.id)).toEqual([d.id, b.id, a.id, c.id])
    expect(s.list(2)).toHaveLength(2)
    expect(s.list().find((r) => r.id === a.id)?.scheduled).toBe(true)
  })

  it('skips a corrupt sidecar (logged once), never crashing the history', async () => {
    const s = service()
    const good = await s.export(wall, 'x')
    const folder = join(dir, 'briefings')
    writeFileSync(join(folder, 'briefing-20261122-0900-wall-440311.json'), '{ half')
    writeFileSync(join(folder, 'briefing-20261122-0901-wall-440311.json'), JSON.stringify({ ...good, width: 'wide' }))
    writeFileSync(join(folder, 'notes.json'), '{}')
    expect(s.list().map((r) => r.id)).toEqual([good.id])
    expect(s.list()).toHaveLength(1)
    const skipped = logs.filter((l) => l.includes('skipped the unreadable record'))
    expect(skipped).toHaveLength(2)
    expect(skipped.join('\n')).toMatch(/0901.*width/)
  })

  it('resolves only its own file names inside its folder', async () => {
    const s = service()
    const r = await s.export(wall, 'x')
    expect(s.file(r.file)).toBe(join(dir, 'briefings', r.file))
    writeFileSync(join(dir, 'secret.png'), 'x')
    for (const bad of ['../secret.png', '..%2Fsecret.png', `../briefings/${r.file}`, `${r.id}.json`, '/etc/passwd', 'briefing-20261122-0800-wall-440311.png\0']) {
      expect(s.file(bad), bad).toBeNull()
    }
    expect(s.file('briefing-20300101-0000-wall-440311.png')).toBeNull()
  })

  it('fails clearly: no capturer, unknown area, wrong size, a capture error', async () => {
    await expect(service(null).export(wall, 'x')).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    await expect(service().export({ ...wall, areaCode: '110101' }, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const small = service(capturer({ width: 1280, height: 720 }))
    await expect(small.export(wall, 'x')).rejects.toThrow(/1280×720, not 1920×1080/)
    expect(events.at(-1)).toMatchObject({ phase: 'failed', message: expect.stringMatching(/1280×720/) })
    const broken = service({ capture: async () => Promise.reject(new Error('boom')), close: async () => {} })
    const err: unknown = await broken.export(wall, 'x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).message).toMatch(/export failed: 内部错误 \/ internal error: boom/)
    // Nothing half-written.
    expect(existsSync(join(dir, 'briefings')) ? service().list() : []).toEqual([])
  })

  it('refuses new exports after close', async () => {
    const s = service()
    await s.close()
    await expect(s.export(wall, 'x')).rejects.toMatchObject({ code: 'UNAVAILABLE' })
  })

  it('lists nothing before the first export', () => {
    expect(service().list()).toEqual([])
    mkdirSync(join(dir, 'briefings'))
    expect(service().list()).toEqual([])
  })

  it('removes briefings older than keepDays after each export and on prune(), image and record, and keeps the rest', async () => {
    const keep = service(capturer(), 30)
    const old = await keep.export(wall, '张三')
    now += 20 * DAY_MS
    const recent = await keep.export(wall, '李四')
    // An image whose record is unreadable is not ours to judge: left alone.
    writeFileSync(join(dir, 'briefings', 'briefing-20260101-0800-wall-440311.json'), '{ not json')
    writeFileSync(join(dir, 'briefings', 'briefing-20260101-0800-wall-440311.png'), fakePng(10, 10))
    now += 11 * DAY_MS
    expect(keep.prune()).toBe(1)
    expect(existsSync(join(dir, 'briefings', old.file))).toBe(false)
    expect(existsSync(join(dir, 'briefings', `${old.id}.json`))).toBe(false)
    expect(keep.list().map((r) => r.id)).toEqual([recent.id])
    expect(existsSync(join(dir, 'briefings', 'briefing-20260101-0800-wall-440311.png'))).toBe(true)
    expect(logs).toContain('[briefings] removed 1 briefing(s) older than 30 days')
    // The next export removes what has aged past the limit since.
    now += 25 * DAY_MS
    const latest = await keep.export(wall, '王五')
    expect(keep.list().map((r) => r.id)).toEqual([latest.id])
  })

  it('keeps everything when keepDays is 0', async () => {
    const all = service(capturer(), 0)
    await all.export(wall, '张三')
    now += 5000 * DAY_MS
    expect(all.prune()).toBe(0)
    expect(all.list()).toHaveLength(1)
  })

  it('startBriefings removes old briefings at start and as soon as the schedule keeps fewer days', async () => {
    await service().export(wall, '张三')
    now += 100 * DAY_MS
    await service().export(wall, '李四')
    now += 1 * DAY_MS
    const start = (): Briefings =>
      startBriefings({
        dataDir: dir,
        capture: { capturer: capturer(), pageUrl: (q) => `http://127.0.0.1:1/?${q}` },
        progress: () => {},
        areaExists: () => true,
        districtCode: () => '440311',
        recordRun: () => {},
        log: (l) => logs.push(l),
        now: () => now,
        setTimer: () => () => {}
      })
    writeFileSync(join(dir, 'briefings.json'), JSON.stringify({ enabled: false, keepDays: 365 }))
    const kept = start()
    expect(kept.service.list()).toHaveLength(2)
    kept.scheduler.configure(briefingScheduleSchema.parse({ enabled: false, keepDays: 30 }))
    expect(kept.service.list()).toHaveLength(1)
    await kept.stop()
    now += 30 * DAY_MS
    const later = start()
    expect(later.service.list()).toHaveLength(0)
    await later.stop()
  })
})
