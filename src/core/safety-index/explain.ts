/**
 * The object API at the edges of the engine: one township on one day, explained (what the panel
 * shows), and what moved it since the previous day.
 */
import { addDays, daysBetween } from '../dates.ts';
import { DOMAIN_COUNT, DOMAINS, TERM_COUNT, TERMS, type DomainId } from './domains.ts';
import { FLAG_COVERAGE_DEFAULT, FLAG_EXPOSURE_DEFAULT, FLAG_NO_INDEX, FLAG_NO_POPULATION, type IndexResult } from './index-result.ts';
import { termRawValue } from './input-sources.ts';
import type { Level } from '../levels.ts';
import type { WindowKind } from './config.ts';

export interface TermBreakdown {
  readonly id: string;
  /** The raw input that day (incidents, mm, open backlog, uncovered share); null = not reported. */
  readonly today: number | null;
  /** After window, per 10k and exposure: what is compared with the reference. */
  readonly value: number;
  readonly reference: number;
  /** value / reference: this term's part of the domain load. */
  readonly load: number;
  readonly per10k: boolean;
  readonly window: WindowKind;
  /** The term had missing data (null reports, or no source at all). */
  readonly missing: boolean;
}

export interface DomainBreakdown {
  readonly id: DomainId;
  readonly weight: number;
  /** Sub-score: risk 0–100. */
  readonly risk: number;
  readonly load: number;
  /** Index points this domain takes off: weight · risk. */
  readonly contribution: number;
  readonly terms: TermBreakdown[];
}

export interface TownshipDay {
  readonly code: string;
  readonly date: string;
  /** Published index (after overrides); null = no index. */
  readonly index: number | null;
  /** Index before overrides. */
  readonly rawIndex: number | null;
  readonly level: Level | null;
  /** The rule that capped the level, if any. */
  readonly override: { readonly id: string; readonly label: string; readonly maxLevel: Level } | null;
  /** Every rule that matched (capping or not). */
  readonly matched: string[];
  /** 'no-population', 'no-index', 'default-exposure', 'default-coverage'. */
  readonly notes: string[];
  readonly exposure: number;
  readonly coverage: number;
  readonly domains: DomainBreakdown[];
}

const round = (x: number, digits = 4): number => {
  const s = 10 ** digits;
  return Math.round(x * s) / s;
};

/** Township `t` (or its code) on day `d` (or its date), explained. */
export function townshipDay(result: IndexResult, township: number | string, day: number | string): TownshipDay {
  const t = typeof township === 'number' ? township : result.codes.indexOf(township);
  const d = typeof day === 'number' ? day : dayOffset(result, day);
  if (!(t >= 0 && t < result.townships)) throw new RangeError(`townshipDay: unknown township ${township}`);
  if (!(d >= 0 && d < result.dayCount)) throw new RangeError(`townshipDay: day ${day} outside the history`);
  const i = d * result.townships + t;
  const K = DOMAIN_COUNT;
  const M = TERM_COUNT;
  const { config } = result;
  const flags = result.flags[i]!;
  const notes: string[] = [];
  if (flags & FLAG_NO_INDEX) notes.push('no-index');
  if (flags & FLAG_NO_POPULATION) notes.push('no-population');
  if (flags & FLAG_EXPOSURE_DEFAULT) notes.push('default-exposure');
  if (flags & FLAG_COVERAGE_DEFAULT) notes.push('default-coverage');
  const r = result.override[i]!;
  const matched = config.overrides.filter((_, k) => (result.matched[i]! & (1 << k)) !== 0).map((rule) => rule.id);
  const domains = DOMAINS.map((id, k): DomainBreakdown => {
    const dc = config.domains[id];
    const risk = result.risk[i * K + k]!;
    let load = 0;
    TERMS.forEach((spec, m) => {
      if (spec.domain === id) load += result.termValue[i * M + m]! / dc.terms[spec.id]!.reference;
    });
    return {
      id,
      weight: dc.weight,
      risk: round(risk),
      load: round(load),
      contribution: round(dc.weight * risk),
      terms: TERMS.flatMap((spec, m) => {
        if (spec.domain !== id) return [];
        const tc = dc.terms[spec.id]!;
        const raw = termRawValue(result, m, t, d);
        const value = result.termValue[i * M + m]!;
        return [
          {
            id: spec.id,
            today: Number.isNaN(raw) ? null : round(raw),
            value: round(value),
            reference: tc.reference,
            load: round(value / tc.reference),
            per10k: tc.per10k,
            window: tc.window,
            missing: (result.missingTerms[i]! & (1 << m)) !== 0,
          },
        ];
      }),
    };
  });
  const index = result.index[i]!;
  const rawIndex = result.rawIndex[i]!;
  return {
    code: result.codes[t]!,
    date: addDays(result.startDay, d),
    index: Number.isNaN(index) ? null : index,
    rawIndex: Number.isNaN(rawIndex) ? null : rawIndex,
    level: result.level[i] === 0 ? null : (result.level[i] as Level),
    override: r < 0 ? null : { id: config.overrides[r]!.id, label: config.overrides[r]!.label, maxLevel: config.overrides[r]!.maxLevel },
    matched,
    notes,
    exposure: round(result.exposure[t]!),
    coverage: round(result.coverage[t]!),
    domains,
  };
}

