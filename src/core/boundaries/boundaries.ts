/**
 * townships.topo.json → what the map draws: township polygons keyed by code, county and township
 * border lines (meshes of the shared arcs, so each border is drawn once), and label points.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { DataError, isRecord, parseJson } from '../data-error.ts';

export interface TownshipProperties {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  seat: [number, number];
  approximateCounty?: boolean;
}

export interface CountyInfo {
  code: string;
  name: string;
  townships: number;
  seat: [number, number];
}

export interface Boundaries {
  townships: FeatureCollection<Polygon | MultiPolygon, TownshipProperties>;
  byCode: Map<string, TownshipProperties>;
  counties: CountyInfo[];
  /** The whole city as one shape (the union of its townships), e.g. to find what teams do not reach. */
  outline: Feature<MultiPolygon>;
  countyBorders: Feature<MultiLineString>;
  townshipBorders: Feature<MultiLineString>;
  townshipLabels: FeatureCollection<Point, { code: string; name: string }>;
  countyLabels: FeatureCollection<Point, { code: string; name: string }>;
  bbox: [number, number, number, number];
}

const CODE = /^\d{9}$/;

function checkLonLat(file: string, code: string, x: number, y: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new DataError(file, `township ${code} has a non-numeric coordinate`);
  if (Math.abs(y) > 90 && Math.abs(x) <= 90) {
    throw new DataError(file, `township ${code} has latitude ${y}: coordinates look like [lat, lon]; expected [lon, lat]`);
  }
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    throw new DataError(file, `township ${code} has coordinate [${x}, ${y}] outside lon/lat ranges (projected CRS?); expected WGS84 degrees`);
  }
}

export function parseBoundaries(text: string, file: string): Boundaries {
  const json = parseJson(text, file);
  if (!isRecord(json) || json.type !== 'Topology' || !isRecord(json.objects) || !Array.isArray(json.arcs)) {
    throw new DataError(file, 'not a TopoJSON Topology (expected "type": "Topology" with "objects" and "arcs")');
  }
  const topo = json as unknown as Topology;
  const object = topo.objects.townships as GeometryCollection<TownshipProperties> | undefined;
  if (!object || object.type !== 'GeometryCollection') {
    throw new DataError(file, 'has no "townships" GeometryCollection object');
  }
  const seen = new Set<string>();
  object.geometries.forEach((g, i) => {
    const p = g.properties as Partial<TownshipProperties> | undefined;
    if (!p || typeof p.code !== 'string' || !CODE.test(p.code)) {
      throw new DataError(file, `township #${i} has no 9-digit "code" property`);
    }
    if (seen.has(p.code)) throw new DataError(file, `duplicate township code ${p.code}`);
    seen.add(p.code);
    for (const key of ['name', 'countyCode', 'countyName'] as const) {
      if (typeof p[key] !== 'string' || p[key] === '') throw new DataError(file, `township ${p.code} has no "${key}"`);
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      throw new DataError(file, `township ${p.code} has geometry type ${g.type}, expected Polygon or MultiPolygon`);
    }
  });
  if (seen.size === 0) throw new DataError(file, 'has no townships');

  let townships: FeatureCollection<Polygon | MultiPolygon, TownshipProperties>;
  try {
    townships = feature(topo, object) as FeatureCollection<Polygon | MultiPolygon, TownshipProperties>;
  } catch (error) {
    throw new DataError(file, `geometry cannot be decoded (${(error as Error).message})`);
  }
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of townships.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      if (polygon.length === 0 || polygon[0].length < 4) throw new DataError(file, `township ${f.properties.code} has an empty ring`);
      for (const [x, y] of polygon[0]) {
        checkLonLat(file, f.properties.code, x, y);
        if (x < bbox[0]) bbox[0] = x;
        if (y < bbox[1]) bbox[1] = y;
        if (x > bbox[2]) bbox[2] = x;
        if (y > bbox[3]) bbox[3] = y;
      }
    }
    // promoteId needs the code on the feature; labels fall back to the first vertex if no seat.
    if (!Array.isArray(f.properties.seat)) f.properties.seat = polygons[0][0][0] as [number, number];
  }

  const countyOf = (g: GeometryObject<TownshipProperties>): string => (g.properties as TownshipProperties).countyCode;
  const countyBorders = {
    type: 'Feature',
    properties: {},
    geometry: mesh(topo, object, (a, b) => a === b || countyOf(a as never) !== countyOf(b as never)),
  } as Feature<MultiLineString>;
  const townshipBorders = {
    type: 'Feature',
    properties: {},
    geometry: mesh(topo, object, (a, b) => a !== b && countyOf(a as never) === countyOf(b as never)),
  } as Feature<MultiLineString>;

  const counties = countyInfo(topo, townships);
  const outline: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: merge(topo, object.geometries as never) as MultiPolygon };
  return {
    outline,
    townships,
    byCode: new Map(townships.features.map((f) => [f.properties.code, f.properties])),
    counties,
    countyBorders,
    townshipBorders,
    townshipLabels: points(townships.features.map((f) => f.properties)),
    countyLabels: points(counties),
    bbox,
  };
}

function countyInfo(topo: Topology, townships: FeatureCollection<Polygon | MultiPolygon, TownshipProperties>): CountyInfo[] {
  const object = topo.objects.counties as GeometryCollection<CountyInfo> | undefined;
  if (object?.type === 'GeometryCollection' && object.geometries.every((g) => (g.properties as CountyInfo | undefined)?.code)) {
    return object.geometries.map((g) => g.properties as CountyInfo);
  }
  // Without a counties object (e.g. a city's own file), seat the county label at its first township.
  const byCode = new Map<string, CountyInfo>();
  for (const { properties: p } of townships.features) {
    const c = byCode.get(p.countyCode);
    if (c) c.townships++;
    else byCode.set(p.countyCode, { code: p.countyCode, name: p.countyName, townships: 1, seat: p.seat });
  }
  return [...byCode.values()];
}

function points(items: { code: string; name: string; seat: [number, number] }[]): FeatureCollection<Point, { code: string; name: string }> {
  return {
    type: 'FeatureCollection',
    features: items.map((p) => ({
      type: 'Feature',
      properties: { code: p.code, name: p.name },
      geometry: { type: 'Point', coordinates: p.seat },
    })),
  };
}
