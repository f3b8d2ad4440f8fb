/**
 * The township indicators CSV — long form, one value per row, the shape any spreadsheet or database
 * exports without pivoting:
 *
 * ```csv
 * date,code,indicator,value
 * 2026-11-22,331102001,rainfall,12.5
 * 2026-11-22,331102001,disputes_new,2
 * ```
 *
 * Every problem is listed with its line, column, value and fix (ProblemList), and any one fails the
 * file: a row skipped silently would publish a township as safe for want of its data. A header with
 * no rows is an error too, never an empty result.
 */
import { bilingual, DataError, ProblemList } from '../data-error.ts';
import { readCsvTable, requireColumns } from '../csv-table.ts';
import { DATE_FORMS_EN, DATE_FORMS_ZH, readDay } from '../date-forms.ts';
import { DAILY_SERIES, type DailySeriesId } from '../daily-file.ts';
import { dayNumberOf } from '../dates.ts';
import { indicatorId, INDICATOR_LIST } from './indicator-ids.ts';
import { codeProblem, lineAt } from './township-code.ts';

export interface IndicatorRow {
  readonly line: number;
  readonly day: string;
  readonly code: string;
  readonly indicator: DailySeriesId;
  readonly value: number;
}

const CODE = /^\d{9}$/;
const SERIES_INDEX: ReadonlyMap<DailySeriesId, number> = new Map(DAILY_SERIES.map((id, i) => [id, i]));

export const INDICATOR_COLUMNS = {
  date: ['date', 'day', '日期'],
  code: ['code', 'township_code', 'township', '代码', '乡镇代码', '乡镇街道代码'],
  indicator: ['indicator', 'series', 'id', '指标'],
  value: ['value', '值', '数值'],
} as const;

export interface IndicatorOptions {
  /** The boundaries' township codes; a row with another code is an error. */
  readonly knownCodes: ReadonlySet<string>;
  /** Named in messages about unknown codes. */
  readonly boundariesFile: string;
}

export function parseIndicatorsCsv(text: string, file: string, options: IndicatorOptions): IndicatorRow[] {
  const table = readCsvTable(text, file);
  const col = requireColumns(table, INDICATOR_COLUMNS, file);
  if (table.rows.length === 0) {
    throw new DataError(file, bilingual('has a header but no rows — export the indicator values below it', '只有表头没有数据行，请在表头下导出指标数据'));
  }
  const problems = new ProblemList(file);
  const rows: IndicatorRow[] = [];
  // Duplicates are found by a number per (day, indicator, code), not a string: a year of a province
  // is millions of rows. The day of each distinct date cell and the position of each code are looked
  // up once.
  const codeIndex = new Map<string, number>();
  for (const c of options.knownCodes) codeIndex.set(c, codeIndex.size);
  const C = codeIndex.size;
  const dayOf = new Map<string, { day: string; number: number } | null>();
  const firstLine = new Map<number, number>();
  for (const { line, fields } of table.rows) {
    const rawDate = fields[col.date] ?? '';
    let parsedDay = dayOf.get(rawDate);
    if (parsedDay === undefined) {
      const key = readDay(rawDate);
      parsedDay = key === null ? null : { day: key, number: dayNumberOf(key)! };
      dayOf.set(rawDate, parsedDay);
    }
    if (parsedDay === null) {
      const at = lineAt(line);
      problems.add(
        bilingual(
          `${at.en}, column "date": "${rawDate}" is not a date — write it as ${DATE_FORMS_EN}`,
          `${at.zh}“date”列：“${rawDate}”不是日期，请写成 ${DATE_FORMS_ZH}`,
        ),
      );
      continue;
    }
    const day = parsedDay.day;
    const code = fields[col.code] ?? '';
    const t = CODE.test(code) ? codeIndex.get(code) : undefined;
    if (t === undefined) {
      problems.add(codeProblem(code, lineAt(line), options.knownCodes, options.boundariesFile)!); // not 9 digits, or not a township
      continue;
    }
    const rawIndicator = fields[col.indicator] ?? '';
    const indicator = indicatorId(rawIndicator);
    if (indicator === null) {
      const at = lineAt(line);
      problems.add(
        bilingual(
          `${at.en}, column "indicator": "${rawIndicator}" is not an indicator — use one of ${INDICATOR_LIST}`,
          `${at.zh}“indicator”列：“${rawIndicator}”不是已知指标，请使用 ${INDICATOR_LIST} 之一`,
        ),
      );
      continue;
    }
    const rawValue = fields[col.value] ?? '';
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    if (rawValue === '' || !Number.isFinite(value)) {
      const at = lineAt(line);
      problems.add(
        rawValue === ''
          ? bilingual(`${at.en}, column "value": the value is empty — write a number, or leave the row out if it was not reported`, `${at.zh}“value”列：数值为空，请填写数字；未上报的请删除该行`)
          : bilingual(`${at.en}, column "value": "${rawValue}" is not a number — write digits only (e.g. 12.5), without units`, `${at.zh}“value”列：“${rawValue}”不是数字，请只写数字（如 12.5），不带单位`),
      );
      continue;
    }
    if (value < 0) {
      const at = lineAt(line);
      problems.add(bilingual(`${at.en}, column "value": ${rawValue} is negative — ${indicator} cannot be below 0`, `${at.zh}“value”列：${rawValue} 是负数，${indicator} 不能小于 0`));
      continue;
    }
    const key = (parsedDay.number * DAILY_SERIES.length + SERIES_INDEX.get(indicator)!) * C + t;
    const prev = firstLine.get(key);
    if (prev !== undefined) {
      const at = lineAt(line);
      problems.add(
        bilingual(
          `${at.en}: ${indicator} of ${code} on ${day} is given twice (lines ${prev} and ${line}) — keep one row`,
          `${at.zh}：${code} 在 ${day} 的 ${indicator} 出现了两次（第 ${prev} 行和第 ${line} 行），请只保留一行`,
        ),
      );
      continue;
    }
    firstLine.set(key, line);
    rows.push({ line, day, code, indicator, value });
  }
  problems.throwIfAny();
  return rows;
}
