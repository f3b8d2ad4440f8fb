/**
 * levels.json: the daily index per township, columnar so 90 days × 40,000 townships stays compact.
 *   { "version": 1, "dates": ["2026-11-24"], "codes": ["331102001", …], "index": [[93.1, …]] }
 * index[d][t] is the index of codes[t] on dates[d]; null means no value that day.
 */
import { DataError, isRecord, parseJson, checkTownshipCodes } from './data-error.ts';

export interface LevelsFile {
  version: 1;
  dates: string[];
  codes: string[];
  index: (number | null)[][];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseLevelsFile(text: string, file: string, knownCodes?: ReadonlySet<string>): LevelsFile {
  const json = parseJson(text, file);
  if (!isRecord(json)) throw new DataError(file, 'expected an object with "dates", "codes" and "index"');
  if (json.version !== 1) throw new DataError(file, `unsupported version ${JSON.stringify(json.version)} (expected 1)`);
  const { dates, codes, index } = json;
  if (!Array.isArray(dates) || dates.length === 0) throw new DataError(file, '"dates" must be a non-empty array');
  dates.forEach((d, i) => {
    if (typeof d !== 'string' || !DATE.test(d)) throw new DataError(file, `dates[${i}] is ${JSON.stringify(d)}, expected YYYY-MM-DD`);
    if (i > 0 && d <= (dates[i - 1] as string)) throw new DataError(file, `dates must be increasing; ${d} follows ${dates[i - 1]}`);
  });
  checkTownshipCodes(codes, file, knownCodes);
  if (!Array.isArray(index) || index.length !== dates.length) {
    throw new DataError(file, `"index" must have one row per date (${dates.length})`);
  }
  index.forEach((row, d) => {
    if (!Array.isArray(row) || row.length !== codes.length) {
      throw new DataError(file, `index[${d}] (${dates[d]}) must have one value per code (${codes.length})`);
    }
    row.forEach((v, t) => {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)) {
        throw new DataError(file, `index on ${dates[d]} for ${codes[t]} is ${JSON.stringify(v)}, expected 0–100 or null`);
      }
    });
  });
  return { version: 1, dates: dates as string[], codes: codes as string[], index: index as (number | null)[][] };
}

/** The index of each township on one date, as a code → value map. */
export function indexOn(levels: LevelsFile, date: string): Map<string, number | null> {
  const d = levels.dates.indexOf(date);
  const row = d >= 0 ? levels.index[d] : [];
  return new Map(levels.codes.map((code, t) => [code, row[t] ?? null]));
}
