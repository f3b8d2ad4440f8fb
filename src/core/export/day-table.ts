/**
 * The day's table, one row per township, as the export writes it (CSV and GeoJSON properties):
 * identity, index and level, each domain's risk sub-score, the override that capped it, incident
 * counts by type over the window shown, and the overlay shares. Values are the engine's and the
 * files' own, never recomputed here, so an export equals what the screen shows.
 */
import type { Boundaries } from '../boundaries/boundaries.ts';
import { daysBetween } from '../dates.ts';
import { INCIDENT_TYPES } from '../incidents/incident-types.ts';
import { townshipCounts } from '../incidents/incident-view.ts';
import { classifyIndex, DEFAULT_BANDS, levelInfo, type Bands } from '../levels.ts';
import type { LevelsFile } from '../levels-file.ts';
import type { IndexResult } from '../safety-index/index-result.ts';
import { DOMAINS } from '../safety-index/domains.ts';
import { townshipDay } from '../safety-index/explain.ts';
import type { DailyIncidentCounts } from '../wall/kpis.ts';
import type { Cell } from './csv.ts';

export interface TownshipShares {
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly covered: number;
}

export interface DayTableInput {
  readonly boundaries: Boundaries;
  readonly levels: LevelsFile;
  readonly date: string;
  readonly bands?: Bands;
  readonly engine?: IndexResult | null;
  readonly incidents?: DailyIncidentCounts | null;
  /** Days of incidents counted, ending on `date` (the window the map and the panel show). */
  readonly incidentWindowDays?: number;
  readonly shares?: ReadonlyMap<string, TownshipShares> | null;
}

export const DAY_TABLE_COLUMNS = [
  'code',
  'township',
  'county',
  'date',
  'index',
  'level',
  'level_name',
  ...DOMAINS.map((d) => `risk_${d}`),
  'override',
  ...INCIDENT_TYPES.map((t) => `incidents_${t}`),
  'hazard_high_share',
  'hazard_medium_share',
  'hazard_low_share',
  'coverage_share',
] as const;

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** Rows in the boundaries' order; a value the data does not have is null (an empty CSV cell). */
export function dayTable(input: DayTableInput): Cell[][] {
  const { boundaries, levels, date, engine, incidents, shares } = input;
  const bands = input.bands ?? DEFAULT_BANDS;
  const d = levels.dates.indexOf(date);
  if (d < 0) throw new RangeError(`dayTable: ${date} is not in levels.json`);
  const column = new Map(levels.codes.map((c, t) => [c, t]));
  const engineDay = engine ? daysBetween(engine.startDay, date) : Number.NaN;
  const engineT = engine ? new Map(engine.codes.map((c, t) => [c, t])) : null;
  const incidentDay = incidents ? daysBetween(incidents.startDay, date) : Number.NaN;
  const windowDays = input.incidentWindowDays ?? 7;

  return boundaries.townships.features.map((feature, i): Cell[] => {
    const { code, name, countyName } = feature.properties;
    const t = column.get(code);
    const index = t === undefined ? null : levels.index[d][t];
    const level = classifyIndex(index, bands);
    const et = engineT?.get(code);
    // The panel's own explanation, so the export shows the same sub-scores to the digit.
    const explained = engine && et !== undefined && engineDay >= 0 && engineDay < engine.dayCount ? townshipDay(engine, et, engineDay) : null;
    const risks = DOMAINS.map((_, k) => (explained ? round(explained.domains[k].risk, 1) : null));
    const counts =
      incidents && incidentDay >= 0 && incidentDay < incidents.dayCount
        ? townshipCounts(incidents.countsByDay, incidents.townships, incidents.typeCount, i, incidentDay - windowDays + 1, incidentDay)
        : INCIDENT_TYPES.map(() => null);
    const s = shares?.get(code);
    return [
      code,
      name,
      countyName,
      date,
      index,
      level,
      level ? levelInfo(level).zh : null,
      ...risks,
      explained?.override?.id ?? null,
      ...counts,
      s ? round(s.high, 4) : null,
      s ? round(s.medium, 4) : null,
      s ? round(s.low, 4) : null,
      s ? round(s.covered, 4) : null,
    ];
  });
}

/** Township × date: code, township, county, date, index, level for every date in [from, to]. */
export function rangeTable(boundaries: Boundaries, levels: LevelsFile, from: string, to: string, bands: Bands = DEFAULT_BANDS): Cell[][] {
  const column = new Map(levels.codes.map((c, t) => [c, t]));
  const rows: Cell[][] = [];
  levels.dates.forEach((date, d) => {
    if (date < from || date > to) return;
    for (const { properties: p } of boundaries.townships.features) {
      const t = column.get(p.code);
      const index = t === undefined ? null : levels.index[d][t];
      rows.push([p.code, p.name, p.countyName, date, index, classifyIndex(index, bands)]);
    }
  });
  return rows;
}

export const RANGE_TABLE_COLUMNS = ['code', 'township', 'county', 'date', 'index', 'level'] as const;
