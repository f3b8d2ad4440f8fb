import turfDifference from '@turf/difference';
import { featureCollection } from '@turf/helpers';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { DataError } from '../../core/data-error.ts';
import type { Requests } from '../protocol.ts';

/** The part of `area` outside every polygon of `minus` (Turf's exact difference: too slow for the main thread). */
export function difference(payload: Requests['difference']['req']): Requests['difference']['res'] {
  const name = typeof payload.name === 'string' && payload.name !== '' ? payload.name : 'coverage';
  const polygonal = (f: unknown): boolean => {
    const type = (f as { geometry?: { type?: unknown } } | null)?.geometry?.type;
    return type === 'Polygon' || type === 'MultiPolygon';
  };
  if (!polygonal(payload.area)) throw new DataError(name, 'difference: "area" is not a Polygon or MultiPolygon feature');
  if (!Array.isArray(payload.minus)) throw new DataError(name, 'difference: "minus" must be an array of features');
  const bad = payload.minus.findIndex((f) => !polygonal(f));
  if (bad >= 0) throw new DataError(name, `feature #${bad} is not a Polygon or MultiPolygon`);
  if (payload.minus.length === 0) return { gap: payload.area };
  try {
    return { gap: turfDifference(featureCollection([payload.area, ...payload.minus]) as FeatureCollection<Polygon | MultiPolygon>) };
  } catch (err) {
    throw new DataError(name, `the uncovered area cannot be computed (${(err as Error).message})`);
  }
}
