/**
 * The wall's headline numbers for one date, computed from the same files and engine output as the
 * desk's panels so the two never disagree: townships per level and their change since yesterday,
 * the city index and its change, incidents that day against the 7-day average before it, and the
 * townships under an active geological-hazard warning.
 */
import { DEFAULT_BANDS, type Bands } from '../levels.ts';
import type { LevelsFile } from '../levels-file.ts';
import type { IndexResult } from '../safety-index/index-result.ts';
import { daysBetween } from '../dates.ts';
import { citySeries } from '../timeline.ts';

/** Daily incident counts as the worker's join returns them: `[(day · townships + township) · types + type]`. */
export interface DailyIncidentCounts {
  readonly countsByDay: Uint32Array;
  readonly townships: number;
  readonly typeCount: number;
  readonly startDay: string;
  readonly dayCount: number;
}

export interface Kpis {
  readonly date: string;
  /** Townships per level, red (index 0) … green (4). */
  readonly byLevel: readonly number[];
  /** Change of each count since the day before; null on the first day. */
  readonly byLevelChange: readonly number[] | null;
  readonly cityIndex: number | null;
  readonly cityIndexChange: number | null;
  readonly incidentsToday: number | null;
  /** Mean incidents per day over the 7 days before (fewer at the start of the history). */
  readonly incidentsAverage7: number | null;
  /** Townships where a geological-hazard override rule matched that day; null without the engine. */
  readonly hazardWarnings: number | null;
}

/** Override rules that are geological-hazard warnings: they are driven by rain or geological events. */
export const GEOLOGICAL_INPUTS = new Set(['rainfall', 'geological_event']);

export function computeKpis(levels: LevelsFile, d: number, options: { bands?: Bands; incidents?: DailyIncidentCounts | null; engine?: IndexResult | null } = {}): Kpis {
  const bands = options.bands ?? DEFAULT_BANDS;
  const [yesterday, today] = d > 0 ? citySeries(levels, d - 1, d, bands) : [null, ...citySeries(levels, d, d, bands)];
  if (!today) throw new RangeError(`computeKpis: date index ${d} outside levels.json`);
  const change = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.round((b - a) * 10) / 10);
  return {
    date: today.date,
    byLevel: today.byLevel,
    byLevelChange: yesterday ? today.byLevel.map((n, i) => n - yesterday.byLevel[i]) : null,
    cityIndex: today.index,
    cityIndexChange: yesterday ? change(yesterday.index, today.index) : null,
    ...incidentFigures(options.incidents ?? null, today.date),
    hazardWarnings: options.engine ? hazardWarnings(options.engine, today.date) : null,
  };
}

function incidentFigures(incidents: DailyIncidentCounts | null, date: string): Pick<Kpis, 'incidentsToday' | 'incidentsAverage7'> {
  const day = incidents ? daysBetween(incidents.startDay, date) : Number.NaN;
  if (!incidents || !(day >= 0 && day < incidents.dayCount)) return { incidentsToday: null, incidentsAverage7: null };
  const perDay = incidents.townships * incidents.typeCount;
  const total = (k: number): number => {
    let sum = 0;
    for (let i = k * perDay, end = i + perDay; i < end; i++) sum += incidents.countsByDay[i];
    return sum;
  };
  const before = Array.from({ length: Math.min(7, day) }, (_, i) => total(day - 1 - i));
  return {
    incidentsToday: total(day),
    incidentsAverage7: before.length > 0 ? Math.round((before.reduce((a, b) => a + b, 0) / before.length) * 10) / 10 : null,
  };
}

function hazardWarnings(engine: IndexResult, date: string): number | null {
  const d = daysBetween(engine.startDay, date);
  if (!(d >= 0 && d < engine.dayCount)) return null;
  let mask = 0;
  engine.config.overrides.forEach((rule, k) => {
    if (GEOLOGICAL_INPUTS.has(rule.input)) mask |= 1 << k;
  });
  let n = 0;
  for (let t = 0; t < engine.townships; t++) if ((engine.matched[d * engine.townships + t] & mask) !== 0) n++;
  return n;
}
