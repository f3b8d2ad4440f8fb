/**
 * What a dropped file is, from its content (never its name: a city's exports are called anything):
 * the township boundaries, incidents, rescue teams, hazard zones, an indicators CSV, a levels file
 * or an index config. JSON is told by its shape, CSV by its header. Null when it is none of them;
 * the caller then says what the app can import.
 */
import { isRecord } from '../data-error.ts';
import { findColumn } from '../csv-table.ts';
import { INDICATOR_COLUMNS } from '../indicators/parse-indicators.ts';
import { LAT_NAMES, LON_NAMES } from '../incidents/incident-rows.ts';

export const IMPORT_KINDS = ['boundaries', 'incidents', 'teams', 'hazardZones', 'indicators', 'levels', 'indexConfig'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How many features are looked at to tell a FeatureCollection's kind (a mixed file is caught by its parser). */
const SAMPLE = 20;

export function detectJsonKind(json: unknown): ImportKind | null {
  if (!isRecord(json)) return null;
  if (json.type === 'Topology') return 'boundaries';
  if (json.type === 'Feature') return pointFeature(json) ? 'incidents' : null;
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) return featureKind(json.features.slice(0, SAMPLE));
  if (Array.isArray(json.dates) && Array.isArray(json.codes) && Array.isArray(json.index)) return 'levels';
  if (isRecord(json.domains) && (Array.isArray(json.bands) || Array.isArray(json.curve))) return 'indexConfig';
  return null;
}

function pointFeature(f: Record<string, unknown>): boolean {
  return isRecord(f.geometry) && f.geometry.type === 'Point';
}

function featureKind(features: unknown[]): ImportKind | null {
  const sample = features.filter(isRecord);
  if (sample.length === 0) return null;
  const props = (f: Record<string, unknown>): Record<string, unknown> => (isRecord(f.properties) ? f.properties : {});
  if (sample.every(pointFeature)) {
    // Teams carry crews; incidents carry a type and a time.
    return sample.some((f) => 'members' in props(f) || 'equipment' in props(f) || 'onDuty' in props(f)) ? 'teams' : 'incidents';
  }
  const polygons = sample.filter((f) => isRecord(f.geometry) && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
  if (polygons.length === 0) return null;
  const zoneClass = (f: Record<string, unknown>): boolean => ['high', 'medium', 'low'].includes(String(props(f).class));
  if (polygons.every((f) => zoneClass(f) && !('code' in props(f)))) return 'hazardZones';
  // Boundaries, also when a township lacks its code: the boundary parser names that feature.
  return 'boundaries';
}

/** A CSV by its header row (already split into cells). */
export function detectCsvKind(header: readonly string[]): ImportKind | null {
  const has = (names: readonly string[]): boolean => findColumn(header, names) >= 0;
  if (has(LON_NAMES) && has(LAT_NAMES)) return 'incidents';
  if (has(INDICATOR_COLUMNS.code) && has(INDICATOR_COLUMNS.indicator) && has(INDICATOR_COLUMNS.value)) return 'indicators';
  return null;
}

/** Text (its first few kilobytes are enough) → JSON or CSV, by its first non-blank character. */
export function textShape(head: string): 'json' | 'csv' | null {
  const first = /\S/.exec(head.charCodeAt(0) === 0xfeff ? head.slice(1) : head);
  if (first === null) return null;
  return first[0] === '{' || first[0] === '[' ? 'json' : 'csv';
}
