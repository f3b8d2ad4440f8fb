/**
 * # daily.json — daily indicators per township (the index engine's non-incident inputs)
 *
 * Columnar, one row per day like levels.json, so 90 days × 40,000 townships stays compact:
 *
 * ```json
 * { "version": 1,
 *   "startDay": "2026-11-23", "dayCount": 2,
 *   "codes": ["331102001", "331102002"],
 *   "population": [41230, 5870],
 *   "rainstormDays": ["2026-11-24"],
 *   "festivals": [{ "name": "国庆节", "first": "2026-10-01", "last": "2026-10-07" }],
 *   "series": {
 *     "rainfall":      [[0, 1.5], [62.3, 88]],
 *     "disputes_open": [[4, 1], [5, null]] } }
 * ```
 *
 * - `series[id][d][t]`: the value of `codes[t]` on day `startDay + d`; `null` = not reported
 *   (the engine treats it as missing, see src/core/safety-index/compute-index.ts). A series may be absent.
 * - `population[t]`: residents (`null` or 0 = unknown: the township gets no index).
 * - Series ids ({@link DAILY_SERIES}): `rainfall` (mm that day), `disputes_new`, `disputes_resolved`,
 *   `disputes_open` (unresolved at the end of the day), `hazards_found`, `hazards_rectified`
 *   (production-safety hazards, all grades), `major_hazards_open` (major hazards not yet rectified at
 *   the end of the day), `fatal_incidents` (incidents with a death that day). Other ids are kept but
 *   not used by the engine.
 * - `rainstormDays`, `festivals`: informational (what the generator simulated); optional.
 */
import { dayNumberOf, formatDayNumber } from './dates.ts';
import { bilingual, checkTownshipCodes, DataError, isRecord, parseJson, shown, unsupportedVersion } from './data-error.ts';

import { DAILY_SERIES, type DailySeriesId } from './daily-series.ts';

// The ids have their own module, so the panels that name them do not pull in this parser.
export { DAILY_SERIES, type DailySeriesId };

export interface Festival {
  name: string;
  /** First and last day, `YYYY-MM-DD`, inclusive. */
  first: string;
  last: string;
}

/** daily.json as written (plain JSON). */
export interface DailyFileJson {
  version: 1;
  startDay: string;
  dayCount: number;
  codes: string[];
  population: (number | null)[];
  rainstormDays?: string[];
  festivals?: Festival[];
  series: Record<string, (number | null)[][]>;
}

/** daily.json decoded into flat arrays: `series[id][d · codes.length + t]`, NaN = missing. */
export interface DailyData {
  readonly startDay: string;
  readonly dayCount: number;
  readonly codes: string[];
  /** Residents per township; NaN = unknown. */
  readonly population: Float64Array;
  readonly series: Partial<Record<string, Float64Array>>;
  readonly rainstormDays: string[];
  readonly festivals: Festival[];
}

const MAX_DAYS = 65536;

/** Parse and validate daily.json (every problem is a DataError naming the file and the key). */
export function parseDailyFile(text: string, file: string, knownCodes?: ReadonlySet<string>): DailyData {
  return dailyFromJson(parseJson(text, file), file, knownCodes);
}

