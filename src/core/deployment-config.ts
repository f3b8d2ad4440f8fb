/**
 * config.json beside index.html: what a city sets once per deployment, without rebuilding — where
 * its data is, the wall's tour and refresh schedule, when data counts as stale, the default language
 * and which other origins data may come from.
 *
 * Every key is optional. A bad value never stops the app: it falls back to its default and the
 * problem is returned in `warnings`, naming the key, the value and the fix.
 */
import { bilingual, DataError, isRecord, shown } from './data-error.ts';
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
  const warn = (en: string, zh: string): void => void warnings.push(new DataError(file, bilingual(en, zh)));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    warn(
      'is not valid JSON, so the built-in defaults are used — check it with a JSON validator (a missing comma or quote is the usual cause)',
      '不是有效的 JSON，已使用内置默认设置；请用 JSON 校验工具检查（常见原因是缺少逗号或引号）',
    );
    return { config: DEFAULT_DEPLOYMENT, warnings };
  }
  if (!isRecord(json)) {
    warn(`is ${shown(json)}, not a JSON object ({ … }), so the built-in defaults are used`, `为 ${shown(json)}，不是 JSON 对象（{ … }），已使用内置默认设置`);
    return { config: DEFAULT_DEPLOYMENT, warnings };
  }

  /** `expected`: what the value must be, in English and Chinese. */
  function pick<T>(from: Record<string, unknown>, key: string, path: string, check: Check<T>, fallback: T, expected: readonly [string, string]): T {
    const value = from[key];
    if (value === undefined) return fallback;
    if (check(value)) return value;
    const used = JSON.stringify(fallback);
    warn(`"${path}" is ${shown(value)}; it must be ${expected[0]} — using ${used}`, `“${path}”为 ${shown(value)}，应为${expected[1]}；暂用 ${used}`);
    return fallback;
  }
  const section = (key: string): Record<string, unknown> => {
    const value = json[key];
    if (value === undefined) return {};
    if (isRecord(value)) return value;
    warn(`"${key}" is ${shown(value)}; it must be an object ({ … }) — its defaults are used`, `“${key}”为 ${shown(value)}，应为对象（{ … }），已使用其默认设置`);
    return {};
  };

  const d = DEFAULT_DEPLOYMENT;
  const stale = section('stale');
  const tour = section('tour');
  const origins = pick(json, 'allowedOrigins', 'allowedOrigins', (v): v is unknown[] => Array.isArray(v), [] as unknown[], ['a list of origins', '来源列表']);
  const goodOrigins = origins.filter((o, i) => {
    if (isOrigin(o)) return true;
    warn(
      `"allowedOrigins[${i}]" is ${shown(o)}; write an origin like "https://data.example.gov.cn" (no path) — it is ignored`,
      `“allowedOrigins[${i}]”为 ${shown(o)}，请写成 "https://data.example.gov.cn" 这样的来源（不带路径）；此项已忽略`,
    );
    return false;
  });
  const seconds = (min: number, max: number): [string, string] => [`seconds between ${min} and ${max}`, ` ${min} 至 ${max} 秒`];
  const yesNo: [string, string] = ['true or false', ' true 或 false'];
  const staleDays = pick(stale, 'dataDays', 'stale.dataDays', isWholeIn(0, 365), d.stale.staleDays, ['a whole number of days (0–365)', ' 0 至 365 的整数天数']);
  const config: DeploymentConfig = {
    data: pick(json, 'data', 'data', isPath, d.data, ['the path of a manifest.json', ' manifest.json 的路径']),
    basemap: pick(json, 'basemap', 'basemap', (v): v is string | null => v === null || isPath(v), d.basemap, ['a style URL or null', '底图样式地址或 null']),
    language: pick(json, 'language', 'language', (v): v is Language => v === 'zh' || v === 'en', d.language, ['"zh" or "en"', ' "zh" 或 "en"']),
    allowedOrigins: goodOrigins as string[],
    refreshSeconds: pick(json, 'refreshSeconds', 'refreshSeconds', (v): v is number | null => v === null || isNumberIn(10, 86_400)(v), d.refreshSeconds, [
      'seconds between 10 and 86400, or null',
      ' 10 至 86400 秒，或 null',
    ]),
    stale: {
      staleDays,
      alarmDays: pick(stale, 'alarmDays', 'stale.alarmDays', isWholeIn(staleDays + 1, 3650), Math.max(d.stale.alarmDays, staleDays + 1), [
        `a whole number of days above stale.dataDays (${staleDays})`,
        `大于 stale.dataDays（${staleDays}）的整数天数`,
      ]),
      fetchMinutes: pick(stale, 'fetchMinutes', 'stale.fetchMinutes', isNumberIn(1, 10_080), d.stale.fetchMinutes, ['minutes between 1 and 10080', ' 1 至 10080 分钟']),
    },
    tour: {
      enabled: pick(tour, 'enabled', 'tour.enabled', isBoolean, d.tour.enabled, yesNo),
      holdSeconds: pick(tour, 'holdSeconds', 'tour.holdSeconds', isNumberIn(3, 3600), d.tour.holdSeconds, seconds(3, 3600)),
      counties: pick(tour, 'counties', 'tour.counties', isBoolean, d.tour.counties, yesNo),
      worstTownships: pick(tour, 'worstTownships', 'tour.worstTownships', isWholeIn(0, 50), d.tour.worstTownships, ['a whole number from 0 to 50', ' 0 至 50 的整数']),
      layers: pick(tour, 'layers', 'tour.layers', (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string'), d.tour.layers, ['a list of layer names', '图层名称列表']),
      resumeAfterIdleSeconds: pick(tour, 'resumeAfterIdleSeconds', 'tour.resumeAfterIdleSeconds', isNumberIn(5, 86_400), d.tour.resumeAfterIdleSeconds, seconds(5, 86_400)),
    },
    nightlyReloadHour: pick(json, 'nightlyReloadHour', 'nightlyReloadHour', (v): v is number | null => v === null || isWholeIn(0, 23)(v), d.nightlyReloadHour, [
      'an hour from 0 to 23, or null',
      ' 0 至 23 点的整点，或 null',
    ]),
  };
  return { config, warnings };
}
