import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { briefingScheduleSchema, type BriefingSchedule } from '@shared/briefing/schedule'
import { writeFileAtomic } from './files'

export const BRIEFING_SCHEDULE_FILE = 'briefings.json'

export interface LoadedSchedule {
  config: BriefingSchedule
  path: string
  /** Why the file was refused (config is then the defaults, and nothing is scheduled). */
  error: string | null
}

export const defaultBriefingSchedule = (): BriefingSchedule => briefingScheduleSchema.parse({})

/** `<dataDir>/briefings.json`: missing means the defaults; unreadable or invalid is an error, never a crash. */
export function loadBriefingSchedule(dataDir: string): LoadedSchedule {
  const path = join(dataDir, BRIEFING_SCHEDULE_FILE)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { config: defaultBriefingSchedule(), path, error: null }
    return { config: defaultBriefingSchedule(), path, error: `无法读取 / cannot read ${path}: ${(err as Error).message}` }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { config: defaultBriefingSchedule(), path, error: `不是有效的 JSON / ${path} is not JSON: ${(err as Error).message}` }
  }
  const parsed = briefingScheduleSchema.safeParse(raw)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')
    return { config: defaultBriefingSchedule(), path, error: `配置无效 / invalid ${path}: ${detail}` }
  }
  return { config: parsed.data, path, error: null }
}

export function saveBriefingSchedule(dataDir: string, config: BriefingSchedule): void {
  writeFileAtomic(join(dataDir, BRIEFING_SCHEDULE_FILE), JSON.stringify(config, null, 2) + '\n')
}
