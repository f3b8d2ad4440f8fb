import { bilingual, DataError } from '../data-error.ts';
import { DEFAULT_UTC_OFFSET_MINUTES, dayNumberAt, dayNumberOf, formatDayNumber } from '../dates.ts';
import { INCIDENTS_BIN_MAX_DAYS } from './incidents-bin.ts';

/** Incident times as calendar-day offsets, the layout of incidents.bin and of `joinPoints(…, days, dayCount)`. */
export interface DayBuckets {
  /** Day offset per incident from `startDay`, 0 … dayCount − 1. */
  readonly days: Uint16Array;
  /** The first day (`YYYY-MM-DD`); 1970-01-01 when there are no times. */
  readonly startDay: string;
  /** Days from the first to the last incident, both included (0 without incidents). */
  readonly dayCount: number;
}

/**
 * Bucket epoch-millisecond times into calendar days in the time zone `utcOffsetMinutes` (default
 * UTC+8, so a count's date is the date in Beijing), as offsets from the first day. Times spanning
 * more days than incidents.bin can hold, or outside years 0 … 9999, are a DataError naming `file`.
 */
export function bucketDays(times: Float64Array, file: string, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): DayBuckets {
  const n = times.length;
  if (n === 0) return { days: new Uint16Array(0), startDay: formatDayNumber(0), dayCount: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = dayNumberAt(times[i]!, utcOffsetMinutes);
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const dayCount = max - min + 1;
  if (dayCount > INCIDENTS_BIN_MAX_DAYS) {
    const [from, to] = [formatDayNumber(min), formatDayNumber(max)];
    throw new DataError(
      file,
      bilingual(
        `times span ${dayCount} days (${from} … ${to}); at most ${INCIDENTS_BIN_MAX_DAYS} are supported — check the dates (a wrong year?) or split the file`,
        `事件时间跨度 ${dayCount} 天（${from} … ${to}），最多支持 ${INCIDENTS_BIN_MAX_DAYS} 天；请核对日期（年份是否写错？）或拆分文件`,
      ),
    );
  }
  const startDay = formatDayNumber(min);
  if (dayNumberOf(startDay) !== min) throw new DataError(file, bilingual(`times before year 0 or after 9999 (${startDay}) — check the dates`, `有事件时间早于公元 0 年或晚于 9999 年（${startDay}），请核对日期`));
  const days = new Uint16Array(n);
  for (let i = 0; i < n; i++) days[i] = dayNumberAt(times[i]!, utcOffsetMinutes) - min;
  return { days, startDay, dayCount };
}
