/** The raster formats we serve, recognised by their magic bytes (never by what a server claims). */
export type RasterType = 'image/png' | 'image/jpeg' | 'image/webp'

export function sniffRasterType(data: Uint8Array): RasterType | null {
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png'
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  if (
    data.length >= 12 &&
    String.fromCharCode(data[0] ?? 0, data[1] ?? 0, data[2] ?? 0, data[3] ?? 0) === 'RIFF' &&
    String.fromCharCode(data[8] ?? 0, data[9] ?? 0, data[10] ?? 0, data[11] ?? 0) === 'WEBP'
  ) {
    return 'image/webp'
  }
  return null
}

/** gzip (how MBTiles stores vector tiles). */
export const isGzip = (data: Uint8Array): boolean => data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b
