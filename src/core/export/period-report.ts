/**
 * The period report (月报 / 周报): what the city's monthly Safety Report asks of a range of days.
 *
 * - per county (and the city): the mean index of its townships on each day (the trend) and the
 *   township-days at each level — "days per level" counted per township, so a county of 20
 *   townships has 20 × days of them;
 * - the townships most often red or orange (most such days first, then most red days), and why: the domains that took most index points off
 *   on those days (mean of weight · risk), and the override rules that capped them;
 * - incidents by type in the period against the previous period of the same length, with how many
 *   days of each the incident history covers (a comparison with a partly covered period says so);
 * - the gap list's recurring entries: townships on the "high risk, low coverage" list on 2 or more
 *   days of the period.
 *
 * Pure: the gap list of each day is computed by the caller (it needs the overlays) and passed in.
 */
import type { Boundaries } from '../boundaries/boundaries.ts';
import { addDays, daysBetween } from '../dates.ts';
import { INCIDENT_TYPES, type IncidentType } from '../incidents/incident-types.ts';
import { classifyIndex, DEFAULT_BANDS, type Bands } from '../levels.ts';
import type { LevelsFile } from '../levels-file.ts';
import { DOMAINS } from '../safety-index/domains.ts';
import type { IndexResult } from '../safety-index/index-result.ts';
import type { DailyIncidentCounts } from '../wall/kpis.ts';
import type { DomainShare } from './bulletin.ts';

export interface AreaPeriod {
  /** County code, or the region's code for the city row. */
  readonly code: string;
  readonly name: string;
  readonly townships: number;
  /** Mean index of the area's townships on each of the report's dates (null: none had a value). */
  readonly trend: readonly (number | null)[];
  /** Mean over the period of the daily means. */
  readonly mean: number | null;
  /** Last value of the trend minus the first (both present), else null. */
  readonly change: number | null;
  /** Township-days per level, red (0) … green (4). */
  readonly levelDays: readonly [number, number, number, number, number];
  readonly noDataDays: number;
}

export interface Hotspot {
  readonly code: string;
  readonly red: number;
  readonly orange: number;
  readonly meanIndex: number | null;
  /** Domains taking most off the index on the red and orange days (mean points), largest first. */
  readonly domains: readonly DomainShare[];
  /** Override rules that capped the township on those days, by label, most frequent first. */
  readonly overrides: readonly { readonly label: string; readonly days: number }[];
}

export interface IncidentComparison {
  readonly previousFrom: string;
  readonly previousTo: string;
  /** Days of each period the incident history covers (less than `days`: a partial count). */
  readonly currentDays: number;
  readonly previousDays: number;
  readonly byType: readonly { readonly type: IncidentType; readonly current: number; readonly previous: number }[];
  readonly current: number;
  readonly previous: number;
}

export interface RecurringGap {
  readonly code: string;
  readonly days: number;
  readonly first: string;
  readonly last: string;
}

export interface PeriodReport {
  readonly from: string;
  readonly to: string;
  /** The levels file's dates in [from, to]. */
  readonly dates: readonly string[];
  /** Calendar days in [from, to] (the length of the previous period too). */
  readonly days: number;
  readonly city: AreaPeriod;
  readonly counties: readonly AreaPeriod[];
  readonly hotspots: readonly Hotspot[];
  readonly incidents: IncidentComparison | null;
  readonly recurringGaps: readonly RecurringGap[] | null;
}

