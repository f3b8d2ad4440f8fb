/**
 * Indicator rows and population → daily.json (the columnar file the app and the engine read), for
 * the township order of the boundaries and the days of the history. A value not reported stays
 * `null` (the engine's "missing"), never 0; a township without a population gets `null` (no index).
 */
import { addDays, daysBetween } from '../dates.ts';
import { DAILY_SERIES, type DailyFileJson } from '../daily-file.ts';
import type { IndicatorRow } from './parse-indicators.ts';

export function toDailyFile(rows: readonly IndicatorRow[], population: ReadonlyMap<string, number>, codes: readonly string[], startDay: string, dayCount: number): DailyFileJson {
  const T = codes.length;
  const col = new Map(codes.map((c, t) => [c, t]));
  const present = new Set(rows.map((r) => r.indicator));
  const series: Record<string, (number | null)[][]> = {};
  for (const id of DAILY_SERIES) {
    if (present.has(id)) series[id] = Array.from({ length: dayCount }, () => new Array<number | null>(T).fill(null));
  }
  const dayOf = new Map<string, number>(); // rows share a few day strings; parse each once
  for (const r of rows) {
    let d = dayOf.get(r.day);
    if (d === undefined) dayOf.set(r.day, (d = daysBetween(startDay, r.day)));
    const t = col.get(r.code);
    if (d < 0 || d >= dayCount || t === undefined) throw new RangeError(`toDailyFile: row at line ${r.line} is outside the history or the townships`);
    series[r.indicator]![d]![t] = r.value;
  }
  return {
    version: 1,
    startDay,
    dayCount,
    codes: [...codes],
    population: codes.map((c) => population.get(c) ?? null),
    series,
  };
}

/** The days `startDay … startDay + dayCount − 1`. */
export function historyDays(startDay: string, dayCount: number): string[] {
  return Array.from({ length: dayCount }, (_, d) => addDays(startDay, d));
}
