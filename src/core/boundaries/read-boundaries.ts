/**
 * The one boundary parser: township polygons from TopoJSON (object "townships", or the only
 * object) or a GeoJSON FeatureCollection, lon/lat. Used by the app (through boundaries.ts), the
 * worker's callers, the join CLI and the pipeline. Every problem is a DataError naming the file and
 * the feature: malformed JSON, a damaged topology (topology.ts), an empty collection, a feature
 * without a code (codes are never invented), a duplicate code (both features named), a geometry
 * that is not a Polygon/MultiPolygon, an empty ring, coordinates that are not lon/lat.
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { bilingual, DataError, isRecord, parseJson } from '../data-error.ts';
import { describeFeature } from './describe-feature.ts';
import { polygonProblem } from './check-rings.ts';
import { topologyFeatures } from './topology.ts';

/** Properties of a township boundary feature: `code` is required, the rest is kept as given. */
export interface BoundaryProperties {
  code: string;
  name?: string;
  countyCode?: string;
  countyName?: string;
  [key: string]: unknown;
}

export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;

export interface BoundarySource {
  readonly features: BoundaryFeature[];
  /** The topology and object the features come from (null for GeoJSON input). */
  readonly topology: Topology | null;
  readonly object: GeometryObject | null;
}

/** The file's JSON (a UTF-8 BOM is allowed). */
export function parseBoundaryJson(text: string, file: string): unknown {
  return parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
}

/** Read and check the township features of a boundaries file. */
export function readBoundaryFeatures(text: string, file: string, objectName = 'townships'): BoundaryFeature[] {
  return boundariesFromJson(parseBoundaryJson(text, file), file, objectName).features;
}

/** As {@link readBoundaryFeatures}, from already-parsed JSON, keeping the topology. */
export function boundariesFromJson(json: unknown, file: string, objectName = 'townships'): BoundarySource {
  if (!isRecord(json)) throw new DataError(file, bilingual('is not a TopoJSON or GeoJSON object; export the township boundaries as TopoJSON or GeoJSON', '不是 TopoJSON 或 GeoJSON 对象，请把乡镇边界导出为 TopoJSON 或 GeoJSON'));
  let raw: unknown[];
  let topology: Topology | null = null;
  let object: GeometryObject | null = null;
  if (json.type === 'Topology') {
    const t = topologyFeatures(json, file, objectName);
    raw = t.features;
    topology = t.topology;
    object = t.object;
  } else if (json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) throw new DataError(file, bilingual('is a FeatureCollection without a "features" array; export the township polygons into it', '是没有“features”数组的 FeatureCollection，请把乡镇多边形导出到其中'));
    raw = json.features;
  } else if (json.type === 'Feature') raw = [json];
  else {
    throw new DataError(file, bilingual(`expected a TopoJSON Topology or a GeoJSON FeatureCollection, got type ${JSON.stringify(json.type)}; export the township boundaries as TopoJSON or GeoJSON`, `应为 TopoJSON Topology 或 GeoJSON FeatureCollection，实际类型为 ${JSON.stringify(json.type)}，请把乡镇边界导出为 TopoJSON 或 GeoJSON`));
  }
  if (raw.length === 0) throw new DataError(file, bilingual('has no townships (the collection is empty); export the township polygons into it', '没有任何乡镇（集合为空），请把乡镇多边形导出到其中'));
  const firstOf = new Map<string, number>();
  const features = raw.map((f, i) => {
    const checked = checkFeature(f, i, file);
    const prev = firstOf.get(checked.properties.code);
    if (prev !== undefined) {
      throw new DataError(file, bilingual(`duplicate township code ${checked.properties.code} (features #${prev} and #${i}); every township needs its own code`, `乡镇代码 ${checked.properties.code} 重复（第 #${prev} 和第 #${i} 个要素），每个乡镇必须有自己的代码`));
    }
    firstOf.set(checked.properties.code, i);
    return checked;
  });
  return { features, topology, object };
}

