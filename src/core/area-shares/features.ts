/**
 * The features the area-share join reads, and the checks that reject bad ones with a
 * {@link DataError} naming the file and the feature's index — bad input is never skipped, since a
 * silently dropped zone would read as "no hazard" on the map.
 */
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { bilingual, DataError, shown } from '../data-error.ts';

export type AreaFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;

/** How a message names a feature: "feature #3" · "要素 #3", "township #3 (331102001)" · "乡镇 #3 (331102001)". */
export interface FeatureLabel {
  readonly en: string;
  readonly zh: string;
}

export const featureLabel = (i: number): FeatureLabel => ({ en: `feature #${i}`, zh: `要素 #${i}` });

const REEXPORT = ['re-export the layer from the GIS tool', '请从 GIS 工具重新导出图层'] as const;

/** A layer feature's `properties.class` (a non-empty string), or a DataError. */
export function classOf(f: unknown, i: number, file: string): string {
  const l = featureLabel(i);
  if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') {
    throw new DataError(file, bilingual(`${l.en} is ${shown(f)}, not a GeoJSON Feature — ${REEXPORT[0]}`, `${l.zh} 为 ${shown(f)}，不是 GeoJSON Feature，${REEXPORT[1]}`));
  }
  const props = (f as { properties?: unknown }).properties;
  const c = typeof props === 'object' && props !== null ? (props as { class?: unknown }).class : undefined;
  if (typeof c !== 'string' || c === '') {
    throw new DataError(file, bilingual(`${l.en} has no "class" property — fill in its class (e.g. "high")`, `${l.zh} 缺少“class”属性，请填写其类别（如 "high"）`));
  }
  return c;
}

/** ` (code)` for a township's error label, so the message says which township without a lookup. */
export function codeOf(f: AreaFeature): string {
  const props = f.properties as { code?: unknown } | null | undefined;
  const code = typeof props === 'object' && props !== null ? props.code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? ` (${code})` : '';
}

/** Throws unless `f` is a Polygon/MultiPolygon whose rings have ≥ 4 lon/lat positions. */
export function checkPolygonal(f: AreaFeature, label: FeatureLabel, file: string): void {
  const fail = (en: string, zh: string): never => {
    throw new DataError(file, bilingual(`${label.en}${en.startsWith(':') ? '' : ' '}${en}`, `${label.zh} ${zh}`));
  };
  const g = (f as { geometry?: unknown }).geometry as Polygon | MultiPolygon | null | undefined;
  if (typeof g !== 'object' || g === null) fail('has no geometry — draw its area or remove the feature', '没有几何，请绘制其范围或删除该要素');
  const type = (g as { type?: unknown }).type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') fail(`has geometry type ${String(type)}, expected Polygon or MultiPolygon — export it as polygons`, `的几何类型是 ${String(type)}，应为 Polygon 或 MultiPolygon，请导出为面`);
  const polys = (g!.type === 'Polygon' ? [g!.coordinates] : g!.coordinates) as unknown;
  if (!Array.isArray(polys)) fail(`has no coordinates array — ${REEXPORT[0]}`, `没有坐标数组，${REEXPORT[1]}`);
  for (const poly of polys as unknown[]) {
    if (!Array.isArray(poly) || poly.length === 0) fail(`: a polygon is not an array of rings — ${REEXPORT[0]}`, `有一个多边形不是环的数组，${REEXPORT[1]}`);
    for (const ring of poly as unknown[]) {
      if (!Array.isArray(ring)) fail(`: a ring is not an array of positions — ${REEXPORT[0]}`, `有一个环不是坐标数组，${REEXPORT[1]}`);
      if ((ring as unknown[]).length < 4) {
        const n = (ring as unknown[]).length;
        fail(`: a ring has ${n} positions, at least 4 needed (three corners and the first repeated last) — fix it in the GIS tool`, `有一个环只有 ${n} 个点，至少需要 4 个点（三个角点，首点在末尾重复），请在 GIS 工具中修复`);
      }
      for (const p of ring as Position[]) {
        const x = Array.isArray(p) ? p[0] : undefined;
        const y = Array.isArray(p) ? p[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          fail(`: position ${shown(p)} is not a pair of numbers — every position must be [lon, lat] numbers`, `的坐标 ${shown(p)} 不是两个数字，每个坐标必须是 [经度, 纬度] 数字`);
        }
        if (x! < -180 || x! > 180 || y! < -90 || y! > 90) {
          fail(`: position [${x}, ${y}] is outside lon/lat ranges — export WGS84 longitude/latitude (EPSG:4326)`, `的坐标 [${x}, ${y}] 超出经纬度范围，请导出 WGS84 经纬度（EPSG:4326）`);
        }
      }
    }
  }
}
