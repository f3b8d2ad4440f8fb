/**
 * # Parsing and validating overlay files (hazard zones, hazard sites, teams, coverage, config)
 *
 * Two modes per file:
 * - strict (`parseHazardZones`, …): the first bad feature throws a {@link DataError} naming the file,
 *   the feature's index (0-based, as in `features`) and the problem;
 * - lenient (`parseHazardZonesLenient`, …): bad features are skipped and each is described in
 *   `problems` (same wording), so the rest still shows. A file that is not JSON or not a
 *   FeatureCollection is still an error in both modes: there is nothing to show.
 *
 * Checks: geometry type (Polygon/MultiPolygon for zones and coverage, Point for sites and teams),
 * rings of ≥ 4 closed positions, finite coordinates within lon/lat ranges (a `[lat, lon]` order is
 * named as such), known classes / types / statuses / levels, required properties with their types,
 * duplicate ids.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { DataError, isRecord, parseJson } from '../data-error.ts';
import {
  DEFAULT_OVERLAYS_CONFIG,
  HAZARD_CLASSES,
  HAZARD_SITE_STATUSES,
  HAZARD_SITE_TYPES,
  TEAM_LEVELS,
  type CoverageProperties,
  type HazardSiteProperties,
  type HazardZoneProperties,
  type OverlaysConfig,
  type TeamProperties,
} from './types.ts';

export interface LenientResult<F> {
  features: F[];
  /** One message per skipped feature: `file: feature #i …`. */
  problems: string[];
}

type Check<F> = (feature: Record<string, unknown>, label: string) => F;

/** A problem with one feature (caught by the lenient parsers). */
class FeatureProblem extends Error {}

function fail(label: string, problem: string): never {
  throw new FeatureProblem(`${label} ${problem}`);
}

function collection(text: string | unknown, file: string): unknown[] {
  const json = typeof text === 'string' ? parseJson(text, file) : text;
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new DataError(file, 'not a GeoJSON FeatureCollection (expected "type": "FeatureCollection" with a "features" array)');
  }
  return json.features;
}

function run<F>(text: string | unknown, file: string, check: Check<F>, lenient: boolean, ids?: (f: F) => string): LenientResult<F> {
  const raw = collection(text, file);
  const features: F[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  raw.forEach((f, i) => {
    const label = `feature #${i}`;
    try {
      if (!isRecord(f) || f.type !== 'Feature') fail(label, 'is not a GeoJSON Feature');
      const out = check(f as Record<string, unknown>, label);
      if (ids) {
        const id = ids(out);
        if (seen.has(id)) fail(label, `has duplicate id "${id}"`);
        seen.add(id);
      }
      features.push(out);
    } catch (err) {
      if (!(err instanceof FeatureProblem)) throw err;
      if (!lenient) throw new DataError(file, err.message);
      problems.push(`${file}: ${err.message}`);
    }
  });
  return { features, problems };
}

function checkPosition(p: unknown, label: string): [number, number] {
  if (!Array.isArray(p) || p.length < 2) fail(label, `has position ${JSON.stringify(p)}, expected [lon, lat]`);
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) fail(label, `has position ${JSON.stringify(p)} that is not a pair of numbers`);
  if (Math.abs(y) > 90 && Math.abs(x) <= 90) fail(label, `has latitude ${y}: coordinates look like [lat, lon]; expected [lon, lat]`);
  if (Math.abs(x) > 180 || Math.abs(y) > 90) fail(label, `has position [${x}, ${y}] outside lon/lat ranges (projected CRS?); expected WGS84 degrees`);
  return [x, y];
}

function checkPolygonal(f: Record<string, unknown>, label: string): Polygon | MultiPolygon {
  const g = f.geometry;
  if (!isRecord(g)) fail(label, 'has no geometry');
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') fail(label, `has geometry type ${String(g.type)}, expected Polygon or MultiPolygon`);
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) fail(label, 'has no coordinates');
  for (const poly of polys as unknown[]) {
    if (!Array.isArray(poly) || poly.length === 0) fail(label, 'has a polygon that is not an array of rings');
    for (const ring of poly as unknown[]) {
      if (!Array.isArray(ring)) fail(label, 'has a ring that is not an array of positions');
      if (ring.length < 4) fail(label, `has a ring with ${ring.length} positions, at least 4 needed`);
      const ps = (ring as unknown[]).map((p) => checkPosition(p, label));
      const a = ps[0]!;
      const b = ps[ps.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) fail(label, 'has a ring that is not closed (first and last positions differ)');
    }
  }
  return g as unknown as Polygon | MultiPolygon;
}

