import { DEFAULT_UTC_OFFSET_MINUTES, isValidDate } from '../dates.ts';
import { normalizeDateForm } from '../date-forms.ts';

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Parse an incident time into epoch milliseconds, NaN when it cannot be read. Accepted:
 * - `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.fff]]`, `YYYY-MM-DDTHH:MM…` (also with `/` between date
 *   parts), optionally followed by `Z` or an offset `±HH[:MM]`. Without an offset the time is read
 *   in `utcOffsetMinutes` (default UTC+8, Beijing time).
 * - `YYYYMMDD` (8 digits, years 1900–2999): that date at 00:00 in `utcOffsetMinutes`.
 * - other numbers: epoch milliseconds when |n| ≥ 1e11, else epoch seconds.
 * - the spreadsheet forms of date-forms.ts (`2026年11月20日 08:30`, `20/11/2026` day first,
 *   `20-Nov-2026`, `2026.11.20`), read like the ISO form they stand for.
 */
export function parseTime(value: string | number, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  if (typeof value === 'number') return numericTime(value, utcOffsetMinutes);
  const s = value.trim();
  if (s === '') return NaN;
  if (NUMERIC.test(s)) return numericTime(Number(s), utcOffsetMinutes, s);
  let m = ISO.exec(s);
  if (m === null) {
    const normalized = normalizeDateForm(s);
    m = normalized === null ? null : ISO.exec(normalized);
  }
  if (m === null) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const hh = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const ss = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (!isValidDate(y, mo, d) || hh > 23 || mi > 59 || ss > 59) return NaN;
  let offset = utcOffsetMinutes;
  const z = m[8];
  if (z !== undefined) {
    if (z === 'Z' || z === 'z') offset = 0;
    else {
      const sign = z[0] === '-' ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
      if (oh > 14 || om > 59) return NaN;
      offset = sign * (oh * 60 + om);
    }
  }
  return Date.UTC(y, mo - 1, d, hh, mi, ss, ms) - offset * 60000;
}

function numericTime(n: number, utcOffsetMinutes: number, text?: string): number {
  if (!Number.isFinite(n)) return NaN;
  if (text !== undefined && /^\d{8}$/.test(text) && n >= 19000101 && n <= 29991231) {
    const y = Math.floor(n / 10000);
    const mo = Math.floor(n / 100) % 100;
    const d = n % 100;
    return isValidDate(y, mo, d) ? Date.UTC(y, mo - 1, d) - utcOffsetMinutes * 60000 : NaN;
  }
  return Math.abs(n) >= 1e11 ? n : n * 1000;
}
