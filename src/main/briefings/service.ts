import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ApiError } from '@shared/api/errors'
import { briefingStem, isBriefingFileName, uniqueBriefingStem } from '@shared/briefing/fileName'
import { encodeBriefingQuery } from '@shared/briefing/query'
import { DAY_MS } from '@shared/time'
import {
  briefingExportInputSchema,
  briefingSpecSchema,
  DEFAULT_BRIEFING_CLASSIFICATION,
  type BriefingExportInput,
  type BriefingProgress,
  type BriefingRecord,
  type BriefingSpec
} from '@shared/briefing/spec'
import { CaptureError, type Capturer } from './capturer'
import { writeFileAtomic } from './files'
import { pngSize } from './png'
import { SerialQueue } from './queue'
import { briefingRecordSchema } from './record'

export const BRIEFINGS_DIR = 'briefings'
export const DEFAULT_HISTORY_LIMIT = 50

export interface BriefingServiceOptions {
  dataDir: string
  /** Null where this runtime cannot render (then an export is UNAVAILABLE). */
  capturer: Capturer | null
  /** The briefing page's URL for `briefing=<…>` (the runtime knows its own origin and token). */
  pageUrl: (query: string) => string
  /** Progress for the walls (the `briefing` event). */
  progress: (p: BriefingProgress) => void
  /** Whether the region exists (an export of an unknown area is NOT_FOUND). */
  areaExists: (code: string) => boolean
  log: (line: string) => void
  now: () => number
  /** Briefings older than this many days are removed after each export and by prune(); 0 keeps all. */
  keepDays?: () => number
}

/**
 * Exported briefings (docs/BRIEFINGS.md): one export at a time through the capturer, each written
 * as `<dataDir>/briefings/<name>.png` with its record in `<name>.json`. The folder is the history.
 */
export class BriefingService {
  readonly dir: string
  private readonly queue = new SerialQueue()
  /** Names handed to queued exports, not yet on disk. */
  private readonly reserved = new Set<string>()
  /** Sidecars already reported as unreadable (reported once, not on every list). */
  private readonly reported = new Set<string>()
  private closed = false

  constructor(private readonly o: BriefingServiceOptions) {
    this.dir = join(o.dataDir, BRIEFINGS_DIR)
  }

  /** Renders, writes and records one briefing; resolves with its record when the file is written. */
  async export(request: BriefingExportInput, operator: string | null, scheduled = false): Promise<BriefingRecord> {
    const input = briefingExportInputSchema.parse(request)
    const capturer = this.o.capturer
    if (!capturer || this.closed) throw new ApiError('UNAVAILABLE', '此运行环境不能导出简报 / this runtime cannot render briefings')
    if (!this.o.areaExists(input.areaCode)) throw new ApiError('NOT_FOUND', `没有该区域 / no region with code ${input.areaCode}`)
    mkdirSync(this.dir, { recursive: true })
    const generatedAt = this.o.now()
    const id = uniqueBriefingStem(briefingStem(generatedAt, input.target, input.areaCode), (stem) => this.taken(stem))
    this.reserved.add(id)
    const spec: BriefingSpec = briefingSpecSchema.parse({
      id,
      target: input.target,
      width: input.width,
      height: input.height,
      areaCode: input.areaCode,
      classification: input.classification ?? DEFAULT_BRIEFING_CLASSIFICATION,
      operator,
      blurSnapshots: input.blurSnapshots ?? true,
      generatedAt,
      scheduled,
      locale: input.locale ?? 'zh-CN'
    })
    this.o.progress({ id, phase: 'queued' })
    try {
      return await this.queue.run(() => this.render(capturer, spec))
    } catch (err) {
      const message = err instanceof ApiError || err instanceof CaptureError ? err.message : `内部错误 / internal error: ${(err as Error).message}`
      this.o.log(`[briefings] ${id} failed: ${err instanceof CaptureError || err instanceof ApiError ? message : ((err as Error).stack ?? message)}`)
      this.o.progress({ id, phase: 'failed', message })
      throw err instanceof ApiError ? err : new ApiError('UNAVAILABLE', `简报导出失败 / the briefing export failed: ${message}`)
    } finally {
      this.reserved.delete(id)
    }
  }

