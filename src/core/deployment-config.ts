/**
 * config.json beside index.html: what a city sets once per deployment, without rebuilding — where
 * its data is, the wall's tour and refresh schedule, when data counts as stale, the default language
 * and which other origins data may come from.
 *
 * Every key is optional. A bad value never stops the app: it falls back to its default and the
 * problem is returned in `warnings`, naming the key, the value and the fix.
 */
import { DataError, isRecord } from './data-error.ts';
import { DEFAULT_FRESHNESS, type FreshnessThresholds } from './freshness.ts';

export type Language = 'zh' | 'en';

export interface TourConfig {
  readonly enabled: boolean;
  /** Seconds each step (the city, a county, a township) is held. */
  readonly holdSeconds: number;
  readonly counties: boolean;
  /** How many of the day's worst townships the tour visits (0 = none). */
  readonly worstTownships: number;
  /** Overlay layers the tour switches on in turn over the whole city (e.g. "zones", "coverage"). */
  readonly layers: readonly string[];
  /** After a touch, click or key the tour pauses; it resumes after this many idle seconds. */
  readonly resumeAfterIdleSeconds: number;
}

export interface DeploymentConfig {
  /** The data set's manifest, relative to index.html. */
  readonly data: string;
  /** A MapLibre style URL for a basemap (its origin must be allowed), or null. */
  readonly basemap: string | null;
  readonly language: Language;
  /** Origins besides the app's own that data and basemaps may come from (`https://host[:port]`). */
  readonly allowedOrigins: readonly string[];
  /** Overrides the manifest's refreshSeconds when set. */
  readonly refreshSeconds: number | null;
  readonly stale: FreshnessThresholds;
  readonly tour: TourConfig;
  /** Hour (0–23, local time) of a nightly page reload on the wall, or null for none. */
  readonly nightlyReloadHour: number | null;
}

export const DEFAULT_TOUR: TourConfig = {
  enabled: true,
  holdSeconds: 20,
  counties: true,
  worstTownships: 3,
  layers: [],
  resumeAfterIdleSeconds: 120,
};

export const DEFAULT_DEPLOYMENT: DeploymentConfig = {
  data: 'data/manifest.json',
  basemap: null,
  language: 'zh',
  allowedOrigins: [],
  refreshSeconds: null,
  stale: DEFAULT_FRESHNESS,
  tour: DEFAULT_TOUR,
  nightlyReloadHour: 3,
};

export interface ParsedDeployment {
  readonly config: DeploymentConfig;
  readonly warnings: DataError[];
}

type Check<T> = (value: unknown) => value is T;

const isNumberIn =
  (min: number, max: number): Check<number> =>
  (v): v is number =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const isWholeIn =
  (min: number, max: number): Check<number> =>
  (v): v is number =>
    isNumberIn(min, max)(v) && Number.isInteger(v);
const isBoolean: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
const isPath: Check<string> = (v): v is string => typeof v === 'string' && v.trim() !== '';
const isOrigin = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^/\s?#]+$/.test(v);

export function parseDeploymentConfig(text: string, file = 'config.json'): ParsedDeployment {
  const warnings: DataError[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    warnings.push(new DataError(file, 'is not valid JSON; the defaults are used. Check it with a JSON validator.'));
    return { config: DEFAULT_DEPLOYMENT, warnings };
  }
  if (!isRecord(json)) {
    warnings.push(new DataError(file, 'must be a JSON object ({ … }); the defaults are used.'));
    return { config: DEFAULT_DEPLOYMENT, warnings };
  }

  function pick<T>(from: Record<string, unknown>, key: string, path: string, check: Check<T>, fallback: T, expected: string): T {
    const value = from[key];
    if (value === undefined) return fallback;
    if (check(value)) return value;
    warnings.push(new DataError(file, `"${path}" is ${JSON.stringify(value)}; it must be ${expected}. Using ${JSON.stringify(fallback)}.`));
    return fallback;
  }
  const section = (key: string): Record<string, unknown> => {
    const value = json[key];
    if (value === undefined) return {};
    if (isRecord(value)) return value;
    warnings.push(new DataError(file, `"${key}" must be an object ({ … }); its defaults are used.`));
    return {};
  };

  const d = DEFAULT_DEPLOYMENT;
  const stale = section('stale');
  const tour = section('tour');
  const origins = pick(json, 'allowedOrigins', 'allowedOrigins', (v): v is unknown[] => Array.isArray(v), [] as unknown[], 'a list of origins');
  const goodOrigins = origins.filter((o, i) => {
    if (isOrigin(o)) return true;
    warnings.push(new DataError(file, `"allowedOrigins[${i}]" is ${JSON.stringify(o)}; write an origin like "https://data.example.gov.cn" (no path). It is ignored.`));
    return false;
  });
  const staleDays = pick(stale, 'dataDays', 'stale.dataDays', isWholeIn(0, 365), d.stale.staleDays, 'a whole number of days (0–365)');
  const config: DeploymentConfig = {
    data: pick(json, 'data', 'data', isPath, d.data, 'the path of a manifest.json'),
    basemap: pick(json, 'basemap', 'basemap', (v): v is string | null => v === null || isPath(v), d.basemap, 'a style URL or null'),
    language: pick(json, 'language', 'language', (v): v is Language => v === 'zh' || v === 'en', d.language, '"zh" or "en"'),
    allowedOrigins: goodOrigins as string[],
    refreshSeconds: pick(json, 'refreshSeconds', 'refreshSeconds', (v): v is number | null => v === null || isNumberIn(10, 86_400)(v), d.refreshSeconds, 'seconds between 10 and 86400, or null'),
    stale: {
      staleDays,
      alarmDays: pick(stale, 'alarmDays', 'stale.alarmDays', isWholeIn(staleDays + 1, 3650), Math.max(d.stale.alarmDays, staleDays + 1), `a whole number of days above stale.dataDays (${staleDays})`),
      fetchMinutes: pick(stale, 'fetchMinutes', 'stale.fetchMinutes', isNumberIn(1, 10_080), d.stale.fetchMinutes, 'minutes between 1 and 10080'),
    },
    tour: {
      enabled: pick(tour, 'enabled', 'tour.enabled', isBoolean, d.tour.enabled, 'true or false'),
      holdSeconds: pick(tour, 'holdSeconds', 'tour.holdSeconds', isNumberIn(3, 3600), d.tour.holdSeconds, 'seconds between 3 and 3600'),
      counties: pick(tour, 'counties', 'tour.counties', isBoolean, d.tour.counties, 'true or false'),
      worstTownships: pick(tour, 'worstTownships', 'tour.worstTownships', isWholeIn(0, 50), d.tour.worstTownships, 'a whole number from 0 to 50'),
      layers: pick(tour, 'layers', 'tour.layers', (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'), d.tour.layers, 'a list of layer names'),
      resumeAfterIdleSeconds: pick(tour, 'resumeAfterIdleSeconds', 'tour.resumeAfterIdleSeconds', isNumberIn(5, 86_400), d.tour.resumeAfterIdleSeconds, 'seconds between 5 and 86400'),
    },
    nightlyReloadHour: pick(json, 'nightlyReloadHour', 'nightlyReloadHour', (v): v is number | null => v === null || isWholeIn(0, 23)(v), d.nightlyReloadHour, 'an hour from 0 to 23, or null'),
  };
  return { config, warnings };
}
