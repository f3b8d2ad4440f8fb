/**
 * Assemble {@link IndexInputs} from what the app loads — daily.json (parsed), the join's counts per
 * day, and optionally the overlays' area shares — aligned to one list of township codes (the
 * boundaries' order) and daily.json's days.
 */
import type { DailyData } from '../daily-file.ts';
import { INCIDENT_TYPE_COUNT } from '../incidents/incident-types.ts';
import type { IndexInputs } from './index-inputs.ts';
import { daysBetween } from '../dates.ts';

export interface JoinedCounts {
  /** `[(d · codes.length + t) · typeCount + type]` */
  readonly countsByDay: Uint32Array;
  readonly codes: readonly string[];
  readonly startDay: string;
  readonly dayCount: number;
  readonly typeCount: number;
}

export interface AssembleOptions {
  /** Township order of the result (default: daily.json's codes). Codes missing from daily.json get no population (no index). */
  readonly codes?: readonly string[];
  /** Incident counts from the join; days outside daily.json's range are ignored, days it does not cover count 0. */
  readonly incidents?: JoinedCounts | null;
  readonly hazardShares?: { readonly codes: readonly string[]; readonly high: ArrayLike<number>; readonly medium: ArrayLike<number> } | null;
  readonly coverage?: { readonly codes: readonly string[]; readonly share: ArrayLike<number> } | null;
}

export function assembleIndexInputs(daily: DailyData, options: AssembleOptions = {}): IndexInputs {
  const codes = options.codes ?? daily.codes;
  const T = codes.length;
  const D = daily.dayCount;
  const dailyPos = positions(daily.codes);
  const map = Int32Array.from(codes, (c) => dailyPos.get(c) ?? -1);
  const identity = map.every((v, t) => v === t) && daily.codes.length === T;

  const population = new Float64Array(T);
  for (let t = 0; t < T; t++) population[t] = map[t]! >= 0 ? daily.population[map[t]!]! : Number.NaN;

  const series: Record<string, Float64Array> = {};
  for (const [id, values] of Object.entries(daily.series)) {
    if (!values) continue;
    if (identity) {
      series[id] = values;
      continue;
    }
    const out = new Float64Array(D * T).fill(Number.NaN);
    const S = daily.codes.length;
    for (let d = 0; d < D; d++) for (let t = 0; t < T; t++) if (map[t]! >= 0) out[d * T + t] = values[d * S + map[t]!]!;
    series[id] = out;
  }

  let incidents: IndexInputs['incidents'] = null;
  const inc = options.incidents;
  if (inc) {
    const C = INCIDENT_TYPE_COUNT;
    const counts = new Uint32Array(D * T * C);
    const joinPos = positions(inc.codes);
    const jmap = Int32Array.from(codes, (c) => joinPos.get(c) ?? -1);
    const shift = daysBetween(daily.startDay, inc.startDay); // join day j = daily day j + shift
    const J = inc.codes.length;
    const types = Math.min(C, inc.typeCount);
    for (let d = 0; d < D; d++) {
      const j = d - shift;
      if (j < 0 || j >= inc.dayCount) continue;
      for (let t = 0; t < T; t++) {
        const s = jmap[t]!;
        if (s < 0) continue;
        for (let k = 0; k < types; k++) counts[(d * T + t) * C + k] = inc.countsByDay[(j * J + s) * inc.typeCount + k]!;
      }
    }
    incidents = { counts, typeCount: C };
  }

  let hazardShares: IndexInputs['hazardShares'] = null;
  if (options.hazardShares) {
    const pos = positions(options.hazardShares.codes);
    const high = new Float64Array(T).fill(Number.NaN);
    const medium = new Float64Array(T).fill(Number.NaN);
    codes.forEach((c, t) => {
      const s = pos.get(c);
      if (s !== undefined) {
        high[t] = options.hazardShares!.high[s]!;
        medium[t] = options.hazardShares!.medium[s]!;
      }
    });
    hazardShares = { high, medium };
  }
  let coverage: Float64Array | null = null;
  if (options.coverage) {
    const pos = positions(options.coverage.codes);
    coverage = new Float64Array(T).fill(Number.NaN);
    codes.forEach((c, t) => {
      const s = pos.get(c);
      if (s !== undefined) coverage![t] = options.coverage!.share[s]!;
    });
  }
  return { codes, startDay: daily.startDay, dayCount: D, population, incidents, series, hazardShares, coverage };
}

function positions(codes: readonly string[]): Map<string, number> {
  return new Map(codes.map((c, i) => [c, i]));
}
