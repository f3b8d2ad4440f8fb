/**
 * The day's table with each township's geometry, as GeoJSON a GIS or our own import reads back:
 * the properties are the CSV's columns, by name, with numbers as numbers.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Boundaries } from '../boundaries/boundaries.ts';
import type { Cell } from './csv.ts';

export function dayGeoJson(boundaries: Boundaries, columns: readonly string[], rows: readonly (readonly Cell[])[]): FeatureCollection<Polygon | MultiPolygon> {
  const features = boundaries.townships.features.map(
    (feature, i): Feature<Polygon | MultiPolygon> => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: { ...Object.fromEntries(columns.map((c, k) => [c, rows[i][k]])), countyCode: feature.properties.countyCode, countyName: feature.properties.countyName, name: feature.properties.name },
    }),
  );
  return { type: 'FeatureCollection', features };
}
