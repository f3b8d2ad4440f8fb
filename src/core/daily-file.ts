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
import { dayNumberOf } from './dates.ts';
import { DataError, isRecord, parseJson, checkTownshipCodes } from './data-error.ts';

export const DAILY_SERIES = [
  'rainfall',
  'disputes_new',
  'disputes_resolved',
  'disputes_open',
  'hazards_found',
  'hazards_rectified',
  'major_hazards_open',
  'fatal_incidents',
] as const;

export type DailySeriesId = (typeof DAILY_SERIES)[number];

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
  if (!isRecord(json)) throw new DataError(file, 'expected an object with "startDay", "dayCount", "codes", "population" and "series"');
  if (json.version !== 1) throw new DataError(file, `unsupported version ${JSON.stringify(json.version)} (expected 1)`);
  const { startDay, dayCount, codes, population, series } = json;
  if (typeof startDay !== 'string' || dayNumberOf(startDay) === null) throw new DataError(file, `"startDay" is ${JSON.stringify(startDay)}, expected YYYY-MM-DD`);
  if (typeof dayCount !== 'number' || !Number.isInteger(dayCount) || dayCount < 1 || dayCount > MAX_DAYS) {
    throw new DataError(file, `"dayCount" must be an integer 1 … ${MAX_DAYS}`);
  }
  checkTownshipCodes(codes, file, knownCodes);
  const T = codes.length;
  if (!Array.isArray(population) || population.length !== T) throw new DataError(file, `"population" must have one value per code (${T})`);
  const pop = new Float64Array(T);
  population.forEach((p, t) => {
    if (p === null) pop[t] = Number.NaN;
    else if (typeof p === 'number' && Number.isFinite(p) && p >= 0) pop[t] = p;
    else throw new DataError(file, `population of ${codes[t]} is ${JSON.stringify(p)}, expected a number ≥ 0 or null`);
  });
  if (!isRecord(series)) throw new DataError(file, '"series" must be an object of series id → rows');
  const out: Partial<Record<string, Float64Array>> = {};
  for (const [id, rows] of Object.entries(series)) {
    if (!Array.isArray(rows) || rows.length !== dayCount) throw new DataError(file, `"series.${id}" must have one row per day (${dayCount})`);
    const values = new Float64Array(dayCount * T);
    rows.forEach((row, d) => {
      if (!Array.isArray(row) || row.length !== T) throw new DataError(file, `"series.${id}[${d}]" must have one value per code (${T})`);
      for (let t = 0; t < T; t++) {
        const v = row[t];
        if (v === null) values[d * T + t] = Number.NaN;
        else if (typeof v === 'number' && Number.isFinite(v) && v >= 0) values[d * T + t] = v;
        else throw new DataError(file, `"series.${id}[${d}]" has ${JSON.stringify(v)} for ${codes[t]}, expected a number ≥ 0 or null`);
      }
    });
    out[id] = values;
  }
  const rainstormDays = json.rainstormDays ?? [];
  if (!Array.isArray(rainstormDays) || rainstormDays.some((d) => typeof d !== 'string' || dayNumberOf(d) === null)) {
    throw new DataError(file, '"rainstormDays" must be an array of YYYY-MM-DD dates');
  }
  const festivals = json.festivals ?? [];
  if (
    !Array.isArray(festivals) ||
    festivals.some((f) => !isRecord(f) || typeof f.name !== 'string' || typeof f.first !== 'string' || typeof f.last !== 'string' || dayNumberOf(f.first) === null || dayNumberOf(f.last) === null)
  ) {
    throw new DataError(file, '"festivals" must be an array of {"name", "first", "last"} with YYYY-MM-DD dates');
  }
  return {
    startDay,
    dayCount,
    codes: codes as string[],
    population: pop,
    series: out,
    rainstormDays: rainstormDays as string[],
    festivals: festivals as Festival[],
  };
}
