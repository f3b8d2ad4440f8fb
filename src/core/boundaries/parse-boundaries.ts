import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { featureCode } from '../pip/flatten-polygons';

/** Properties of a township boundary feature (all optional in input; code is filled in). */
export interface BoundaryProperties {
  code: string;
  name?: string;
  countyCode?: string;
  countyName?: string;
  [key: string]: unknown;
}

export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

/**
 * Parse township boundaries from TopoJSON (object `objectName`, default "townships"; when absent
 * and the topology has a single object, that one) or a GeoJSON FeatureCollection of
 * Polygon/MultiPolygon features, lon/lat. Every feature gets `properties.code` (from
 * `properties.code`, else `feature.id`, else its index). Throws an Error whose message names the
 * file and the problem: malformed JSON, not TopoJSON/GeoJSON, missing object, a non-polygon
 * geometry, coordinates outside lon/lat ranges, duplicate codes.
 */
export function parseBoundaries(text: string, fileName: string, objectName = 'townships'): BoundaryFeature[] {
  if (text.trim() === '') throw new Error(`${fileName}: file is empty`);
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new Error(`${fileName}: malformed JSON (${(err as Error).message})`);
  }
  return boundariesFromJson(json, fileName, objectName);
}

/** As {@link parseBoundaries}, from already-parsed JSON. */
export function boundariesFromJson(json: unknown, fileName: string, objectName = 'townships'): BoundaryFeature[] {
  if (typeof json !== 'object' || json === null) throw new Error(`${fileName}: not a TopoJSON or GeoJSON object`);
  const type = (json as { type?: unknown }).type;
  let features: Feature<Geometry | null, GeoJsonProperties>[];
  if (type === 'Topology') {
    const topo = json as Topology;
    const names = Object.keys(topo.objects ?? {});
    const name = names.includes(objectName) ? objectName : names.length === 1 ? names[0]! : null;
    if (name === null) {
      throw new Error(`${fileName}: TopoJSON has no object "${objectName}" (objects: ${names.join(', ') || 'none'})`);
    }
    const obj = topo.objects[name]!;
    const fc = topoFeature(topo, obj as GeometryCollection) as FeatureCollection<Geometry | null> | Feature<Geometry | null>;
    features = fc.type === 'FeatureCollection' ? fc.features : [fc];
  } else if (type === 'FeatureCollection') {
    const fs = (json as { features?: unknown }).features;
    if (!Array.isArray(fs)) throw new Error(`${fileName}: FeatureCollection has no "features" array`);
    features = fs as Feature<Geometry | null>[];
  } else if (type === 'Feature') {
    features = [json as Feature<Geometry | null>];
  } else {
    throw new Error(`${fileName}: expected a TopoJSON Topology or a GeoJSON FeatureCollection, got type ${JSON.stringify(type)}`);
  }
  const seen = new Map<string, number>();
  const out: BoundaryFeature[] = [];
  features.forEach((f, i) => {
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') throw new Error(`${fileName}: feature #${i} is not a GeoJSON Feature`);
    const code = featureCode(f, i);
    const g = f.geometry;
    if (g === null || g === undefined) throw new Error(`${fileName}: feature #${i} (${code}) has no geometry`);
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      throw new Error(`${fileName}: feature #${i} (${code}) has geometry type ${g.type}; boundaries must be Polygon or MultiPolygon`);
    }
    checkCoordinates(g, fileName, i, code);
    const prev = seen.get(code);
    if (prev !== undefined) throw new Error(`${fileName}: duplicate code "${code}" (features #${prev} and #${i})`);
    seen.set(code, i);
    const props = (f.properties ?? {}) as Record<string, unknown>;
    out.push({ type: 'Feature', id: f.id, properties: { ...props, code }, geometry: g });
  });
  return out;
}

function checkCoordinates(g: Polygon | MultiPolygon, fileName: string, i: number, code: string): void {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys)) throw new Error(`${fileName}: feature #${i} (${code}) has no coordinates array`);
  for (const poly of polys) {
    if (!Array.isArray(poly)) throw new Error(`${fileName}: feature #${i} (${code}): polygon is not an array of rings`);
    for (const ring of poly) {
      if (!Array.isArray(ring)) throw new Error(`${fileName}: feature #${i} (${code}): ring is not an array of positions`);
      for (const p of ring) {
        const x = Array.isArray(p) ? p[0] : undefined;
        const y = Array.isArray(p) ? p[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          throw new Error(`${fileName}: feature #${i} (${code}): position ${JSON.stringify(p)} is not a pair of numbers`);
        }
        if (x < -180 || x > 180 || y < -90 || y > 90) {
          const hint =
            y >= -180 && y <= 180 && x >= -90 && x <= 90
              ? 'looks like lat/lon swapped'
              : 'values outside lon/lat ranges — projected CRS? Convert to WGS84 lon/lat';
          throw new Error(`${fileName}: feature #${i} (${code}): position [${x}, ${y}] out of range (${hint})`);
        }
      }
    }
  }
}