  /** The history, newest first; an unreadable sidecar is skipped (and logged once). */
  list(limit = DEFAULT_HISTORY_LIMIT): BriefingRecord[] {
    const records = this.records().filter((r) => existsSync(join(this.dir, r.file)))
    records.sort((a, b) => b.generatedAt - a.generatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    return records.slice(0, limit)
  }

  /**
   * Removes the briefings (image and record) generated more than keepDays days ago, manual and
   * scheduled alike; keepDays 0 keeps everything. Files without a readable record are left alone.
   * Returns how many were removed.
   */
  prune(): number {
    const days = this.o.keepDays?.() ?? 0
    if (days <= 0) return 0
    const before = this.o.now() - days * DAY_MS
    let removed = 0
    for (const record of this.records()) {
      if (record.generatedAt >= before || this.reserved.has(record.id)) continue
      try {
        rmSync(join(this.dir, record.file), { force: true })
        rmSync(join(this.dir, `${record.id}.json`), { force: true })
        removed++
      } catch (err) {
        this.o.log(`[briefings] could not remove ${record.file}: ${(err as Error).message}`)
      }
    }
    if (removed > 0) this.o.log(`[briefings] removed ${removed} briefing(s) older than ${days} days`)
    return removed
  }

  /** The path of an exported PNG by its file name, or null: only names the service makes, only in its folder. */
  file(name: string): string | null {
    if (!isBriefingFileName(name, 'png')) return null
    const path = join(this.dir, name)
    return existsSync(path) ? path : null
  }

  /** Refuses new exports, ends the capturer (an export in progress fails), waits for the queue to drain. */
  async close(): Promise<void> {
    this.closed = true
    await this.o.capturer?.close()
    await this.queue.idle()
  }

  private taken(stem: string): boolean {
    return this.reserved.has(stem) || existsSync(join(this.dir, `${stem}.png`)) || existsSync(join(this.dir, `${stem}.json`))
  }

  private async render(capturer: Capturer, spec: BriefingSpec): Promise<BriefingRecord> {
    const started = Date.now()
    this.o.progress({ id: spec.id, phase: 'rendering' })
    const png = await capturer.capture(spec, this.o.pageUrl(encodeBriefingQuery(spec)))
    const size = pngSize(png)
    if (!size) throw new CaptureError('截图不是 PNG / the capture is not a PNG')
    if (size.width !== spec.width || size.height !== spec.height) {
      throw new CaptureError(`截图尺寸不符 / the capture is ${size.width}×${size.height}, not ${spec.width}×${spec.height}`)
    }
    this.o.progress({ id: spec.id, phase: 'writing' })
    const file = `${spec.id}.png`
    writeFileAtomic(join(this.dir, file), png)
    const record: BriefingRecord = {
      id: spec.id,
      file,
      target: spec.target,
      width: spec.width,
      height: spec.height,
      areaCode: spec.areaCode,
      classification: spec.classification,
      blurSnapshots: spec.blurSnapshots,
      locale: spec.locale,
      generatedAt: spec.generatedAt,
      operator: spec.operator,
      scheduled: spec.scheduled,
      bytes: png.length,
      durationMs: Date.now() - started
    }
    writeFileAtomic(join(this.dir, `${spec.id}.json`), JSON.stringify(record, null, 2) + '\n')
    this.o.log(`[briefings] wrote ${file} (${spec.width}×${spec.height}, ${png.length} bytes, ${record.durationMs} ms)`)
    this.o.progress({ id: spec.id, phase: 'done', record })
    this.prune()
    return record
  }

  /** Every readable record in the folder, in no order. */
  private records(): BriefingRecord[] {
    let names: string[]
    try {
      names = readdirSync(this.dir)
    } catch {
      return []
    }
    const records: BriefingRecord[] = []
    for (const name of names) {
      if (!isBriefingFileName(name, 'json')) continue
      const record = this.readSidecar(name)
      if (record) records.push(record)
    }
    return records
  }

  private readSidecar(name: string): BriefingRecord | null {
    let problem: string
    try {
      const parsed = briefingRecordSchema.safeParse(JSON.parse(readFileSync(join(this.dir, name), 'utf8')))
      if (parsed.success && parsed.data.file === name.replace(/\.json$/, '.png')) return parsed.data
      problem = parsed.success ? 'names another file' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    } catch (err) {
      problem = (err as Error).message
    }
    if (!this.reported.has(name)) {
      this.reported.add(name)
      this.o.log(`[briefings] skipped the unreadable record ${name}: ${problem}`)
    }
    return null
  }
}
