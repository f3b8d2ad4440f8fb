/** The box around each county's townships, for the tour's county steps (west, south, east, north). */
import type { MultiPolygon, Polygon } from 'geojson';

export type Bbox = [number, number, number, number];

/** Per county code, the bbox of the outer rings of its townships' polygons. */
export function countyBounds(townships: readonly { geometry: Polygon | MultiPolygon; properties: { countyCode: string } }[]): Map<string, Bbox> {
  const out = new Map<string, Bbox>();
  for (const { geometry, properties } of townships) {
    let b = out.get(properties.countyCode);
    if (!b) out.set(properties.countyCode, (b = [Infinity, Infinity, -Infinity, -Infinity]));
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const [x, y] of polygon[0]) {
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      }
    }
  }
  return out;
}