export function dailyFromJson(json: unknown, file: string, knownCodes?: ReadonlySet<string>): DailyData {
  const fail = (en: string, zh: string): never => {
    throw new DataError(file, bilingual(en, zh));
  };
  if (!isRecord(json)) {
    fail(
      'is not a daily indicators file: expected a JSON object with "startDay", "dayCount", "codes", "population" and "series" — publish the data again (npm run publish)',
      '不是每日指标文件：应为含“startDay”“dayCount”“codes”“population”“series”的 JSON 对象，请重新发布数据（npm run publish）',
    );
  }
  const j = json as Record<string, unknown>;
  if (j.version !== 1) throw new DataError(file, unsupportedVersion(j.version));
  const { startDay, dayCount, codes, population, series } = j;
  if (typeof startDay !== 'string' || dayNumberOf(startDay) === null) {
    fail(`"startDay" is ${shown(startDay)}, not a date — write the first day as YYYY-MM-DD (e.g. 2026-11-23)`, `“startDay”为 ${shown(startDay, '缺失')}，不是日期，请把第一天写成 YYYY-MM-DD（如 2026-11-23）`);
  }
  if (typeof dayCount !== 'number' || !Number.isInteger(dayCount) || dayCount < 1 || dayCount > MAX_DAYS) {
    fail(`"dayCount" is ${shown(dayCount)}; it must be the number of days, a whole number from 1 to ${MAX_DAYS}`, `“dayCount”为 ${shown(dayCount, '缺失')}，应为天数：1 至 ${MAX_DAYS} 的整数`);
  }
  const first = dayNumberOf(startDay as string)!;
  const D = dayCount as number;
  const dayOf = (d: number): string => formatDayNumber(first + d);
  checkTownshipCodes(codes, file, knownCodes);
  const T = codes.length;
  const has = (v: unknown, zh: string): { en: string; zh: string } =>
    Array.isArray(v) ? { en: `it has ${v.length}`, zh: `实际有 ${v.length} ${zh}` } : { en: `it is ${shown(v)}`, zh: `实际为 ${shown(v, '缺失')}` };
  if (!Array.isArray(population) || population.length !== T) {
    const h = has(population, '个');
    fail(`"population" must have one value per code (${T}), null when unknown; ${h.en}`, `“population”应每个乡镇一个值（共 ${T} 个），未知时写 null；${h.zh}`);
  }
  const pop = new Float64Array(T);
  (population as unknown[]).forEach((p, t) => {
    if (p === null) pop[t] = Number.NaN;
    else if (typeof p === 'number' && Number.isFinite(p) && p >= 0) pop[t] = p;
    else fail(`population of ${codes[t]} is ${shown(p)} — write the number of residents (0 or more), or null when unknown`, `乡镇 ${codes[t]} 的人口为 ${shown(p)}，请填写常住人口数（不小于 0），未知时写 null`);
  });
  if (!isRecord(series)) {
    fail(`"series" is ${shown(series)}; it must be an object of series id → one row per day, like "series": {"rainfall": [[0, 1.5], …]}`, `“series”为 ${shown(series, '缺失')}，应为“指标 → 每天一行”的对象，如 "series": {"rainfall": [[0, 1.5], …]}`);
  }
  const out: Partial<Record<string, Float64Array>> = {};
  for (const [id, rows] of Object.entries(series as Record<string, unknown>)) {
    if (!Array.isArray(rows) || rows.length !== D) {
      const h = has(rows, '行');
      fail(`"series.${id}" must have one row per day (${D}); ${h.en}`, `“series.${id}”应每天一行（共 ${D} 行），${h.zh}`);
    }
    const values = new Float64Array(D * T);
    (rows as unknown[]).forEach((row, d) => {
      if (!Array.isArray(row) || row.length !== T) {
        const h = has(row, '个');
        fail(`"series.${id}[${d}]" (${dayOf(d)}) must have one value per code (${T}); ${h.en}`, `“series.${id}[${d}]”（${dayOf(d)}）应每个乡镇一个值（共 ${T} 个），${h.zh}`);
      }
      for (let t = 0; t < T; t++) {
        const v = (row as unknown[])[t];
        if (v === null) values[d * T + t] = Number.NaN;
        else if (typeof v === 'number' && Number.isFinite(v) && v >= 0) values[d * T + t] = v;
        else {
          fail(
            `"series.${id}[${d}]" has ${shown(v)} for ${codes[t]} on ${dayOf(d)} — it must be a number ≥ 0, or null when not reported`,
            `“series.${id}[${d}]”中乡镇 ${codes[t]} 在 ${dayOf(d)} 的值为 ${shown(v, '缺失')}，应为不小于 0 的数字，未上报时写 null`,
          );
        }
      }
    });
    out[id] = values;
  }
  const rainstormDays = j.rainstormDays ?? [];
  const badDay = Array.isArray(rainstormDays) ? rainstormDays.findIndex((d) => typeof d !== 'string' || dayNumberOf(d) === null) : -1;
  if (!Array.isArray(rainstormDays) || badDay >= 0) {
    const v = shown(badDay >= 0 ? (rainstormDays as unknown[])[badDay] : rainstormDays);
    const what = badDay >= 0 ? { en: `rainstormDays[${badDay}] is ${v}`, zh: `rainstormDays[${badDay}] 为 ${v}` } : { en: `it is ${v}`, zh: `实际为 ${v}` };
    fail(`"rainstormDays" must be a list of YYYY-MM-DD dates, like ["2026-11-24"]; ${what.en}`, `“rainstormDays”应为 YYYY-MM-DD 日期列表，如 ["2026-11-24"]；${what.zh}`);
  }
  const festivals = j.festivals ?? [];
  const isFestival = (f: unknown): boolean =>
    isRecord(f) && typeof f.name === 'string' && typeof f.first === 'string' && typeof f.last === 'string' && dayNumberOf(f.first) !== null && dayNumberOf(f.last) !== null;
  const badFestival = Array.isArray(festivals) ? festivals.findIndex((f) => !isFestival(f)) : -1;
  if (!Array.isArray(festivals) || badFestival >= 0) {
    const v = shown(badFestival >= 0 ? (festivals as unknown[])[badFestival] : festivals);
    const what = badFestival >= 0 ? { en: `festivals[${badFestival}] is ${v}`, zh: `festivals[${badFestival}] 为 ${v}` } : { en: `it is ${v}`, zh: `实际为 ${v}` };
    fail(
      `"festivals" must be a list of {"name", "first", "last"} with YYYY-MM-DD dates, like [{"name": "National Day", "first": "2026-10-01", "last": "2026-10-07"}]; ${what.en}`,
      `“festivals”应为 {"name", "first", "last"} 的列表，日期写成 YYYY-MM-DD，如 [{"name": "国庆节", "first": "2026-10-01", "last": "2026-10-07"}]；${what.zh}`,
    );
  }
  return {
    startDay: startDay as string,
    dayCount: D,
    codes: codes as string[],
    population: pop,
    series: out,
    rainstormDays: rainstormDays as string[],
    festivals: festivals as Festival[],
  };
}
