import turfDifference from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bilingual, DataError } from '../../core/data-error.ts';
import type { Requests } from '../protocol.ts';

/** The part of `area` outside every polygon of `minus` (Turf's exact difference: too slow for the main thread). */
export function difference(payload: Requests['difference']['req']): Requests['difference']['res'] {
  const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : 'coverage';
  const polygonal = (f: unknown): boolean => {
    const type = (f as { geometry?: { type?: unknown } } | null)?.geometry?.type;
    return type === 'Polygon' || type === 'MultiPolygon';
  };
  if (!polygonal(payload.area)) throw new DataError(name, bilingual('the uncovered area cannot be computed: the area to cover is not a polygon (an error in the app, not in the file — report it)', '无法计算未覆盖区域：待覆盖的范围不是面（这是应用程序的错误，并非文件问题，请报告此问题）'));
  if (!Array.isArray(payload.minus)) throw new DataError(name, bilingual('the uncovered area cannot be computed: the app sent no coverage features (an error in the app, not in the file — report it)', '无法计算未覆盖区域：应用未传入覆盖范围要素（这是应用程序的错误，并非文件问题，请报告此问题）'));
  const bad = payload.minus.findIndex((f) => !polygonal(f));
  if (bad >= 0) throw new DataError(name, bilingual(`feature #${bad} is not a Polygon or MultiPolygon — export the coverage as polygons`, `要素 #${bad} 不是 Polygon 或 MultiPolygon，请把覆盖范围导出为面`));
  if (payload.minus.length === 0) return { gap: payload.area };
  try {
    return { gap: turfDifference(featureCollection([payload.area, ...payload.minus]) as FeatureCollection<Polygon | MultiPolygon>) };
  } catch (err) {
    throw new DataError(name, bilingual(`the uncovered area cannot be computed (${(err as Error).message}) — check the coverage polygons in the GIS tool (e.g. QGIS "Fix geometries")`, '无法计算未覆盖区域，请在 GIS 工具中检查覆盖范围的多边形（如 QGIS“修复几何”）'));
  }
}
