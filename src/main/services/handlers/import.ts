import { ApiError } from '@shared/api/errors'
import type { ImportInput } from '@shared/import/api'
import { applyImport, previewImport, type ImportFile, type ImportOptions } from '../../import/index'
import { buildStatus } from './system'
import { notifyChanged, type HandlerDeps, type HandlerGroup } from './deps'

type ImportMethods = 'import.preview' | 'import.apply'

const filesOf = (input: ImportInput): ImportFile[] =>
  input.files.map((f) => ({ kind: f.kind, name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }))

/**
 * Loading a real district (docs/IMPORT.md), for administrators. One import at a time: a second
 * call while one runs is a CONFLICT. After a write every wall reloads the district, and the alert
 * path is restarted so its router and camera positions are those of the new district.
 */
export function importHandlers(d: HandlerDeps): HandlerGroup<ImportMethods> {
  let running: string | null = null
  const exclusive = async <T>(id: string, run: () => Promise<T>): Promise<T> => {
    if (running !== null) throw new ApiError('CONFLICT', `另一导入正在进行（${running}）/ another import is running (${running})`)
    running = id
    try {
      return await run()
    } finally {
      running = null
    }
  }
  const options = (input: ImportInput): ImportOptions => ({
    ...(input.mapping ? { mapping: input.mapping } : {}),
    onProgress: (p) => d.hub.emit('import', { id: input.id, ...p }),
    now: d.now
  })
  return {
    'import.preview': (input) => exclusive(input.id, () => previewImport(d.store, filesOf(input), options(input))),
    'import.apply': (input) =>
      exclusive(input.id, async () => {
        const result = await applyImport(d.store, filesOf(input), options(input))
        if (result.applied) {
          // The old router and camera positions would route alerts to grids that no longer exist.
          await d.alertSettings?.restart()
          notifyChanged(d, 'district', 'events', 'alerts')
          d.hub.emit('status', buildStatus(d))
        }
        return result
      })
  }
}
