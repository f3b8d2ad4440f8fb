/**
 * manifest.json: the entry point of a data set, so a city swaps data without touching code.
 * Paths are relative to the manifest's own URL.
 */
import { bilingual, DataError, isRecord, parseJson, shown, unsupportedVersion } from './data-error.ts';

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
  /** Optional values that were wrong and fell back to their defaults, each `file: English · 中文` naming the key and the fix. */
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

/** What each file key names, for messages: English, Chinese, the usual file name. */
const FILES: Readonly<Record<string, readonly [string, string, string]>> = {
  boundaries: ['township boundaries', '乡镇边界', 'townships.topo.json'],
  levels: ['daily levels', '每日等级', 'levels.json'],
  incidents: ['incidents', '事件', 'incidents.bin'],
  daily: ['daily indicators', '每日指标', 'daily.json'],
  indexConfig: ['index config', '指数配置', 'index-config.json'],
  'overlays.hazardZones': ['hazard zones', '地质灾害易发区', 'hazard-zones.geojson'],
  'overlays.hazardSites': ['hazard sites', '地质灾害隐患点', 'hazard-sites.geojson'],
  'overlays.teams': ['rescue teams', '救援队伍', 'teams.geojson'],
  'overlays.coverage': ['team coverage', '队伍覆盖范围', 'coverage.geojson'],
  'overlays.config': ['overlay settings', '图层参数', 'overlays-config.json'],
};

/** `"key" is …, not a file name — write the path of the … file`, optionally "or null". */
function notAFile(key: string, value: unknown, orNull: boolean): string {
  const [en, zh, example] = FILES[key]!;
  return bilingual(
    `"${key}" is ${shown(value)}; it must name the ${en} file, e.g. "${example}"${orNull ? ', or be null for none' : ''}`,
    `“${key}”为 ${shown(value, '缺失')}，应为${zh}文件的路径，如 "${example}"${orNull ? '；没有时写 null' : ''}`,
  );
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((c) => typeof c === 'string');
const isVersions = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');

export function parseManifest(text: string, file: string): Manifest {
  const json = parseJson(text, file);
  if (!isRecord(json)) {
    throw new DataError(file, bilingual('is not a manifest: expected a JSON object with "version", "region", "boundaries" and "levels"', '不是数据清单：应为含“version”“region”“boundaries”“levels”的 JSON 对象'));
  }
  if (json.version !== 1) throw new DataError(file, unsupportedVersion(json.version));
  const region = json.region;
  if (!isRecord(region) || typeof region.code !== 'string' || typeof region.name !== 'string') {
    throw new DataError(file, bilingual(`"region" is ${shown(region)}; write it like {"code": "3311", "name": "Lishui"}`, `“region”为 ${shown(region, '缺失')}，请写成 {"code": "3311", "name": "丽水市"} 这样`));
  }
  for (const key of ['boundaries', 'levels'] as const) {
    if (!isNonEmptyString(json[key])) throw new DataError(file, notAFile(key, json[key], false));
  }
  // Optional values fall back to their defaults with a warning: a typo in one of them must not
  // take the whole data set off the screen.
  const warnings: string[] = [];
  const fields: Record<string, unknown> = json;
  function optional<T>(key: string, isValid: (v: unknown) => v is T, fallback: T, expected: string, expectedZh: string): T {
    const value = fields[key];
    if (value === undefined || value === null) return fallback;
    if (isValid(value)) return value;
    const used = JSON.stringify(fallback);
    warnings.push(`${file}: ${bilingual(`"${key}" is ${shown(value)}; it must be ${expected} — using ${used} until it is fixed`, `“${key}”为 ${shown(value)}，应为${expectedZh}；修正前暂用 ${used}`)}`);
    return fallback;
  }
  const refresh = optional('refreshSeconds', (v): v is number => typeof v === 'number' && v >= 10, 300, 'a number of seconds ≥ 10', '不小于 10 的秒数');
  const approximate = optional('approximateCounties', isStringList, [] as string[], 'a list of county codes', '县（市、区）代码列表');
  const incidents = json.incidents ?? null;
  if (incidents !== null && !isNonEmptyString(incidents)) throw new DataError(file, notAFile('incidents', incidents, true));
  const optionalFile = (key: 'daily' | 'indexConfig'): string | null => {
    const v = json[key] ?? null;
    if (v !== null && !isNonEmptyString(v)) throw new DataError(file, notAFile(key, v, true));
    return v;
  };
  const daily = optionalFile('daily');
  const indexConfig = optionalFile('indexConfig');
  let overlays: OverlayFiles | null = null;
  if (json.overlays !== undefined && json.overlays !== null) {
    const o = json.overlays;
    if (!isRecord(o)) {
      throw new DataError(
        file,
        bilingual(
          `"overlays" is ${shown(o)}; it must be an object naming the files ${OVERLAY_KEYS.join(', ')}, or null for no overlays`,
          `“overlays”为 ${shown(o)}，应为列出 ${OVERLAY_KEYS.join('、')} 各文件的对象；没有图层时写 null`,
        ),
      );
    }
    for (const key of OVERLAY_KEYS) {
      if (!isNonEmptyString(o[key])) throw new DataError(file, notAFile(`overlays.${key}`, o[key], false));
    }
    overlays = Object.fromEntries(OVERLAY_KEYS.map((k) => [k, o[k] as string])) as unknown as OverlayFiles;
  }
  const basemap = optional('basemap', isNonEmptyString, null, 'a style URL or null', '底图样式地址或 null');
  const asOf = optional(
    'asOf',
    (v): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
    null,
    'a date and time like "2026-11-25T06:00:00+08:00"',
    '形如 "2026-11-25T06:00:00+08:00" 的日期时间',
  );
  const versions = optional('versions', isVersions, {}, 'an object of file → version strings', '“文件 → 版本字符串”的对象');
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
