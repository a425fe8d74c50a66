import { existsSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { z } from 'zod'
import type { BasemapInfo } from '@shared/api/types'

/**
 * The basemap configuration: `<dataDir>/basemap.json`, or the file GCC_BASEMAP names. Validated
 * here; a bad file is logged (in Chinese and English) and the wall falls back to 'none'.
 * Secrets (the Tianditu `tk`, upstream headers) stay in main: the renderer only sees BasemapInfo.
 */
export const BASEMAP_FILE = 'basemap.json'
export const BASEMAP_ENV = 'GCC_BASEMAP'
export const TILE_CACHE_FILE = 'tile-cache.sqlite3'

const crs = z.enum(['WGS84', 'CGCS2000', 'GCJ02'])
const zoom = z.number().int().min(0).max(22)
const httpUrl = z
  .string()
  .trim()
  .min(1)
  .refine((s) => /^https?:\/\/[^\s/]+/i.test(s), 'must be an http:// or https:// URL')

const cacheOptions = z
  .object({
    /** Upper bound of the tile cache file's tile bytes. */
    maxMB: z.number().min(1).max(1024 * 1024).default(1024),
    /** After this a cached tile is still served, and refreshed in the background when online. */
    maxAgeHours: z.number().min(0).max(24 * 3650).default(24 * 7)
  })
  .strict()

const common = {
  name: z.string().trim().min(1).max(100).optional(),
  minZoom: zoom.default(0),
  maxZoom: zoom.default(18),
  attribution: z.string().max(300).default('')
}

const remote = {
  ...common,
  crs: crs.default('WGS84'),
  /** Tianditu key; substituted for {tk} (or appended as `tk=`) in main only. */
  tk: z.string().trim().min(1).max(200).optional(),
  /** Values for {s} in the URL template. */
  subdomains: z.array(z.string().regex(/^[\w-]{1,32}$/)).min(1).max(16).optional(),
  /** Extra request headers for the upstream server (e.g. an intranet gateway's key). */
  headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(1000)).optional(),
  /** Upstream request timeout. */
  timeoutMs: z.number().int().min(500).max(60_000).default(5000),
  cache: cacheOptions.default({ maxMB: 1024, maxAgeHours: 24 * 7 })
}

const xyzSchema = z
  .object({
    kind: z.literal('xyz'),
    url: httpUrl.refine(
      (s) => s.includes('{z}') && s.includes('{x}') && (s.includes('{y}') || s.includes('{-y}')),
      'the URL template needs {z}, {x} and {y} (or {-y} for TMS servers)'
    ),
    ...remote
  })
  .strict()

const wmtsSchema = z
  .object({
    kind: z.literal('wmts'),
    /** The WMTS KVP endpoint, e.g. "https://t{0-7}.tianditu.gov.cn/vec_w/wmts". */
    url: httpUrl,
    layer: z.string().trim().min(1).max(200),
    matrixSet: z.string().trim().min(1).max(200),
    format: z.string().trim().min(1).max(100).default('image/png'),
    style: z.string().trim().min(1).max(200).default('default'),
    /** Prefix of TileMatrix identifiers, for servers whose matrices are named e.g. "EPSG:3857:12". */
    tileMatrixPrefix: z.string().max(100).default(''),
    ...remote
  })
  .strict()

const mbtilesSchema = z
  .object({
    kind: z.literal('mbtiles'),
    /** Absolute, or relative to the configuration file's folder. */
    path: z.string().trim().min(1),
    ...common,
    /** Overrides the file's metadata `crs`; WGS84 when neither says. */
    crs: crs.optional(),
    minZoom: zoom.optional(),
    maxZoom: zoom.optional()
  })
  .strict()

const noneSchema = z.object({ kind: z.literal('none'), name: z.string().optional() }).strict()

export const basemapConfigSchema = z
  .discriminatedUnion('kind', [xyzSchema, wmtsSchema, mbtilesSchema, noneSchema])
  .refine((c) => c.kind === 'none' || c.minZoom === undefined || c.maxZoom === undefined || c.minZoom <= c.maxZoom, {
    message: 'minZoom must not exceed maxZoom'
  })
  .refine((c) => !(c.kind === 'xyz' || c.kind === 'wmts') || !c.url.includes('{tk}') || c.tk !== undefined, {
    message: 'the URL has {tk} but no "tk" is set'
  })

export type BasemapConfig = z.infer<typeof basemapConfigSchema>
export type RemoteBasemapConfig = Extract<BasemapConfig, { kind: 'xyz' | 'wmts' }>
export type MbtilesBasemapConfig = Extract<BasemapConfig, { kind: 'mbtiles' }>

export class BasemapConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BasemapConfigError'
  }
}

export const NONE_BASEMAP: BasemapInfo = {
  kind: 'none',
  name: '辖区底图',
  crs: 'WGS84',
  tileUrl: null,
  minZoom: 8,
  maxZoom: 19,
  attribution: ''
}

/** Which file configures the basemap: GCC_BASEMAP when set, else `<dataDir>/basemap.json`. */
export function basemapConfigPath(dataDir: string, env: NodeJS.ProcessEnv): { path: string; explicit: boolean } {
  const fromEnv = env[BASEMAP_ENV]?.trim()
  return fromEnv ? { path: resolve(fromEnv), explicit: true } : { path: join(dataDir, BASEMAP_FILE), explicit: false }
}

/**
 * Parses a configuration's text. Throws BasemapConfigError with a bilingual message naming the
 * file and every problem. An mbtiles path is resolved against the file's folder.
 */
export function parseBasemapConfig(text: string, path: string): BasemapConfig {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new BasemapConfigError(`底图配置不是有效的 JSON / the basemap configuration ${path} is not valid JSON: ${(err as Error).message}`)
  }
  const parsed = basemapConfigSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new BasemapConfigError(`底图配置无效 / invalid basemap configuration ${path}: ${issues}`)
  }
  const config = parsed.data
  if (config.kind === 'mbtiles' && !isAbsolute(config.path)) return { ...config, path: resolve(dirname(path), config.path) }
  return config
}

/**
 * Reads the configuration. No file (and no GCC_BASEMAP) means 'none', silently; a missing file
 * named by GCC_BASEMAP or a bad file is logged and also gives 'none'. Never throws.
 */
export function loadBasemapConfig(dataDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void): BasemapConfig {
  const { path, explicit } = basemapConfigPath(dataDir, env)
  if (!existsSync(path)) {
    if (explicit) log(`[basemap] 找不到 ${BASEMAP_ENV} 指定的文件，使用矢量底图 / ${BASEMAP_ENV} names a missing file ${path}: drawing the vector background`)
    return { kind: 'none' }
  }
  try {
    return parseBasemapConfig(readFileSync(path, 'utf8'), path)
  } catch (err) {
    const message = err instanceof BasemapConfigError ? err.message : `无法读取底图配置 / cannot read the basemap configuration ${path}: ${(err as Error).message}`
    log(`[basemap] ${message}`)
    log('[basemap] 已改用矢量底图 / falling back to the vector background (no tiles)')
    return { kind: 'none' }
  }
}

/** What the renderer may know about a remote basemap: never the URL, the key or the headers. */
export function remoteBasemapInfo(config: RemoteBasemapConfig, tileUrl: string): BasemapInfo {
  return {
    kind: config.kind,
    name: config.name ?? (config.kind === 'xyz' ? '在线底图' : 'WMTS 底图'),
    crs: config.crs,
    tileUrl,
    minZoom: config.minZoom,
    maxZoom: config.maxZoom,
    attribution: config.attribution
  }
}
