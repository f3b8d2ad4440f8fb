import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Polygons as flat typed arrays: the input of `buildJoinIndex` (GeoJSON features are flattened
 * into this first). Feature *f* has the parts `featurePartStart[f] .. featurePartStart[f+1]`,
 * part *p* has the rings `partRingStart[p] .. partRingStart[p+1]` (the first is the outer ring, the
 * rest holes; orientation does not matter), ring *r* has the vertices
 * `ringStart[r] .. ringStart[r+1]` in `vertices` (interleaved lon, lat). Rings are stored closed,
 * as in GeoJSON: the last vertex repeats the first (flattenPolygons closes rings that are not), so
 * the edges of a ring are the pairs of consecutive vertices.
 */
export interface FlatPolygons {
  readonly vertices: Float64Array;
  readonly ringStart: Uint32Array;
  readonly partRingStart: Uint32Array;
  readonly featurePartStart: Uint32Array;
  /** Optional identifier per feature (e.g. township code), carried into the index. */
  readonly codes?: readonly string[];
}

/** A township boundary as read from TopoJSON/GeoJSON (the geometry may be null: never matched). */
export type PolygonFeature = Feature<Polygon | MultiPolygon | null, Record<string, unknown> | null>;

/**
 * Flatten GeoJSON Polygon/MultiPolygon features into {@link FlatPolygons}. Codes come from
 * `properties.code`, else `feature.id`, else the feature's index. Throws an Error naming the feature
 * for a geometry that is not a Polygon/MultiPolygon or a coordinate that is not a finite number.
 */
export function flattenPolygons(features: readonly Feature<Geometry | null>[]): FlatPolygons {
  let vertexCount = 0;
  let ringCount = 0;
  let partCount = 0;
  const parts: Position[][][][] = [];
  features.forEach((f, i) => {
    const g = f.geometry;
    let polys: Position[][][];
    if (g === null || g === undefined) polys = [];
    else if (g.type === 'Polygon') polys = [g.coordinates];
    else if (g.type === 'MultiPolygon') polys = g.coordinates;
    else throw new Error(`feature ${describe(f, i)}: geometry type ${g.type} is not Polygon or MultiPolygon`);
    if (!Array.isArray(polys)) throw new Error(`feature ${describe(f, i)}: coordinates are not an array`);
    parts.push(polys);
    for (const poly of polys) {
      if (!Array.isArray(poly)) throw new Error(`feature ${describe(f, i)}: polygon is not an array of rings`);
      partCount++;
      for (const ring of poly) {
        if (!Array.isArray(ring)) throw new Error(`feature ${describe(f, i)}: ring is not an array of positions`);
        ringCount++;
        vertexCount += ring.length + (isClosed(ring) ? 0 : 1);
      }
    }
  });
  const vertices = new Float64Array(vertexCount * 2);
  const ringStart = new Uint32Array(ringCount + 1);
  const partRingStart = new Uint32Array(partCount + 1);
  const featurePartStart = new Uint32Array(features.length + 1);
  let v = 0;
  let r = 0;
  let p = 0;
  for (let fi = 0; fi < features.length; fi++) {
    featurePartStart[fi] = p;
    for (const poly of parts[fi]!) {
      partRingStart[p++] = r;
      for (const ring of poly) {
        ringStart[r++] = v;
        const len = ring.length;
        const first = v;
        for (let k = 0; k < len; k++) {
          const pos = ring[k]!;
          const x = pos[0];
          const y = pos[1];
          if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
            throw new Error(`feature ${describe(features[fi]!, fi)}: coordinate ${JSON.stringify(pos)} is not a pair of finite numbers`);
          }
          vertices[v * 2] = x;
          vertices[v * 2 + 1] = y;
          v++;
        }
        if (len > 0 && (vertices[2 * first] !== vertices[2 * v - 2] || vertices[2 * first + 1] !== vertices[2 * v - 1])) {
          vertices[2 * v] = vertices[2 * first]!;
          vertices[2 * v + 1] = vertices[2 * first + 1]!;
          v++;
        }
      }
    }
  }
  featurePartStart[features.length] = p;
  partRingStart[partCount] = r;
  ringStart[ringCount] = v;
  const codes = features.map((f, i) => featureCode(f, i));
  return {
    vertices: v * 2 === vertices.length ? vertices : vertices.slice(0, v * 2),
    ringStart,
    partRingStart,
    featurePartStart,
    codes,
  };
}

function isClosed(ring: Position[]): boolean {
  if (ring.length === 0) return true;
  const a: unknown = ring[0];
  const b: unknown = ring[ring.length - 1];
  return Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1];
}

/** The identifier of a boundary feature: `properties.code`, else `feature.id`, else its index. */
export function featureCode(f: Feature<Geometry | null>, index: number): string {
  const props = f.properties as Record<string, unknown> | null | undefined;
  const code = props?.['code'];
  if (typeof code === 'string' && code !== '') return code;
  if (typeof code === 'number') return String(code);
  if (f.id !== undefined && f.id !== null && f.id !== '') return String(f.id);
  return String(index);
}

function describe(f: Feature<Geometry | null>, i: number): string {
  return `#${i} (${featureCode(f, i)})`;
}
