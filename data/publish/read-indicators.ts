/**
 * All indicator files of the exports as one list of rows, and the history they span. Several files
 * (one per day or month) are allowed; the same value given in two files is an error naming both.
 */
import { bilingual, DataError } from '../../src/core/data-error.ts';
import { DAILY_SERIES } from '../../src/core/daily-file.ts';
import { dayNumberOf, daysBetween, formatDayNumber } from '../../src/core/dates.ts';
import { parseIndicatorsCsv, type IndicatorRow } from '../../src/core/indicators/parse-indicators.ts';
import type { Collector } from './collect.ts';
import type { ExportText } from './exports-folder.ts';

/** The longest history one publish writes (the wall shows days, the engine windows a week). */
export const MAX_HISTORY_DAYS = 366;

export interface IndicatorHistory {
  readonly rows: IndicatorRow[];
  readonly startDay: string;
  readonly dayCount: number;
}

export function readIndicators(files: readonly ExportText[], knownCodes: ReadonlySet<string>, boundariesFile: string, lastAllowedDay: string, problems: Collector): IndicatorHistory | null {
  if (files.length === 0) {
    problems.add(new DataError('indicators.csv', bilingual('is missing: the exports folder needs at least one indicators*.csv (date,code,indicator,value)', '缺少指标文件：导出文件夹中至少需要一个 indicators*.csv（date,code,indicator,value）')));
    return null;
  }
  const rows: IndicatorRow[] = [];
  const fileOf: string[] = []; // file of rows[i]: only messages read it
  // Each file has no duplicate of its own (parseIndicatorsCsv); a value can only be given twice
  // across files on a day two files share. The usual folder (one file per day or month, or one
  // file) shares none, so a day gets a lookup of its (indicator, code) pairs only when a second file
  // brings it — a string key per row of a year of a province would be millions of strings.
  const days = new Map<string, { file: string; rows: number[]; given: Map<number, number> | null }>();
  const seriesIndex = new Map<string, number>(DAILY_SERIES.map((id, i) => [id, i]));
  let codeIndex: Map<string, number> | null = null;
  const pairKey = (r: IndicatorRow): number => {
    if (codeIndex === null) {
      codeIndex = new Map();
      for (const c of knownCodes) codeIndex.set(c, codeIndex.size);
    }
    return seriesIndex.get(r.indicator)! * knownCodes.size + codeIndex.get(r.code)!;
  };
  let failed = false;
  for (const f of files) {
    const parsed = problems.attempt(() => parseIndicatorsCsv(f.text, f.name, { knownCodes, boundariesFile }));
    if (!parsed) {
      failed = true;
      continue;
    }
    for (const r of parsed) {
      let day = days.get(r.day);
      if (day === undefined) days.set(r.day, (day = { file: f.name, rows: [], given: null }));
      if (day.given === null && day.file !== f.name) {
        day.given = new Map();
        for (const i of day.rows) day.given.set(pairKey(rows[i]!), i);
      }
      if (day.given !== null) {
        const key = pairKey(r);
        const prevIndex = day.given.get(key);
        if (prevIndex !== undefined) {
          const prev = { file: fileOf[prevIndex]!, line: rows[prevIndex]!.line };
          problems.add(
            new DataError(
              f.name,
              bilingual(
                `line ${r.line}: ${r.indicator} of ${r.code} on ${r.day} is also in ${prev.file} line ${prev.line} — keep it in one file`,
                `第 ${r.line} 行：${r.code} 在 ${r.day} 的 ${r.indicator} 也出现在 ${prev.file} 第 ${prev.line} 行，请只在一个文件中保留`,
              ),
            ),
          );
          continue;
        }
        day.given.set(key, rows.length);
      }
      day.rows.push(rows.length);
      rows.push(r);
      fileOf.push(f.name);
    }
  }
  // A file that failed would shrink the history and make every later check (incident dates) cry wolf.
  if (failed || rows.length === 0) return null;
  let firstAt = 0;
  let lastAt = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.day < rows[firstAt]!.day) firstAt = i;
    if (rows[i]!.day > rows[lastAt]!.day) lastAt = i;
  }
  const first = { ...rows[firstAt]!, file: fileOf[firstAt]! };
  const last = { ...rows[lastAt]!, file: fileOf[lastAt]! };
  const futureAt = rows.findIndex((r) => r.day > lastAllowedDay);
  if (futureAt >= 0) {
    const future = { ...rows[futureAt]!, file: fileOf[futureAt]! };
    problems.add(
      new DataError(
        future.file,
        bilingual(`line ${future.line}, column "date": ${future.day} is after the publish date ${lastAllowedDay} — check the year and month`, `第 ${future.line} 行“date”列：${future.day} 晚于发布日期 ${lastAllowedDay}，请核对年份和月份`),
      ),
    );
    return null;
  }
  const dayCount = daysBetween(first.day, last.day) + 1;
  if (dayCount > MAX_HISTORY_DAYS) {
    problems.add(
      new DataError(
        first.file,
        bilingual(
          `line ${first.line}, column "date": ${first.day} is ${dayCount} days before the latest date ${last.day} (${last.file} line ${last.line}); a history is at most ${MAX_HISTORY_DAYS} days — check the year, or remove old rows`,
          `第 ${first.line} 行“date”列：${first.day} 比最新日期 ${last.day}（${last.file} 第 ${last.line} 行）早 ${dayCount} 天，历史期最多 ${MAX_HISTORY_DAYS} 天，请核对年份或删除旧数据`,
        ),
      ),
    );
    return null;
  }
  return { rows, startDay: formatDayNumber(dayNumberOf(first.day)!), dayCount };
}