export interface DomainChange {
  readonly id: DomainId;
  readonly riskBefore: number;
  readonly riskAfter: number;
  /** Index points this domain moved the index: −weight · (riskAfter − riskBefore); negative = less safe. */
  readonly indexDelta: number;
}

export interface DayChange {
  readonly code: string;
  readonly date: string;
  readonly previousDate: string;
  readonly indexBefore: number | null;
  readonly indexAfter: number | null;
  readonly levelBefore: Level | null;
  readonly levelAfter: Level | null;
  readonly overrideBefore: string | null;
  readonly overrideAfter: string | null;
  /** Domains whose risk changed, the largest move of the index first (by |indexDelta|, ties in DOMAINS order). */
  readonly domains: DomainChange[];
}

/**
 * What moved township `t` on day `d` since day d − 1: the change of each domain's contribution,
 * largest first (at most `limit`). Null on the first day of the history.
 */
export function domainChanges(result: IndexResult, township: number | string, day: number | string, limit: number = DOMAIN_COUNT): DayChange | null {
  const t = typeof township === 'number' ? township : result.codes.indexOf(township);
  const d = typeof day === 'number' ? day : dayOffset(result, day);
  if (!(t >= 0 && t < result.townships)) throw new RangeError(`domainChanges: unknown township ${township}`);
  if (!(d >= 0 && d < result.dayCount)) throw new RangeError(`domainChanges: day ${day} outside the history`);
  if (d === 0) return null;
  const T = result.townships;
  const K = DOMAIN_COUNT;
  const i = d * T + t;
  const p = i - T;
  const changes: DomainChange[] = [];
  DOMAINS.forEach((id, k) => {
    const before = result.risk[p * K + k]!;
    const after = result.risk[i * K + k]!;
    if (before === after) return;
    changes.push({ id, riskBefore: round(before), riskAfter: round(after), indexDelta: round(-result.config.domains[id].weight * (after - before)) });
  });
  changes.sort((a, b) => Math.abs(b.indexDelta) - Math.abs(a.indexDelta));
  const num = (x: number): number | null => (Number.isNaN(x) ? null : x);
  const lv = (x: number): Level | null => (x === 0 ? null : (x as Level));
  const rule = (r: number): string | null => (r < 0 ? null : result.config.overrides[r]!.id);
  return {
    code: result.codes[t]!,
    date: addDays(result.startDay, d),
    previousDate: addDays(result.startDay, d - 1),
    indexBefore: num(result.index[p]!),
    indexAfter: num(result.index[i]!),
    levelBefore: lv(result.level[p]!),
    levelAfter: lv(result.level[i]!),
    overrideBefore: rule(result.override[p]!),
    overrideAfter: rule(result.override[i]!),
    domains: changes.slice(0, limit),
  };
}

function dayOffset(result: IndexResult, date: string): number {
  const d = daysBetween(result.startDay, date);
  return Number.isNaN(d) ? -1 : d;
}
