/**
 * The features the area-share join reads, and the checks that reject bad ones with a
 * {@link DataError} naming the file and the feature's index — bad input is never skipped, since a
 * silently dropped zone would read as "no hazard" on the map.
 */
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { DataError } from '../data-error.ts';

export type AreaFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;

/** A layer feature's `properties.class` (a non-empty string), or a DataError. */
export function classOf(f: unknown, i: number, file: string): string {
  if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') throw new DataError(file, `feature #${i} is not a GeoJSON Feature`);
  const props = (f as { properties?: unknown }).properties;
  const c = typeof props === 'object' && props !== null ? (props as { class?: unknown }).class : undefined;
  if (typeof c !== 'string' || c === '') throw new DataError(file, `feature #${i} has no "class" property`);
  return c;
}

/** ` (code)` for a township's error label, so the message says which township without a lookup. */
export function codeOf(f: AreaFeature): string {
  const props = f.properties as { code?: unknown } | null | undefined;
  const code = typeof props === 'object' && props !== null ? props.code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? ` (${code})` : '';
}

/** Throws unless `f` is a Polygon/MultiPolygon whose rings have ≥ 4 lon/lat positions. */
export function checkPolygonal(f: AreaFeature, label: string, file: string): void {
  const g = (f as { geometry?: unknown }).geometry as Polygon | MultiPolygon | null | undefined;
  if (typeof g !== 'object' || g === null) throw new DataError(file, `${label} has no geometry`);
  const type = (g as { type?: unknown }).type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') throw new DataError(file, `${label} has geometry type ${String(type)}, expected Polygon or MultiPolygon`);
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polys)) throw new DataError(file, `${label} has no coordinates array`);
  for (const poly of polys as unknown[]) {
    if (!Array.isArray(poly) || poly.length === 0) throw new DataError(file, `${label}: a polygon is not an array of rings`);
    for (const ring of poly as unknown[]) {
      if (!Array.isArray(ring)) throw new DataError(file, `${label}: a ring is not an array of positions`);
      if (ring.length < 4) throw new DataError(file, `${label}: a ring has ${ring.length} positions, at least 4 needed`);
      for (const p of ring as Position[]) {
        const x = Array.isArray(p) ? p[0] : undefined;
        const y = Array.isArray(p) ? p[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          throw new DataError(file, `${label}: position ${JSON.stringify(p)} is not a pair of numbers`);
        }
        if (x < -180 || x > 180 || y < -90 || y > 90) throw new DataError(file, `${label}: position [${x}, ${y}] is outside lon/lat ranges`);
      }
    }
  }
}
