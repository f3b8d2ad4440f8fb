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
  /** Daily indicators per township (daily.json: population, rainfall, disputes, hazards); optional. */
  daily: string | null;
  /** The safety index's parameters (index-config.json); optional (null: the built-in levels only). */
  indexConfig: string | null;
  /** Hazard zones, hazard sites, rescue teams, their coverage and the overlay parameters; optional. */
  overlays: OverlayFiles | null;
  /** How often the daily levels are fetched again (the wall screen runs unattended). */
  refreshSeconds: number;
  /** Counties whose borders are invented by the pipeline (data/county-fixes.json). */
  approximateCounties: string[];
  /** Optional MapLibre style URL for a basemap; none by default so the app stays offline. */
  basemap: string | null;
  /** When the data set was produced (ISO 8601), shown as the data's "as of" time; null when unknown. */
  asOf: string | null;
  /**
   * A version (e.g. a content hash) per file path, so a screen polling the manifest reloads only
   * the files that changed; a file without one is reloaded on every poll.
   */
  versions: Readonly<Record<string, string>>;
  /** Optional values that were wrong and fell back to their defaults, each naming the key and the fix. */
  warnings: readonly string[];
}

export interface OverlayFiles {
  hazardZones: string;
  hazardSites: string;
  teams: string;
  coverage: string;
  config: string;
}

const OVERLAY_KEYS = ['hazardZones', 'hazardSites', 'teams', 'coverage', 'config'] as const;

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === 'string');
const isVersions = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');

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
  // Optional values fall back to their defaults with a warning: a typo in one of them must not
  // take the whole data set off the screen.
  const warnings: string[] = [];
  const fields: Record<string, unknown> = json;
  function optional<T>(key: string, isValid: (v: unknown) => v is T, fallback: T, expected: string): T {
    const value = fields[key];
    if (value === undefined || value === null) return fallback;
    if (isValid(value)) return value;
    warnings.push(`${file}: "${key}" is ${JSON.stringify(value)}; it must be ${expected}. Using ${JSON.stringify(fallback)}.`);
    return fallback;
  }
  const refresh = optional('refreshSeconds', (v): v is number => typeof v === 'number' && v >= 10, 300, 'a number of seconds ≥ 10');
  const approximate = optional('approximateCounties', isStringList, [] as string[], 'a list of county codes');
  const incidents = json.incidents ?? null;
  if (incidents !== null && (typeof incidents !== 'string' || incidents === '')) throw new DataError(file, '"incidents" must name a file or be null');
  const optionalFile = (key: 'daily' | 'indexConfig'): string | null => {
    const v = json[key] ?? null;
    if (v !== null && (typeof v !== 'string' || v === '')) throw new DataError(file, `"${key}" must name a file or be null`);
    return v as string | null;
  };
  const daily = optionalFile('daily');
  const indexConfig = optionalFile('indexConfig');
  let overlays: OverlayFiles | null = null;
  if (json.overlays !== undefined && json.overlays !== null) {
    const o = json.overlays;
    if (!isRecord(o)) throw new DataError(file, `"overlays" must be an object with ${OVERLAY_KEYS.join(', ')}`);
    for (const key of OVERLAY_KEYS) {
      if (typeof o[key] !== 'string' || o[key] === '') throw new DataError(file, `"overlays.${key}" must name a file`);
    }
    overlays = Object.fromEntries(OVERLAY_KEYS.map((k) => [k, o[k] as string])) as unknown as OverlayFiles;
  }
  const basemap = optional('basemap', isNonEmptyString, null, 'a style URL or null');
  const asOf = optional('asOf', (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)), null, 'a date and time like "2026-11-25T06:00:00+08:00"');
  const versions = optional('versions', isVersions, {}, 'an object of file → version strings');
  return {
    version: 1,
    region: { code: region.code, name: region.name },
    boundaries: json.boundaries as string,
    levels: json.levels as string,
    incidents,
    daily,
    indexConfig,
    overlays,
    refreshSeconds: refresh,
    approximateCounties: approximate,
    basemap,
    asOf,
    versions,
    warnings,
  };
}
