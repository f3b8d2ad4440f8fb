/**
 * townships.topo.json → what the map draws: township polygons keyed by code, county and township
 * border lines (meshes of the shared arcs, so each border is drawn once), and label points.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { bilingual, DataError, isRecord } from '../data-error.ts';
import { describeFeature } from './describe-feature.ts';
import { boundariesFromJson, parseBoundaryJson } from './read-boundaries.ts';

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

/**
 * The townships are read by the one boundary parser (read-boundaries.ts); the map also needs
 * TopoJSON (to draw each shared border once) and, per township, a 9-digit code, a name and its
 * county.
 */
export function parseBoundaries(text: string, file: string): Boundaries {
  return boundariesFromTopology(parseBoundaryJson(text, file), file);
}

/** {@link parseBoundaries} on JSON already parsed (an import converts GeoJSON to TopoJSON first). */
export function boundariesFromTopology(json: unknown, file: string): Boundaries {
  if (!isRecord(json) || json.type !== 'Topology') {
    throw new DataError(file, bilingual('not a TopoJSON Topology (expected "type": "Topology" with "objects" and "arcs"); the map needs TopoJSON to draw shared borders once — convert GeoJSON with mapshaper or geo2topo', '不是 TopoJSON Topology（应有 "type": "Topology"、"objects" 和 "arcs"）；地图需要 TopoJSON，请用 mapshaper 或 geo2topo 转换 GeoJSON'));
  }
  const source = boundariesFromJson(json, file);
  const topo = source.topology!;
  const object = source.object!;
  source.features.forEach((f, i) => checkTownship(f.properties, i, file));
  const townships = { type: 'FeatureCollection', features: source.features } as unknown as FeatureCollection<Polygon | MultiPolygon, TownshipProperties>;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of townships.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) {
      for (const [x, y] of polygon[0]) {
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
  const collection = object as GeometryCollection;
  const countyBorders = {
    type: 'Feature',
    properties: {},
    geometry: mesh(topo, collection, (a, b) => a === b || countyOf(a as never) !== countyOf(b as never)),
  } as Feature<MultiLineString>;
  const townshipBorders = {
    type: 'Feature',
    properties: {},
    geometry: mesh(topo, collection, (a, b) => a !== b && countyOf(a as never) === countyOf(b as never)),
  } as Feature<MultiLineString>;

  const counties = countyInfo(topo, townships);
  const members = object.type === 'GeometryCollection' ? object.geometries : [object];
  const outline: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: merge(topo, members as never) as MultiPolygon };
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

/** What the map shows of a township: a 9-digit code (the colour key), its name and its county. */
function checkTownship(p: Record<string, unknown>, i: number, file: string): void {
  const code = p.code as string;
  if (!CODE.test(code)) throw new DataError(file, bilingual(`${describeFeature(i, code)}: code "${code}" is not a 9-digit township code (e.g. 331102001)`, `${describeFeature(i, code)}：代码“${code}”不是 9 位乡镇代码（如 331102001）`));
  for (const key of ['name', 'countyCode', 'countyName'] as const) {
    if (typeof p[key] !== 'string' || p[key] === '') throw new DataError(file, bilingual(`${describeFeature(i, code)} has no "${key}"; the map shows it beside the township`, `${describeFeature(i, code)} 缺少“${key}”，地图会在乡镇旁显示它`));
  }
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
