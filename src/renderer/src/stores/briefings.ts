import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { BriefingExportInput, BriefingProgress, BriefingRecord } from '@shared/briefing/spec'
import { api } from '@renderer/api'
import { createQuery } from './query'

/**
 * Briefings on the wall (docs/BRIEFINGS.md): the history (briefings.list, newest first) and the
 * progress of exports as main reports them (`briefing` events), by briefing id.
 */
export const useBriefingsStore = defineStore('briefings', () => {
  const history = createQuery<BriefingRecord[]>()
  /** The latest progress event of each export seen since the wall opened. */
  const progress = shallowRef<ReadonlyMap<string, BriefingProgress>>(new Map())

  async function load(): Promise<void> {
    await history.run(() => api.briefings.list({ limit: 50 }))
  }

  /** Applies a progress event; a finished export (or a scheduled one) refreshes the history. */
  function onProgress(p: BriefingProgress): void {
    progress.value = new Map(progress.value).set(p.id, p)
    if (p.phase === 'done' || p.phase === 'failed') void load()
  }

  /** Exports; resolves with the record when the image is written, rejects with the server's refusal. */
  function exportBriefing(input: BriefingExportInput): Promise<BriefingRecord> {
    return api.briefings.export(input)
  }

  return { history: history.data, loading: history.loading, error: history.error, progress, load, onProgress, exportBriefing }
})
