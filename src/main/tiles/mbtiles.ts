import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { BasemapInfo } from '@shared/api/types'
import type { MbtilesBasemapConfig } from './config'
import { BasemapConfigError } from './config'
import type { TileCoord } from './coords'
import { flipY, TILE_URL_TEMPLATE } from './coords'
import { isGzip, sniffRasterType, type RasterType } from './image'

const RASTER_FORMATS = new Set(['png', 'jpg', 'jpeg', 'webp'])
const CRS_VALUES = new Set<BasemapInfo['crs']>(['WGS84', 'CGCS2000', 'GCJ02'])

/**
 * An offline tile package (MBTiles 1.x), opened read-only. Raster tiles only (png, jpg, webp):
 * vector packages (format pbf, gzip'd tile_data) are refused with a clear message.
 */
export class MbtilesReader {
  readonly info: BasemapInfo
  private readonly db: Database.Database
  private readonly stmt: Database.Statement<[number, number, number], { tile_data: Buffer }>

  private constructor(db: Database.Database, info: BasemapInfo) {
    this.db = db
    this.info = info
    this.stmt = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
  }

  /** Throws BasemapConfigError (bilingual) when the file is missing, not MBTiles or not raster. */
  static open(config: MbtilesBasemapConfig): MbtilesReader {
    const { path } = config
    if (!existsSync(path)) throw new BasemapConfigError(`找不到离线瓦片包 / the MBTiles file ${path} does not exist`)
    let db: Database.Database
    try {
      db = new Database(path, { readonly: true, fileMustExist: true })
    } catch (err) {
      throw new BasemapConfigError(`无法打开离线瓦片包 / cannot open the MBTiles file ${path}: ${(err as Error).message}`)
    }
    try {
      const meta = readMetadata(db, path)
      const format = meta.get('format')?.toLowerCase()
      if (format === 'pbf' || format === 'mvt') {
        throw new BasemapConfigError(
          `离线瓦片包是矢量瓦片 (pbf)，目前只支持栅格瓦片 png/jpg/webp / ${path} holds vector tiles (format pbf): only raster png, jpg or webp packages are supported`
        )
      }
      if (format !== undefined && !RASTER_FORMATS.has(format)) {
        throw new BasemapConfigError(`离线瓦片包格式不受支持 / ${path} has format "${format}": only raster png, jpg or webp packages are supported`)
      }
      const metaCrs = meta.get('crs')?.toUpperCase().replace(/[^A-Z0-9]/g, '') as BasemapInfo['crs'] | undefined
      const minZoom = config.minZoom ?? intOr(meta.get('minzoom'), 0)
      const maxZoom = config.maxZoom ?? intOr(meta.get('maxzoom'), 18)
      const info: BasemapInfo = {
        kind: 'mbtiles',
        name: config.name ?? meta.get('name') ?? '离线瓦片包',
        crs: config.crs ?? (metaCrs && CRS_VALUES.has(metaCrs) ? metaCrs : 'WGS84'),
        tileUrl: TILE_URL_TEMPLATE,
        minZoom: Math.min(minZoom, maxZoom),
        maxZoom,
        attribution: config.attribution || meta.get('attribution') || ''
      }
      return new MbtilesReader(db, info)
    } catch (err) {
      db.close()
      throw err
    }
  }

  /** The tile at XYZ coordinates (flipped to the file's TMS rows), or null. */
  tile(c: TileCoord): { body: Buffer; contentType: RasterType } | null {
    if (!this.db.open) return null
    const row = this.stmt.get(c.z, c.x, flipY(c.z, c.y))
    if (!row || isGzip(row.tile_data)) return null
    const contentType = sniffRasterType(row.tile_data)
    return contentType ? { body: row.tile_data, contentType } : null
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

function readMetadata(db: Database.Database, path: string): Map<string, string> {
  try {
    db.prepare('SELECT 1 FROM tiles LIMIT 1').get()
    const rows = db.prepare('SELECT name, value FROM metadata').all() as { name: unknown; value: unknown }[]
    return new Map(rows.filter((r) => typeof r.name === 'string').map((r) => [String(r.name).toLowerCase(), String(r.value)]))
  } catch (err) {
    throw new BasemapConfigError(`不是有效的离线瓦片包 / ${path} is not an MBTiles file (tables tiles and metadata): ${(err as Error).message}`)
  }
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number(value)
  return value !== undefined && Number.isInteger(n) && n >= 0 && n <= 22 ? n : fallback
}
