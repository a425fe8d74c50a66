import { describe, expect, it } from 'vitest'
import { flipY, isValidTileCoord, parseTileCoord, tilePathParts } from '../../../src/main/tiles/coords'

describe('tile coordinates', () => {
  it('accepts integers within the zoom level', () => {
    expect(parseTileCoord('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 })
    expect(parseTileCoord('12', '3372', '1552')).toEqual({ z: 12, x: 3372, y: 1552 })
    expect(parseTileCoord('22', String(2 ** 22 - 1), '0')).toEqual({ z: 22, x: 2 ** 22 - 1, y: 0 })
  })

  it('refuses anything else', () => {
    for (const [z, x, y] of [
      ['23', '0', '0'],
      ['1', '2', '0'],
      ['1', '0', '2'],
      ['-1', '0', '0'],
      ['1', '-0', '0'],
      ['1.0', '0', '0'],
      ['1e1', '0', '0'],
      [' 1', '0', '0'],
      ['1', '0', '0.png'],
      ['', '0', '0'],
      ['0x1', '0', '0'],
      ['999999999', '0', '0']
    ] as const) {
      expect(parseTileCoord(z, x, y), `${z}/${x}/${y}`).toBeNull()
    }
    expect(isValidTileCoord({ z: 1, x: 0.5, y: 0 })).toBe(false)
    expect(isValidTileCoord({ z: Number.NaN, x: 0, y: 0 })).toBe(false)
  })

  it('splits /tiles/ paths and leaves other paths alone', () => {
    expect(tilePathParts('/tiles/3/2/1')).toEqual(['3', '2', '1'])
    expect(tilePathParts('/tiles/3/2')).toEqual(['', '', ''])
    expect(tilePathParts('/tiles/3/2/1/0')).toEqual(['', '', ''])
    expect(tilePathParts('/index.html')).toBeNull()
    expect(tilePathParts('/assets/tiles/1/2/3')).toBeNull()
  })

  it('flips XYZ rows to TMS rows and back', () => {
    expect(flipY(0, 0)).toBe(0)
    expect(flipY(3, 0)).toBe(7)
    expect(flipY(3, flipY(3, 5))).toBe(5)
  })
})
