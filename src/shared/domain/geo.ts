/**
 * Coordinate systems used in China. Every coordinate says which one it is in;
 * the store keeps WGS-84 (CGCS2000 is treated as equal for display).
 */
export const coordinateSystems = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] as const
export type CoordinateSystem = (typeof coordinateSystems)[number]

export type LonLat = [number, number]
/** A polygon ring list in GeoJSON order: outer ring first, then holes. */
export type PolygonCoords = LonLat[][]
export type MultiPolygonCoords = PolygonCoords[]
