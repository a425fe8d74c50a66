export { createTileService, type Tile, type TileService, type TileServiceOptions } from './service'
export { answerTileRequest, type TileAnswer } from './http'
export { parseTileCoord, tilePathParts, TILE_URL_TEMPLATE, type TileCoord } from './coords'
export { NONE_BASEMAP } from './config'
