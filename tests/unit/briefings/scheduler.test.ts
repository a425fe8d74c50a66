import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { briefingScheduleSchema, nextBriefingAt } from '@shared/briefing/schedule'
import type { BriefingExportInput, BriefingRecord } from '@shared/briefing/spec'
import { fromShanghai, MINUTE_MS } from '@shared/time'
import { BriefingScheduler, type ScheduledRun, type SetTimer } from '../../../src/main/briefings/scheduler'
import { tempDir } from '../../support/tempDir'

describe('nextBriefingAt (Asia/Shanghai, no DST)', () => {
  const times = ['08:00', '20:00']

  it('takes the next of two times a day', () => {
    expect(nextBriefingAt(times, fromShanghai(2026, 11, 22, 7, 59))).toBe(fromShanghai(2026, 11, 22, 8, 0))
    expect(nextBriefingAt(times, fromShanghai(2026, 11, 22, 8, 0))).toBe(fromShanghai(2026, 11, 22, 20, 0))
    expect(nextBriefingAt(['20:00', '08:00'], fromShanghai(2026, 11, 22, 12, 0))).toBe(fromShanghai(2026, 11, 22, 20, 0))
  })

  it('crosses midnight and month and year ends', () => {
    expect(nextBriefingAt(times, fromShanghai(2026, 11, 22, 20, 0, 1))).toBe(fromShanghai(2026, 11, 23, 8, 0))
    expect(nextBriefingAt(['00:00'], fromShanghai(2026, 12, 31, 23, 59))).toBe(fromShanghai(2027, 1, 1, 0, 0))
    // 16:30 UTC is 00:30 the next day in Shanghai: the day is Shanghai's, not UTC's.
    expect(nextBriefingAt(['00:15', '01:00'], Date.UTC(2026, 10, 22, 16, 30))).toBe(fromShanghai(2026, 11, 23, 1, 0))
  })

  it('is the same offset in summer and winter (China has no daylight saving time)', () => {
    expect(nextBriefingAt(['08:00'], fromShanghai(2026, 7, 1, 0, 0))).toBe(Date.UTC(2026, 6, 1, 0, 0))
    expect(nextBriefingAt(['08:00'], fromShanghai(2026, 1, 1, 0, 0))).toBe(Date.UTC(2026, 0, 1, 0, 0))
  })

  it('has none without times', () => {
    expect(nextBriefingAt([], 0)).toBeNull()
  })

  it('refuses malformed and repeated times', () => {
    expect(briefingScheduleSchema.safeParse({ times: ['8:00'] }).success).toBe(false)
    expect(briefingScheduleSchema.safeParse({ times: ['24:00'] }).success).toBe(false)
    expect(briefingScheduleSchema.safeParse({ times: ['08:00', '08:00'] }).success).toBe(false)
    expect(briefingScheduleSchema.parse({})).toMatchObject({ enabled: true, times: ['08:00', '20:00'], targets: [{ kind: 'wall' }], width: 1920, height: 1080, areaCode: null })
  })
})

/** A clock and timers the test moves by hand. */
function fakeTime(start: number) {
  let now = start
  const timers = new Set<{ at: number; fire: () => void }>()
  const setTimer: SetTimer = (fire, ms) => {
    const t = { at: now + ms, fire }
    timers.add(t)
    return () => timers.delete(t)
  }
  return {
    now: () => now,
    setTimer,
    pending: () => timers.size,
    /** Moves the clock forward, firing the timers that come due, in order. */
    advance(ms: number): void {
      const end = now + ms
      for (;;) {
        const due = [...timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0]
        if (!due) break
        timers.delete(due)
        now = Math.max(now, due.at)
        due.fire()
      }
      now = end
    }
  }
}

const flush = (): Promise<void> => new Promise((r) => setImmediate(r))

