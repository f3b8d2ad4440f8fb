/**
 * manifest.json: the entry point of a data set, so a city swaps data without touching code.
 * Paths are relative to the manifest's own URL.
 */
import { DataError, isRecord, parseJson } from './data-error.ts';

export interface Manifest {
  version: 1;
  region: { code: string; name: string };
  boundaries: string;
  levels: string;
  /** Incident points (incidents.bin, CSV or GeoJSON), joined to townships in the worker; optional. */
  incidents: string | null;
  /** How often the daily levels are fetched again (the wall screen runs unattended). */
  refreshSeconds: number;
  /** Counties whose borders are invented by the pipeline (data/county-fixes.json). */
  approximateCounties: string[];
  /** Optional MapLibre style URL for a basemap; none by default so the app stays offline. */
  basemap: string | null;
}

export function parseManifest(text: string, file: string): Manifest {
  const json = parseJson(text, file);
  if (!isRecord(json)) throw new DataError(file, 'expected a JSON object');
  if (json.version !== 1) throw new DataError(file, `unsupported version ${JSON.stringify(json.version)} (expected 1)`);
  const region = json.region;
  if (!isRecord(region) || typeof region.code !== 'string' || typeof region.name !== 'string') {
    throw new DataError(file, '"region" must be {"code": string, "name": string}');
  }
  for (const key of ['boundaries', 'levels'] as const) {
    if (typeof json[key] !== 'string' || json[key] === '') throw new DataError(file, `"${key}" must name a file`);
  }
  const refresh = json.refreshSeconds ?? 300;
  if (typeof refresh !== 'number' || !(refresh >= 10)) throw new DataError(file, '"refreshSeconds" must be a number ≥ 10');
  const approximate = json.approximateCounties ?? [];
  if (!Array.isArray(approximate) || approximate.some((c) => typeof c !== 'string')) {
    throw new DataError(file, '"approximateCounties" must be an array of county codes');
  }
  const incidents = json.incidents ?? null;
  if (incidents !== null && (typeof incidents !== 'string' || incidents === '')) throw new DataError(file, '"incidents" must name a file or be null');
  const basemap = json.basemap ?? null;
  if (basemap !== null && typeof basemap !== 'string') throw new DataError(file, '"basemap" must be a style URL or null');
  return {
    version: 1,
    region: { code: region.code, name: region.name },
    boundaries: json.boundaries as string,
    levels: json.levels as string,
    incidents,
    refreshSeconds: refresh,
    approximateCounties: approximate as string[],
    basemap,
  };
}
