/**
 * # "High risk, low coverage": townships where danger and help do not meet, for one date
 *
 * A township is listed when its emergency-team coverage share is below
 * `highRiskLowCoverage.coverageBelow` and either
 * - its level that day is red or orange (`level ≤ maxLevel`, default 2) — reason `"level"`, or
 * - its high-susceptibility area share is above `highShareAbove` and its rainfall that day is at
 *   least `heavyRainMm` — reason `"rain"` (both reasons can apply).
 *
 * Each entry carries the nearest team to the township's seat with the straight-line distance and
 * estimated time ({@link nearestTeam}). Severity (the sort key, descending; ties by code):
 *
 *     (level 1: 3, level 2: 2, otherwise 0) + (rain reason: 1 + highShare) + (1 − coverage)
 *
 * so red before orange before rain-only, and within each the less covered first.
 */
import type { Feature, Point } from 'geojson';
import { nearestTeam, type NearestTeam } from './nearest-team.ts';
import type { OverlaysConfig, TeamProperties } from './types.ts';

export interface GapInputs {
  /** Township codes (the order of every per-township array). */
  codes: readonly string[];
  /** Optional names, for display. */
  names?: readonly string[];
  /** Level (1 = red … 5 = green, null = none) of each township on the date. */
  levels: ArrayLike<number | null>;
  /** Rainfall (mm) of each township on the date; absent = no rain reason. */
  rainfall?: ArrayLike<number | null> | null;
  /** Share of each township's area in the high susceptibility class. */
  highShare: ArrayLike<number>;
  /** Share of each township's area covered by teams. */
  coverage: ArrayLike<number>;
  /** Each township's seat [lon, lat]. */
  seats: readonly (readonly number[])[];
  teams: readonly Feature<Point, TeamProperties>[];
  config: OverlaysConfig;
}

export type GapReason = 'level' | 'rain';

export interface GapEntry {
  /** Index into `codes`. */
  township: number;
  code: string;
  name: string | null;
  level: number | null;
  rainfall: number | null;
  highShare: number;
  coverage: number;
  reasons: GapReason[];
  severity: number;
  nearest: NearestTeam | null;
}

export function gapList(inputs: GapInputs): GapEntry[] {
  const { codes, levels, rainfall, highShare, coverage, seats, teams, config } = inputs;
  const rule = config.highRiskLowCoverage;
  const out: GapEntry[] = [];
  for (let t = 0; t < codes.length; t++) {
    const cov = coverage[t]!;
    if (!(cov < rule.coverageBelow)) continue;
    const level = levels[t] ?? null;
    const rain = rainfall ? (rainfall[t] ?? null) : null;
    const high = highShare[t]!;
    const reasons: GapReason[] = [];
    if (level !== null && level <= rule.maxLevel) reasons.push('level');
    if (rain !== null && rain >= rule.heavyRainMm && high > rule.highShareAbove) reasons.push('rain');
    if (reasons.length === 0) continue;
    const severity = (level === 1 ? 3 : level === 2 ? 2 : 0) + (reasons.includes('rain') ? 1 + high : 0) + (1 - cov);
    out.push({
      township: t,
      code: codes[t]!,
      name: inputs.names?.[t] ?? null,
      level,
      rainfall: rain,
      highShare: high,
      coverage: cov,
      reasons,
      severity,
      nearest: nearestTeam(seats[t]!, teams, config),
    });
  }
  return out.sort((a, b) => b.severity - a.severity || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
