/**
 * The date forms a city's spreadsheets actually contain, rewritten into the one form the parsers
 * read (`YYYY-MM-DD[ HH:MM[:SS]]`): Excel and clerks write `2026年11月20日 08:30`, `20/11/2026`,
 * `20-Nov-2026` or `2026.11.20`, and a file whose every row is skipped for that loses a city's history.
 *
 * Slashed, dashed or dotted dates with the year last are read day first (`05/11/2026` is 5 November):
 * the month-first US form is not used in China, and guessing per row would read one column two ways.
 */

import { isValidDate } from './dates.ts';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const TIME = String.raw`(?:[T\s]+(\d{1,2})[:：时](\d{2})分?(?:[:：](\d{2})(?:\.\d{1,9})?秒?)?)?`;
const CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[\s/-]([A-Za-z]{3,9})\.?[\s/-](\d{4})${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{4})\.(\d{1,2})\.(\d{1,2})${TIME}$`);

const pad = (n: string | number): string => String(n).padStart(2, '0');

function withTime(y: string | number, mo: string | number, d: string | number, hh?: string, mi?: string, ss?: string): string {
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (hh === undefined) return date;
  return `${date} ${pad(hh)}:${mi}${ss === undefined ? '' : `:${ss}`}`;
}

/**
 * `s` rewritten as `YYYY-MM-DD[ HH:MM[:SS]]` when it is one of the other accepted forms, else null
 * (ISO forms are left to the caller, which reads them directly). The calendar is not checked here.
 */
export function normalizeDateForm(s: string): string | null {
  const t = s.trim();
  let m = CHINESE.exec(t);
  if (m) return withTime(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6]);
  m = DAY_FIRST.exec(t);
  if (m) return withTime(m[4]!, m[3]!, m[1]!, m[5], m[6], m[7]);
  m = MONTH_NAME.exec(t);
  if (m) {
    const mo = MONTHS[m[2]!.toLowerCase()] ?? (m[2]!.length > 3 ? MONTHS[m[2]!.slice(0, 3).toLowerCase()] : undefined);
    return mo === undefined ? null : withTime(m[3]!, mo, m[1]!, m[4], m[5], m[6]);
  }
  m = DOTTED.exec(t);
  if (m) return withTime(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6]);
  return null;
}

/** The accepted forms, as told to a clerk whose date could not be read. */
export const DATE_FORMS_EN = '2026-11-20, 2026/11/20, 2026年11月20日, 20/11/2026 (day first) or 20-Nov-2026';
export const DATE_FORMS_ZH = '2026-11-20、2026/11/20、2026年11月20日、20/11/2026（日在前）或 20-Nov-2026';

const ISO_DAY = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s].*)?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A calendar day (`YYYY-MM-DD`) from a spreadsheet cell in any accepted form, a time after it
 * ignored (Excel often appends ` 00:00:00`); null when it is not a real date.
 */
export function readDay(s: string): string | null {
  const t = s.trim();
  const m = ISO_DAY.exec(t) ?? COMPACT_DAY.exec(t) ?? ISO_DAY.exec(normalizeDateForm(t) ?? '');
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) return null;
  return `${m[1]}-${pad(mo)}-${pad(d)}`;
}