function checkFeature(f: unknown, i: number, file: string): BoundaryFeature {
  if (!isRecord(f) || f.type !== 'Feature') throw new DataError(file, bilingual(`${describeFeature(i)} is not a GeoJSON Feature`, `${describeFeature(i)} 不是 GeoJSON Feature`));
  const props = isRecord(f.properties) ? f.properties : {};
  const rawCode = props.code;
  const code = typeof rawCode === 'string' && rawCode.trim() !== '' ? rawCode : typeof rawCode === 'number' && Number.isInteger(rawCode) ? String(rawCode) : null;
  if (code === null) {
    throw new DataError(file, bilingual(`${describeFeature(i, undefined, props.name)} has no "code" property; give every township its code in properties.code`, `${describeFeature(i, undefined, props.name)} 没有“code”属性，请在 properties.code 中填写每个乡镇的代码`));
  }
  const what = describeFeature(i, code);
  const g = f.geometry as Geometry | null | undefined;
  if (g === null || g === undefined) throw new DataError(file, bilingual(`${what} has no geometry; draw its polygon or remove the feature`, `${what} 没有几何，请绘制其多边形或删除该要素`));
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    throw new DataError(file, bilingual(`${what} has geometry type ${g.type}, expected Polygon or MultiPolygon; township boundaries must be areas`, `${what} 的几何类型是 ${g.type}，应为 Polygon 或 MultiPolygon：乡镇边界必须是面`));
  }
  checkCoordinates(g, file, what);
  return { type: 'Feature', ...(f.id !== undefined ? { id: f.id as string | number } : {}), properties: { ...props, code }, geometry: g };
}

function checkCoordinates(g: Polygon | MultiPolygon, file: string, what: string): void {
  const polygons: unknown = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons)) throw new DataError(file, bilingual(`${what} has no coordinates array; draw its polygon or remove the feature`, `${what} 没有坐标数组，请绘制其多边形或删除该要素`));
  for (const polygon of polygons as unknown[]) {
    if (!Array.isArray(polygon)) throw new DataError(file, bilingual(`${what}: a polygon is not an array of rings; re-export the boundaries from the GIS tool`, `${what}：有一个多边形不是环的数组，请从 GIS 工具重新导出边界`));
    if (polygon.length === 0 || !Array.isArray(polygon[0]) || polygon[0].length === 0) {
      throw new DataError(file, bilingual(`${what} has an empty ring (an outer ring needs at least 4 positions, the first repeated last)`, `${what} 有一个空环（外环至少需要 4 个点，首点在末尾重复）`));
    }
    for (const ring of polygon as unknown[]) {
      if (!Array.isArray(ring)) throw new DataError(file, bilingual(`${what}: a ring is not an array of positions; re-export the boundaries from the GIS tool`, `${what}：有一个环不是坐标数组，请从 GIS 工具重新导出边界`));
      for (const p of ring as unknown[]) {
        const x: unknown = Array.isArray(p) ? p[0] : undefined;
        const y: unknown = Array.isArray(p) ? p[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          throw new DataError(file, bilingual(`${what} has a non-numeric coordinate ${JSON.stringify(p)}; every position must be [lon, lat] numbers`, `${what} 有非数字坐标 ${JSON.stringify(p)}，每个点必须是 [经度, 纬度] 数字`));
        }
        if (Math.abs(y) > 90 && Math.abs(x) <= 90) {
          throw new DataError(file, bilingual(`${what} has latitude ${y}: coordinates look like [lat, lon]; expected [lon, lat] — swap the two numbers of every position`, `${what} 的纬度为 ${y}：坐标看起来是 [纬度, 经度]，应为 [经度, 纬度]，请交换每个坐标的两个数`));
        }
        if (Math.abs(x) > 180 || Math.abs(y) > 90) {
          throw new DataError(file, bilingual(`${what} has coordinate [${x}, ${y}] outside lon/lat ranges (projected CRS?); expected WGS84 degrees — reproject to EPSG:4326`, `${what} 的坐标 [${x}, ${y}] 超出经纬度范围（投影坐标系？），应为 WGS84 经纬度，请转换为 EPSG:4326`));
        }
      }
    }
    const problem = polygonProblem(polygon as number[][][], what);
    if (problem !== null) throw new DataError(file, problem);
  }
}
