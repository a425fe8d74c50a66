import type { ImportFileKind } from '@shared/import/report'

/** A file chosen in the import panel, read whole and ready for the call (base64, as the API takes it). */
export interface ChosenFile {
  kind: ImportFileKind
  name: string
  bytes: number
  base64: string
}

/** The file kinds and what each accepts (docs/IMPORT.md). */
export const importFileAccept: Record<ImportFileKind, string> = {
  grids: '.geojson,.json',
  buildings: '.csv,.xlsx',
  cameras: '.csv,.xlsx',
  staff: '.csv,.xlsx',
  profiles: '.csv,.xlsx'
}

/** Reads a browser File as base64 (FileReader's data URL, without its prefix). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败 / the file could not be read'))
    reader.readAsDataURL(file)
  })
}

/** "1.2 MB", "640 KB", "512 B". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} B`
}
