/**
 * Calendar days: the one place that turns dates (`YYYY-MM-DD`) and times (epoch ms) into day
 * numbers (days since 1970-01-01) and back. Every file counts days the same way, so a date step in
 * the app, a day offset in incidents.bin and a row of the counts CSV always agree.
 */

export const DAY_MS = 86_400_000;

/** Default time zone of incident times without an offset and of calendar days: UTC+8 (Beijing). */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when y-mo-d (month 1 … 12) is a real calendar date. */
export function isValidDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`, else null. */
export function dayNumberOf(key: string): number | null {
  const m = DAY_KEY.exec(key);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 … 99 as 1900 … 1999.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getTime() / DAY_MS;
}

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isDayKey(s: string): boolean {
  return dayNumberOf(s) !== null;
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function formatDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of an epoch-millisecond time in the time zone `utcOffsetMinutes`. */
export function dayNumberAt(time: number, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return Math.floor((time + utcOffsetMinutes * 60_000) / DAY_MS);
}

/** The calendar date (`YYYY-MM-DD`) of an epoch-millisecond time in the given time zone. */
export function dayKeyOf(time: number, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  return formatDayNumber(dayNumberAt(time, utcOffsetMinutes));
}

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(day: string, n: number): string {
  const base = dayNumberOf(day);
  if (base === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(day)}`);
  return formatDayNumber(base + n);
}

/** Days from `from` to `to` (both `YYYY-MM-DD`); NaN when either is not a date. */
export function daysBetween(from: string, to: string): number {
  const a = dayNumberOf(from);
  const b = dayNumberOf(to);
  return a === null || b === null ? Number.NaN : b - a;
}

/** The weekday of a `YYYY-MM-DD` (0 Sunday … 6 Saturday). */
export function weekdayOf(day: string): number {
  const n = dayNumberOf(day);
  if (n === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(day)}`);
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
