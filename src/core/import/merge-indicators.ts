/**
 * An imported indicators CSV on top of the daily inputs on screen: each row replaces its day's value
 * for its township and indicator. Rows for days outside the history are counted, not invented into
 * it (the history's days are the levels file's). Returns new arrays; the input is left as it was.
 */
import type { DailyData } from '../daily-file.ts';
import { daysBetween } from '../dates.ts';
import type { IndicatorRow } from '../indicators/parse-indicators.ts';

export interface MergedIndicators {
  readonly daily: DailyData;
  readonly replaced: number;
  readonly outsideHistory: number;
}

export function mergeIndicators(daily: DailyData, rows: readonly IndicatorRow[]): MergedIndicators {
  const T = daily.codes.length;
  const position = new Map(daily.codes.map((c, t) => [c, t]));
  const series: Partial<Record<string, Float64Array>> = {};
  for (const [id, values] of Object.entries(daily.series)) if (values) series[id] = values.slice();
  let replaced = 0;
  let outsideHistory = 0;
  for (const row of rows) {
    const d = daysBetween(daily.startDay, row.day);
    const t = position.get(row.code);
    if (t === undefined || d < 0 || d >= daily.dayCount) {
      outsideHistory++;
      continue;
    }
    const values = (series[row.indicator] ??= new Float64Array(daily.dayCount * T).fill(Number.NaN));
    values[d * T + t] = row.value;
    replaced++;
  }
  return { daily: { ...daily, series }, replaced, outsideHistory };
}
