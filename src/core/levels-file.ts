/**
 * levels.json: the daily index per township, columnar so 90 days × 40,000 townships stays compact.
 *   { "version": 1, "dates": ["2026-11-24"], "codes": ["331102001", …], "index": [[93.1, …]] }
 * index[d][t] is the index of codes[t] on dates[d]; null means no value that day.
 */
import { bilingual, checkTownshipCodes, DataError, isRecord, parseJson, shown, unsupportedVersion } from './data-error.ts';

export interface LevelsFile {
  version: 1;
  dates: string[];
  codes: string[];
  index: (number | null)[][];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseLevelsFile(text: string, file: string, knownCodes?: ReadonlySet<string>): LevelsFile {
  const json = parseJson(text, file);
  if (!isRecord(json)) {
    throw new DataError(file, bilingual('is not a levels file: expected a JSON object with "version", "dates", "codes" and "index" — publish the data again (npm run publish)', '不是等级文件：应为含“version”“dates”“codes”“index”的 JSON 对象，请重新发布数据（npm run publish）'));
  }
  if (json.version !== 1) throw new DataError(file, unsupportedVersion(json.version));
  const { dates, codes, index } = json;
  if (!Array.isArray(dates) || dates.length === 0) {
    throw new DataError(file, bilingual(`"dates" is ${shown(dates)}; it must be a list of at least one day, like ["2026-11-24"]`, `“dates”为 ${shown(dates, '缺失')}，应为至少含一天的日期列表，如 ["2026-11-24"]`));
  }
  dates.forEach((d, i) => {
    if (typeof d !== 'string' || !DATE.test(d)) throw new DataError(file, bilingual(`dates[${i}] is ${shown(d)}, not a date — write it as YYYY-MM-DD (e.g. 2026-11-24)`, `dates[${i}] 为 ${shown(d)}，不是日期，请写成 YYYY-MM-DD（如 2026-11-24）`));
    if (i > 0 && d <= (dates[i - 1] as string)) {
      throw new DataError(file, bilingual(`dates must be increasing; dates[${i}] ${d} follows ${dates[i - 1]} — list each day once, oldest first`, `日期必须递增：dates[${i}] ${d} 排在 ${dates[i - 1]} 之后；每天只列一次，从早到晚排列`));
    }
  });
  checkTownshipCodes(codes, file, knownCodes);
  if (!Array.isArray(index) || index.length !== dates.length) {
    const has = Array.isArray(index) ? { en: `it has ${index.length}`, zh: `实际有 ${index.length} 行` } : { en: `it is ${shown(index)}`, zh: `实际为 ${shown(index, '缺失')}` };
    throw new DataError(file, bilingual(`"index" must have one row per date (${dates.length}); ${has.en}`, `“index”应每个日期一行（共 ${dates.length} 行），${has.zh}`));
  }
  index.forEach((row, d) => {
    if (!Array.isArray(row) || row.length !== codes.length) {
      const has = Array.isArray(row) ? { en: `it has ${row.length}`, zh: `实际有 ${row.length} 个` } : { en: `it is ${shown(row)}`, zh: `实际为 ${shown(row)}` };
      throw new DataError(file, bilingual(`index[${d}] (${dates[d]}) must have one value per code (${codes.length}); ${has.en}`, `index[${d}]（${dates[d]}）应每个乡镇一个值（共 ${codes.length} 个），${has.zh}`));
    }
    row.forEach((v, t) => {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)) {
        throw new DataError(
          file,
          bilingual(
            `the index on ${dates[d]} for ${codes[t]} is ${shown(v)} — it must be a number from 0 to 100, or null for no value`,
            `乡镇 ${codes[t]} 在 ${dates[d]} 的指数为 ${shown(v)}，应为 0–100 的数字，无数据时写 null`,
          ),
        );
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
