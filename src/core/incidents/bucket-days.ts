import { DEFAULT_UTC_OFFSET_MINUTES } from './parse-time';

const DAY_MS = 86_400_000;

/** Days of incident times, for `joinPoints(…, days, dayCount)`. */
export interface DayBuckets {
  /** Day index per point into `dayKeys`; −1 for a NaN time. */
  readonly days: Int32Array;
  /** The distinct calendar days, ascending, as `YYYY-MM-DD`. */
  readonly dayKeys: string[];
}

/**
 * Bucket epoch-millisecond times into calendar days in the time zone `utcOffsetMinutes`
 * (default UTC+8, so a count's date is the date in Beijing).
 */
export function bucketDays(times: Float64Array, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): DayBuckets {
  const n = times.length;
  const dayNumber = new Float64Array(n);
  const distinct = new Set<number>();
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    const d = Number.isFinite(t) ? Math.floor((t + utcOffsetMinutes * 60000) / DAY_MS) : NaN;
    dayNumber[i] = d;
    if (d === d) distinct.add(d);
  }
  const sorted = [...distinct].sort((a, b) => a - b);
  const position = new Map<number, number>();
  sorted.forEach((d, i) => position.set(d, i));
  const days = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = dayNumber[i]!;
    days[i] = d === d ? position.get(d)! : -1;
  }
  return { days, dayKeys: sorted.map(formatDayNumber) };
}

/** The calendar date (`YYYY-MM-DD`) of an epoch-millisecond time in the given time zone. */
export function dayKeyOf(time: number, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  return formatDayNumber(Math.floor((time + utcOffsetMinutes * 60000) / DAY_MS));
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function formatDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