export interface PeriodReportInput {
  readonly boundaries: Boundaries;
  readonly levels: LevelsFile;
  readonly from: string;
  readonly to: string;
  readonly region?: { readonly code: string; readonly name: string };
  readonly bands?: Bands;
  readonly engine?: IndexResult | null;
  /** Joined daily counts, townships in the boundaries' feature order. */
  readonly incidents?: DailyIncidentCounts | null;
  /** Each day's gap list (codes), null when the overlays are not loaded. */
  readonly gapDays?: readonly { readonly date: string; readonly codes: readonly string[] }[] | null;
  /** How many hotspots to list (default 10). */
  readonly hotspots?: number;
  readonly maxDomains?: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function periodReport(input: PeriodReportInput): PeriodReport {
  const { boundaries, levels, from, to } = input;
  const bands = input.bands ?? DEFAULT_BANDS;
  const days = daysBetween(from, to) + 1;
  if (!(days >= 1)) throw new RangeError(`periodReport: ${from} – ${to} is not a range of days`);
  const dayRows = levels.dates.flatMap((date, d) => (date >= from && date <= to ? [d] : []));
  const dates = dayRows.map((d) => levels.dates[d]);
  const column = new Map(levels.codes.map((c, t) => [c, t]));
  const features = boundaries.townships.features;

  const area = (code: string, name: string, members: readonly string[]): AreaPeriod => {
    const cols = members.map((c) => column.get(c)).filter((t): t is number => t !== undefined);
    const levelDays: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    let noDataDays = (members.length - cols.length) * dayRows.length;
    const trend = dayRows.map((d) => {
      let sum = 0;
      let n = 0;
      for (const t of cols) {
        const v = levels.index[d][t];
        const level = classifyIndex(v, bands);
        if (level === null || v === null) {
          noDataDays++;
          continue;
        }
        levelDays[level - 1]++;
        sum += v;
        n++;
      }
      return n > 0 ? round1(sum / n) : null;
    });
    const present = trend.filter((v): v is number => v !== null);
    const first = trend[0] ?? null;
    const last = trend[trend.length - 1] ?? null;
    return {
      code,
      name,
      townships: members.length,
      trend,
      mean: present.length > 0 ? round1(present.reduce((a, b) => a + b, 0) / present.length) : null,
      change: first !== null && last !== null ? round1(last - first) : null,
      levelDays,
      noDataDays,
    };
  };

  const allCodes = features.map((f) => f.properties.code);
  const region = input.region ?? { code: '', name: '' };
  const city = area(region.code, region.name, allCodes);
  const counties = boundaries.counties.map((county) =>
    area(
      county.code,
      county.name,
      features.filter((f) => f.properties.countyCode === county.code).map((f) => f.properties.code),
    ),
  );

  return {
    from,
    to,
    dates,
    days,
    city,
    counties,
    hotspots: hotspots(allCodes, dayRows, levels, column, bands, input.engine ?? null, input.hotspots ?? 10, input.maxDomains ?? 2),
    incidents: input.incidents ? compareIncidents(input.incidents, from, to, days) : null,
    recurringGaps: input.gapDays ? recurringGaps(input.gapDays, from, to) : null,
  };
}

function hotspots(
  codes: readonly string[],
  dayRows: readonly number[],
  levels: LevelsFile,
  column: ReadonlyMap<string, number>,
  bands: Bands,
  engine: IndexResult | null,
  limit: number,
  maxDomains: number,
): Hotspot[] {
  const engineT = engine ? new Map(engine.codes.map((c, t) => [c, t])) : null;
  const out: Hotspot[] = [];
  for (const code of codes) {
    const t = column.get(code);
    if (t === undefined) continue;
    let red = 0;
    let orange = 0;
    let sum = 0;
    let n = 0;
    const points = DOMAINS.map(() => 0);
    let engineDays = 0;
    const overrides = new Map<string, number>();
    for (const d of dayRows) {
      const v = levels.index[d][t];
      if (v === null) continue;
      sum += v;
      n++;
      const level = classifyIndex(v, bands);
      if (level !== 1 && level !== 2) continue;
      if (level === 1) red++;
      else orange++;
      const et = engineT?.get(code);
      const ed = engine ? daysBetween(engine.startDay, levels.dates[d]) : -1;
      if (!engine || et === undefined || !(ed >= 0 && ed < engine.dayCount)) continue;
      const i = ed * engine.townships + et;
      DOMAINS.forEach((id, k) => (points[k] += engine.config.domains[id].weight * engine.risk[i * DOMAINS.length + k]));
      engineDays++;
      const r = engine.override[i];
      if (r >= 0) {
        const label = engine.config.overrides[r].label;
        overrides.set(label, (overrides.get(label) ?? 0) + 1);
      }
    }
    if (red + orange === 0) continue;
    const domains =
      engineDays > 0
        ? DOMAINS.map((id, k) => ({ id, points: round1(points[k] / engineDays) }))
            .filter((s) => s.points >= 1)
            .sort((a, b) => b.points - a.points)
            .slice(0, maxDomains)
        : [];
    out.push({
      code,
      red,
      orange,
      meanIndex: n > 0 ? round1(sum / n) : null,
      domains,
      overrides: [...overrides].map(([label, days]) => ({ label, days })).sort((a, b) => b.days - a.days || a.label.localeCompare(b.label)),
    });
  }
  out.sort((a, b) => b.red + b.orange - (a.red + a.orange) || b.red - a.red || (a.meanIndex ?? 100) - (b.meanIndex ?? 100) || a.code.localeCompare(b.code));
  return out.slice(0, limit);
}

function compareIncidents(incidents: DailyIncidentCounts, from: string, to: string, days: number): IncidentComparison {
  const previousFrom = addDays(from, -days);
  const previousTo = addDays(from, -1);
  const { countsByDay, townships, typeCount, dayCount } = incidents;
  const sum = (start: string, end: string): { counts: number[]; covered: number } => {
    const a = Math.max(0, daysBetween(incidents.startDay, start));
    const b = Math.min(dayCount - 1, daysBetween(incidents.startDay, end));
    const counts = new Array<number>(typeCount).fill(0);
    for (let d = a; d <= b; d++) {
      for (let t = 0; t < townships; t++) {
        const base = (d * townships + t) * typeCount;
        for (let k = 0; k < typeCount; k++) counts[k] += countsByDay[base + k];
      }
    }
    return { counts, covered: Math.max(0, b - a + 1) };
  };
  const current = sum(from, to);
  const previous = sum(previousFrom, previousTo);
  const byType = INCIDENT_TYPES.slice(0, typeCount).map((type, k) => ({ type, current: current.counts[k], previous: previous.counts[k] }));
  const total = (c: number[]): number => c.reduce((a, b) => a + b, 0);
  return {
    previousFrom,
    previousTo,
    currentDays: current.covered,
    previousDays: previous.covered,
    byType,
    current: total(current.counts),
    previous: total(previous.counts),
  };
}

function recurringGaps(gapDays: readonly { date: string; codes: readonly string[] }[], from: string, to: string): RecurringGap[] {
  const seen = new Map<string, { days: number; first: string; last: string }>();
  for (const { date, codes } of gapDays) {
    if (date < from || date > to) continue;
    for (const code of new Set(codes)) {
      const entry = seen.get(code);
      if (!entry) seen.set(code, { days: 1, first: date, last: date });
      else {
        entry.days++;
        if (date < entry.first) entry.first = date;
        if (date > entry.last) entry.last = date;
      }
    }
  }
  return [...seen]
    .filter(([, e]) => e.days >= 2)
    .map(([code, e]) => ({ code, ...e }))
    .sort((a, b) => b.days - a.days || a.code.localeCompare(b.code));
}