function checkPoint(f: Record<string, unknown>, label: string): Point {
  const g = f.geometry;
  if (!isRecord(g)) fail(label, 'has no geometry');
  if (g.type !== 'Point') fail(label, `has geometry type ${String(g.type)}, expected Point`);
  const [x, y] = checkPosition(g.coordinates, label);
  return { type: 'Point', coordinates: [x, y] as Position };
}

function props(f: Record<string, unknown>, label: string): Record<string, unknown> {
  if (!isRecord(f.properties)) fail(label, 'has no properties');
  return f.properties;
}

function str(p: Record<string, unknown>, key: string, label: string): string {
  const v = p[key];
  if (typeof v !== 'string' || v === '') fail(label, `has no "${key}" (expected a non-empty string)`);
  return v;
}

function num(p: Record<string, unknown>, key: string, label: string, min = 0): number {
  const v = p[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) fail(label, `has no valid "${key}" (expected a number ≥ ${min}, got ${JSON.stringify(v)})`);
  return v;
}

function oneOf<T extends string>(p: Record<string, unknown>, key: string, allowed: readonly T[], label: string): T {
  const v = p[key];
  if (typeof v !== 'string' || v === '') fail(label, `has no "${key}" (expected one of ${allowed.map((a) => `"${a}"`).join(', ')})`);
  if (!(allowed as readonly string[]).includes(v)) fail(label, `has unknown ${key} "${v}", expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return v as T;
}

const zone: Check<Feature<Polygon | MultiPolygon, HazardZoneProperties>> = (f, label) => {
  const p = props(f, label);
  const cls = oneOf(p, 'class', HAZARD_CLASSES, label);
  return { type: 'Feature', properties: { class: cls }, geometry: checkPolygonal(f, label) };
};

const site: Check<Feature<Point, HazardSiteProperties>> = (f, label) => {
  const p = props(f, label);
  const geometry = checkPoint(f, label);
  return {
    type: 'Feature',
    properties: {
      id: str(p, 'id', label),
      name: str(p, 'name', label),
      type: oneOf(p, 'type', HAZARD_SITE_TYPES, label),
      threat: num(p, 'threat', label),
      status: oneOf(p, 'status', HAZARD_SITE_STATUSES, label),
      township: str(p, 'township', label),
    },
    geometry,
  };
};

const team: Check<Feature<Point, TeamProperties>> = (f, label) => {
  const p = props(f, label);
  const geometry = checkPoint(f, label);
  const equipment = p.equipment ?? [];
  if (!Array.isArray(equipment) || equipment.some((e) => typeof e !== 'string')) fail(label, 'has "equipment" that is not an array of strings');
  const onDuty = p.onDuty ?? true;
  if (typeof onDuty !== 'boolean') fail(label, `has "onDuty" ${JSON.stringify(onDuty)}, expected true or false`);
  return {
    type: 'Feature',
    properties: {
      id: str(p, 'id', label),
      name: str(p, 'name', label),
      level: oneOf(p, 'level', TEAM_LEVELS, label),
      township: str(p, 'township', label),
      members: num(p, 'members', label),
      equipment: equipment as string[],
      onDuty,
    },
    geometry,
  };
};

const coverage: Check<Feature<Polygon | MultiPolygon, CoverageProperties>> = (f, label) => {
  const p = props(f, label);
  const cls = oneOf(p, 'class', ['covered', 'team'] as const, label);
  const geometry = checkPolygonal(f, label);
  if (cls === 'covered') return { type: 'Feature', properties: { class: 'covered' }, geometry };
  return { type: 'Feature', properties: { class: 'team', team: str(p, 'team', label), radiusKm: num(p, 'radiusKm', label) }, geometry };
};

function fc<F>(features: F[]): FeatureCollection & { features: F[] } {
  return { type: 'FeatureCollection', features } as FeatureCollection & { features: F[] };
}

/** hazard-zones.geojson → validated zones (throws a DataError naming file and feature). */
export function parseHazardZones(text: string | unknown, file = 'hazard-zones.geojson'): FeatureCollection<Polygon | MultiPolygon, HazardZoneProperties> {
  return fc(run(text, file, zone, false).features) as FeatureCollection<Polygon | MultiPolygon, HazardZoneProperties>;
}
export function parseHazardZonesLenient(text: string | unknown, file = 'hazard-zones.geojson'): LenientResult<Feature<Polygon | MultiPolygon, HazardZoneProperties>> {
  return run(text, file, zone, true);
}

/** hazard-sites.geojson → validated sites (unique ids). */
export function parseHazardSites(text: string | unknown, file = 'hazard-sites.geojson'): FeatureCollection<Point, HazardSiteProperties> {
  return fc(run(text, file, site, false, (f) => f.properties.id).features) as FeatureCollection<Point, HazardSiteProperties>;
}
export function parseHazardSitesLenient(text: string | unknown, file = 'hazard-sites.geojson'): LenientResult<Feature<Point, HazardSiteProperties>> {
  return run(text, file, site, true, (f) => f.properties.id);
}

/** teams.geojson → validated teams (unique ids; `equipment` defaults to [], `onDuty` to true). */
export function parseTeams(text: string | unknown, file = 'teams.geojson'): FeatureCollection<Point, TeamProperties> {
  return fc(run(text, file, team, false, (f) => f.properties.id).features) as FeatureCollection<Point, TeamProperties>;
}
export function parseTeamsLenient(text: string | unknown, file = 'teams.geojson'): LenientResult<Feature<Point, TeamProperties>> {
  return run(text, file, team, true, (f) => f.properties.id);
}

/** coverage.geojson → validated coverage (`covered` union and per-`team` reach polygons). */
export function parseCoverage(text: string | unknown, file = 'coverage.geojson'): FeatureCollection<Polygon | MultiPolygon, CoverageProperties> {
  return fc(run(text, file, coverage, false).features) as FeatureCollection<Polygon | MultiPolygon, CoverageProperties>;
}
export function parseCoverageLenient(text: string | unknown, file = 'coverage.geojson'): LenientResult<Feature<Polygon | MultiPolygon, CoverageProperties>> {
  return run(text, file, coverage, true);
}

/** overlays-config.json → config; missing keys take {@link DEFAULT_OVERLAYS_CONFIG}'s values. */
export function parseOverlaysConfig(text: string | unknown, file = 'overlays-config.json'): OverlaysConfig {
  const json = typeof text === 'string' ? parseJson(text, file) : text;
  if (!isRecord(json)) throw new DataError(file, 'not a JSON object');
  const d = DEFAULT_OVERLAYS_CONFIG;
  const positive = (obj: Record<string, unknown>, key: string, fallback: number, min: number, path = key): number => {
    const v = obj[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new DataError(file, `"${path}" must be a number ≥ ${min}, got ${JSON.stringify(v)}`);
    return v;
  };
  const h = json.highRiskLowCoverage ?? {};
  if (!isRecord(h)) throw new DataError(file, '"highRiskLowCoverage" must be an object');
  const config: OverlaysConfig = {
    version: 1,
    responseMinutes: positive(json, 'responseMinutes', d.responseMinutes, 1e-9),
    speedKmh: positive(json, 'speedKmh', d.speedKmh, 1e-9),
    detourFactor: positive(json, 'detourFactor', d.detourFactor, 1),
    terrainSlowdown: positive(json, 'terrainSlowdown', d.terrainSlowdown ?? 0, 0),
    highRiskLowCoverage: {
      coverageBelow: positive(h, 'coverageBelow', d.highRiskLowCoverage.coverageBelow, 0, 'highRiskLowCoverage.coverageBelow'),
      highShareAbove: positive(h, 'highShareAbove', d.highRiskLowCoverage.highShareAbove, 0, 'highRiskLowCoverage.highShareAbove'),
      heavyRainMm: positive(h, 'heavyRainMm', d.highRiskLowCoverage.heavyRainMm, 0, 'highRiskLowCoverage.heavyRainMm'),
      maxLevel: positive(h, 'maxLevel', d.highRiskLowCoverage.maxLevel, 0, 'highRiskLowCoverage.maxLevel'),
    },
  };
  if (config.highRiskLowCoverage.coverageBelow > 1) throw new DataError(file, '"highRiskLowCoverage.coverageBelow" is a share: 0 … 1');
  if (config.highRiskLowCoverage.highShareAbove > 1) throw new DataError(file, '"highRiskLowCoverage.highShareAbove" is a share: 0 … 1');
  return config;
}
