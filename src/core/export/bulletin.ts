/**
 * What the daily bulletin (日报) prints beyond the desk's own views: the worst townships with the
 * domains that put them there, and the townships under an active geological-hazard warning. Both
 * read the engine's result as it is, so the paper says what the township panel says.
 */
import { daysBetween } from '../dates.ts';
import type { Level } from '../levels.ts';
import { classifyIndex, DEFAULT_BANDS, type Bands } from '../levels.ts';
import type { LevelsFile } from '../levels-file.ts';
import type { DomainId } from '../safety-index/domains.ts';
import { townshipDay } from '../safety-index/explain.ts';
import type { IndexResult } from '../safety-index/index-result.ts';
import { rankTownships } from '../timeline.ts';
import { GEOLOGICAL_INPUTS } from '../wall/kpis.ts';

export interface DomainShare {
  readonly id: DomainId;
  /** Index points the domain takes off that day (weight · risk). */
  readonly points: number;
}

export interface WorstTownship {
  readonly code: string;
  readonly index: number;
  readonly level: Level | null;
  /** Change since the day before; null on the first day or without a value then. */
  readonly delta: number | null;
  /** The domains that take most off the index, largest first (those above `minPoints`). */
  readonly domains: readonly DomainShare[];
  /** The override rule that capped the level, if any (its label as the config writes it). */
  readonly override: string | null;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The `n` lowest indices on dates[d] (ties by code), each with up to `maxDomains` domains taking at
 * least `minPoints` index points — without the engine, the list has no domains.
 */
export function worstTownships(
  levels: LevelsFile,
  d: number,
  options: { engine?: IndexResult | null; bands?: Bands; n?: number; maxDomains?: number; minPoints?: number } = {},
): WorstTownship[] {
  const { engine, bands = DEFAULT_BANDS, n = 10, maxDomains = 2, minPoints = 1 } = options;
  const date = levels.dates[d];
  const engineDay = engine ? daysBetween(engine.startDay, date) : Number.NaN;
  const inEngine = engine !== null && engine !== undefined && engineDay >= 0 && engineDay < engine.dayCount;
  return rankTownships(levels, d)
    .slice(0, n)
    .map((r): WorstTownship => {
      const explained = inEngine && engine.codes.includes(r.code) ? townshipDay(engine, r.code, engineDay) : null;
      const domains = explained
        ? explained.domains
            .map((dom) => ({ id: dom.id, points: round1(dom.contribution) }))
            .filter((s) => s.points >= minPoints)
            .sort((a, b) => b.points - a.points)
            .slice(0, maxDomains)
        : [];
      return { code: r.code, index: r.index, level: classifyIndex(r.index, bands), delta: r.delta, domains, override: explained?.override?.label ?? null };
    });
}

export interface HazardWarning {
  readonly code: string;
  /** Labels of the geological-hazard rules that matched (as index-config.json writes them). */
  readonly rules: readonly string[];
}

/** Townships where a geological-hazard override rule (rain or geological events) matched on `date`. */
export function hazardWarningList(engine: IndexResult, date: string): HazardWarning[] {
  const d = daysBetween(engine.startDay, date);
  if (!(d >= 0 && d < engine.dayCount)) return [];
  const rules = engine.config.overrides.map((rule, k) => ({ rule, bit: 1 << k })).filter(({ rule }) => GEOLOGICAL_INPUTS.has(rule.input));
  const out: HazardWarning[] = [];
  for (let t = 0; t < engine.townships; t++) {
    const matched = engine.matched[d * engine.townships + t];
    const hits = rules.filter(({ bit }) => (matched & bit) !== 0).map(({ rule }) => rule.label);
    if (hits.length > 0) out.push({ code: engine.codes[t], rules: hits });
  }
  return out;
}

/**
 * A rule label written "中文 · English" (as the built-in config does) in one language; a label
 * without the separator is shown as written.
 */
export function labelIn(label: string, locale: 'zh' | 'en'): string {
  const at = label.indexOf(' · ');
  if (at < 0) return label;
  return locale === 'zh' ? label.slice(0, at) : label.slice(at + 3);
}