describe('BriefingScheduler', () => {
  let dir: string
  let remove: () => void
  let logs: string[]
  beforeEach(() => {
    ;({ dir, remove } = tempDir())
    logs = []
  })
  afterEach(() => remove())

  const record = (file: string): BriefingRecord => ({ file } as BriefingRecord)

  function scheduler(start: number, exportBriefing: (r: BriefingExportInput) => Promise<BriefingRecord>, configured?: () => void) {
    const time = fakeTime(start)
    const runs: ScheduledRun[] = []
    const s = new BriefingScheduler({
      dataDir: dir,
      exportBriefing,
      districtCode: () => '440311',
      ran: (run) => runs.push(run),
      ...(configured ? { configured } : {}),
      log: (l) => logs.push(l),
      now: time.now,
      setTimer: time.setTimer
    })
    return { s, time, runs }
  }

  it('fires at 08:00 and 20:00 Shanghai with the injected clock, as scheduled exports of the district', async () => {
    const asked: BriefingExportInput[] = []
    const { s, time, runs } = scheduler(fromShanghai(2026, 11, 22, 7, 0), async (r) => {
      asked.push(r)
      return record(`f${asked.length}.png`)
    })
    s.start()
    expect(s.info().nextAt).toBe(fromShanghai(2026, 11, 22, 8, 0))
    time.advance(59 * MINUTE_MS)
    await flush()
    expect(asked).toHaveLength(0)
    time.advance(MINUTE_MS)
    await flush()
    expect(asked).toEqual([
      { target: { kind: 'wall' }, width: 1920, height: 1080, areaCode: '440311', classification: '内部资料 注意保密', blurSnapshots: true, locale: 'zh-CN' }
    ])
    expect(runs).toMatchObject([{ slot: fromShanghai(2026, 11, 22, 8, 0), ok: true, files: ['f1.png'] }])
    expect(s.info()).toMatchObject({ nextAt: fromShanghai(2026, 11, 22, 20, 0), running: false, lastRun: { ok: true, files: ['f1.png'] } })
    time.advance(12 * 60 * MINUTE_MS)
    await flush()
    expect(asked).toHaveLength(2)
    expect(s.info().nextAt).toBe(fromShanghai(2026, 11, 23, 8, 0))
    await s.stop()
  })

  it('records a failure, and the next time still fires', async () => {
    let calls = 0
    const { s, time, runs } = scheduler(fromShanghai(2026, 11, 22, 19, 59), async () => {
      calls++
      if (calls === 1) throw new Error('briefing page not ready after 60 s')
      return record('ok.png')
    })
    s.start()
    time.advance(MINUTE_MS)
    await flush()
    expect(runs[0]).toMatchObject({ ok: false, files: [], message: expect.stringMatching(/wall: briefing page not ready/) })
    expect(logs.join('\n')).toMatch(/scheduled 2026-11-22 20:00:00 failed: wall: briefing page not ready/)
    time.advance(12 * 60 * MINUTE_MS)
    await flush()
    expect(runs[1]).toMatchObject({ ok: true, files: ['ok.png'] })
    await s.stop()
  })

  it('never runs two at once: a time that comes during a run is skipped', async () => {
    let finish: () => void = () => {}
    let calls = 0
    const { s, time } = scheduler(fromShanghai(2026, 11, 22, 7, 59), () => {
      calls++
      return new Promise((resolve) => (finish = () => resolve(record('slow.png'))))
    })
    s.configure(briefingScheduleSchema.parse({ times: ['08:00', '08:01'] }))
    s.start()
    time.advance(MINUTE_MS)
    await flush()
    expect(s.info().running).toBe(true)
    time.advance(MINUTE_MS)
    await flush()
    expect(calls).toBe(1)
    expect(logs.join('\n')).toMatch(/08:01:00: skipped/)
    finish()
    await flush()
    expect(s.info()).toMatchObject({ running: false, nextAt: fromShanghai(2026, 11, 23, 8, 0) })
    await s.stop()
  })

  it('reschedules on configure, writes briefings.json, and stop clears the timer', async () => {
    const { s, time } = scheduler(fromShanghai(2026, 11, 22, 10, 0, 30), async () => record('x.png'))
    s.start()
    expect(s.info().nextAt).toBe(fromShanghai(2026, 11, 22, 20, 0))
    const info = s.configure(briefingScheduleSchema.parse({ times: ['10:01'], targets: [{ kind: 'wall' }, { kind: 'panel', panel: 'trend' }] }))
    expect(info.nextAt).toBe(fromShanghai(2026, 11, 22, 10, 1))
    expect(JSON.parse(readFileSync(join(dir, 'briefings.json'), 'utf8'))).toMatchObject({ times: ['10:01'] })
    expect(time.pending()).toBe(1)
    s.configure(briefingScheduleSchema.parse({ enabled: false }))
    expect(s.info().nextAt).toBeNull()
    expect(time.pending()).toBe(0)
    s.configure(briefingScheduleSchema.parse({}))
    await s.stop()
    expect(time.pending()).toBe(0)
    expect(s.info().nextAt).toBeNull()
  })

  it('re-checks the clock on long waits', () => {
    const { s, time } = scheduler(fromShanghai(2026, 11, 22, 9, 0), async () => record('x.png'))
    s.start()
    time.advance(6 * MINUTE_MS)
    expect(time.pending()).toBe(1)
    expect(s.info().nextAt).toBe(fromShanghai(2026, 11, 22, 20, 0))
    void s.stop()
  })

  it('schedules nothing from an invalid file, and says why', () => {
    writeFileSync(join(dir, 'briefings.json'), JSON.stringify({ times: ['25:00'] }))
    const { s, time } = scheduler(fromShanghai(2026, 11, 22, 9, 0), async () => record('x.png'))
    s.start()
    expect(s.info()).toMatchObject({ nextAt: null, error: expect.stringMatching(/times\.0: .*HH:MM/) })
    expect(time.pending()).toBe(0)
    expect(logs.join('\n')).toMatch(/schedule not in force/)
    writeFileSync(join(dir, 'briefings.json'), '{not json')
    s.start()
    expect(s.info().error).toMatch(/not JSON/)
    // Nor removes any briefing: the retention of a refused file is not in force either.
    expect(s.keepDays()).toBe(0)
    void s.stop()
  })

  it('keeps briefings 180 days by default, as configured, and tells after configuring', () => {
    let configured = 0
    const { s } = scheduler(fromShanghai(2026, 11, 22, 9, 0), async () => record('x.png'), () => configured++)
    s.start()
    expect(s.keepDays()).toBe(180)
    s.configure(briefingScheduleSchema.parse({ keepDays: 30 }))
    expect(s.keepDays()).toBe(30)
    expect(configured).toBe(1)
    expect(JSON.parse(readFileSync(join(dir, 'briefings.json'), 'utf8'))).toMatchObject({ keepDays: 30 })
    expect(briefingScheduleSchema.safeParse({ keepDays: -1 }).success).toBe(false)
    expect(briefingScheduleSchema.safeParse({ keepDays: 1.5 }).success).toBe(false)
    void s.stop()
  })
})
