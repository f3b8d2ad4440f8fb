/**
 * TopoJSON → GeoJSON features, checked first: topojson-client trusts its input and answers a
 * damaged file with a raw TypeError (or silently wrong shapes), so the structure it walks is
 * validated here and every problem becomes a DataError that says what is wrong and how to fix it.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { bilingual, DataError, isRecord } from '../data-error.ts';
import { describeFeature } from './describe-feature.ts';

const REEXPORT = 're-export the boundaries from the GIS tool (e.g. mapshaper -o format=topojson)';
const REEXPORT_ZH = '请从 GIS 工具重新导出边界（如 mapshaper -o format=topojson）';
/** A damaged-topology problem in both languages. */
const damaged = (en: string, zh: string): string => bilingual(en, `${zh}；${REEXPORT_ZH}`);

export interface TopologyObject {
  readonly topology: Topology;
  /** The object the features come from (for meshes and merges of its shared arcs). */
  readonly object: GeometryObject;
  readonly features: Feature<Geometry | null>[];
}

/**
 * The features of object `objectName` (or of the only object when there is no such object),
 * after checking every arc and every arc reference they use.
 */
export function topologyFeatures(json: Record<string, unknown>, file: string, objectName: string): TopologyObject {
  const objects = json.objects;
  if (!isRecord(objects)) throw new DataError(file, damaged(`TopoJSON has no "objects"; ${REEXPORT}`, 'TopoJSON 缺少“objects”'));
  const names = Object.keys(objects);
  const name = names.includes(objectName) ? objectName : names.length === 1 ? names[0]! : null;
  if (name === null) {
    throw new DataError(file, bilingual(`TopoJSON has no object "${objectName}" (objects: ${names.join(', ') || 'none'}); name the township layer "${objectName}" when exporting`, `TopoJSON 中没有“${objectName}”对象（现有：${names.join('、') || '无'}），导出时请把乡镇图层命名为“${objectName}”`));
  }
  const arcCount = checkArcs(json.arcs, file);
  const object = objects[name];
  if (!isRecord(object)) throw new DataError(file, damaged(`object "${name}" is not a TopoJSON geometry object; ${REEXPORT}`, `对象“${name}”不是 TopoJSON 几何对象`));
  if (object.type === 'GeometryCollection') {
    const geometries = object.geometries;
    if (!Array.isArray(geometries)) {
      throw new DataError(file, damaged(`object "${name}" is a GeometryCollection without a "geometries" array, so it holds no townships; ${REEXPORT}`, `对象“${name}”是没有“geometries”数组的 GeometryCollection，里面没有乡镇`));
    }
    geometries.forEach((g, i) => checkGeometry(g, file, labelOf(g, i), arcCount));
  } else checkGeometry(object, file, `object "${name}"`, arcCount);
  const topology = json as unknown as Topology;
  let decoded: FeatureCollection<Geometry | null> | Feature<Geometry | null>;
  try {
    decoded = topoFeature(topology, object as unknown as GeometryObject) as FeatureCollection<Geometry | null> | Feature<Geometry | null>;
  } catch (err) {
    throw new DataError(file, damaged(`the geometry cannot be decoded (${(err as Error).message}); ${REEXPORT}`, '几何无法解码'));
  }
  const features = decoded.type === 'FeatureCollection' ? decoded.features : [decoded];
  return { topology, object: object as unknown as GeometryObject, features };
}

/** Every arc a list of at least two [x, y] positions; returns the number of arcs. */
function checkArcs(arcs: unknown, file: string): number {
  if (!Array.isArray(arcs)) throw new DataError(file, damaged(`TopoJSON has no "arcs" array; ${REEXPORT}`, 'TopoJSON 缺少“arcs”数组'));
  arcs.forEach((arc, k) => {
    if (!Array.isArray(arc) || arc.length < 2) {
      throw new DataError(file, damaged(`arc #${k} is not a list of at least two [x, y] positions (found ${describe(arc)}); the file is damaged: ${REEXPORT}`, `第 #${k} 条弧不是至少两个 [x, y] 坐标的列表，文件已损坏`));
    }
    arc.forEach((p, m) => {
      if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        throw new DataError(file, damaged(`arc #${k} position #${m} is ${describe(p)}, not an [x, y] pair of numbers; the file is damaged: ${REEXPORT}`, `第 #${k} 条弧的第 #${m} 个点是 ${describe(p)}，不是 [x, y] 数对，文件已损坏`));
      }
    });
  });
  return arcs.length;
}

/** A Polygon or MultiPolygon geometry's arc references: rings of arc indices within the arcs. */
function checkGeometry(g: unknown, file: string, what: string, arcCount: number): void {
  if (!isRecord(g)) throw new DataError(file, damaged(`${what} is not a TopoJSON geometry object; ${REEXPORT}`, `${what} 不是 TopoJSON 几何对象`));
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return; // other types are rejected by name later
  const arcs = g.arcs;
  if (!Array.isArray(arcs)) throw new DataError(file, damaged(`${what} is a ${g.type} without "arcs", so it has no outline; ${REEXPORT}`, `${what} 是没有“arcs”的 ${g.type}，没有边界线`));
  const polygons = g.type === 'Polygon' ? [arcs] : arcs;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) throw new DataError(file, damaged(`${what}: a polygon's "arcs" is ${describe(polygon)}, not a list of rings; ${REEXPORT}`, `${what}：多边形的“arcs”不是环的列表`));
    for (const ring of polygon) {
      if (!Array.isArray(ring)) throw new DataError(file, damaged(`${what}: a ring is ${describe(ring)}, not a list of arc indices; ${REEXPORT}`, `${what}：环不是弧编号的列表`));
      for (const a of ring) {
        if (!Number.isInteger(a)) throw new DataError(file, damaged(`${what}: arc reference ${describe(a)} is not an integer; ${REEXPORT}`, `${what}：弧编号 ${describe(a)} 不是整数`));
        const k = (a as number) < 0 ? ~(a as number) : (a as number);
        if (k >= arcCount) {
          throw new DataError(file, damaged(`${what} refers to arc #${k}, but the file has only ${arcCount} arcs (#0 … #${arcCount - 1}); the file was cut or damaged: ${REEXPORT}`, `${what} 引用了第 #${k} 条弧，但文件只有 ${arcCount} 条弧，文件被截断或损坏`));
        }
      }
    }
  }
}

function labelOf(g: unknown, i: number): string {
  const props = isRecord(g) && isRecord(g.properties) ? g.properties : {};
  const code = typeof props.code === 'string' || typeof props.code === 'number' ? String(props.code) : undefined;
  return describeFeature(i, code, props.name);
}

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
