import { dayNumberOf } from './incidents/incidents-bin.ts';
import { formatDayNumber } from './incidents/bucket-days.ts';

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
