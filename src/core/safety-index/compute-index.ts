/**
 * # The daily safety index (DESIGN.md §3 made concrete)
 *
 * For township t on day d, with the parameters of index-config.json:
 *
 * 1. **Terms.** Each domain reads fixed inputs (domains.ts). A term's value is
 *    - its daily input x (incident count from the join, or a daily.json series),
 *    - over the window: `decayed` = Σ_{k=0}^{days−1} decay^k · x(d − k) (today counts fully, yesterday
 *      `decay`, …); days before the history or not reported (null) are left out and the sum is
 *      scaled by (Σ all weights / Σ weights of the days present), so the first days of a history and
 *      a gap in reporting are neither zero nor inflated; `today` = x(d) (backlogs, static shares),
 *    - `per10k`: × 10,000 / max(population, minPopulation) — the floor keeps one incident in a
 *      2,000-person 乡 from reading as 5 per 10,000,
 *    - `rainfall` only: × the township's geological exposure = clamp(high share · exposure.high +
 *      medium share · exposure.medium, 0, 1) from the hazard-zone area shares; without them (the
 *      overlays are a later issue) every township gets `exposure.default`,
 *    - `uncovered` (resilience): 1 − the share of the township covered by emergency teams; without a
 *      coverage layer every township gets 1 − `coverage.default` (the same for all: neutral between
 *      townships).
 * 2. **Domain risk.** load = Σ_terms value / reference (each input at its reference adds 1);
 *    risk = curve(load) ∈ 0–100, piecewise-linear (the domain's own curve or the top-level one).
 * 3. **Index.** 100 − Σ_k weight_k · risk_k, rounded to `indexDecimals`, classified with the fixed
 *    `bands` (a value on an edge takes the safer level).
 * 4. **Overrides.** A rule matches when its input summed over the last `windowDays` days (today
 *    included, raw counts / mm, not per 10k) is ≥ `atLeast` — and, if `rainstormDay`, the township had
 *    ≥ `rainstormMm` of rain today; if `minExposure`, its exposure is ≥ that. A matching rule caps the
 *    level at `maxLevel`; the most severe cap wins (the first listed on a tie) and is the `override`
 *    reported. The published index is lowered to just under the capped level's upper edge (e.g. 69.9
 *    for orange), so number and color agree; the uncapped index is kept as `rawIndex`.
 *
 * **Missing inputs.** A term with no data (no incident counts, a series absent from daily.json, or
 * null on that day / every day of its window) adds nothing and sets its bit in `missingTerms`; a
 * domain whose every term is missing has risk 0. A township has no index (NaN, level 0, drawn grey)
 * when its population is unknown (0 / null) while a term needs per-10k rates, or when every input of
 * the five data domains is missing. A rule whose input is absent never matches.
 *
 * Flat typed arrays inside: `[day × township]` and `[day × township × domain|term]`, day-major.
 *
 * Each step has its own module so it can be read (and profiled) alone: per-township factors
 * (township-factors.ts), 1 (term-values.ts, inputs via input-sources.ts), 2–3 (domain-risk.ts), the
 * rule matching and caps of 4 (overrides.ts). This module sequences them and publishes the index.
 */
import type { IndexConfig } from './config.ts';
import { computeDomainRisks } from './domain-risk.ts';
import { DOMAIN_COUNT, TERM_COUNT, TERMS } from './domains.ts';
import { checkInputs, type IndexInputs } from './index-inputs.ts';
import { FLAG_NO_INDEX, FLAG_NO_POPULATION, type IndexResult } from './index-result.ts';
import { sourceColumns } from './input-sources.ts';
import { capCeilings, cappingRule, matchOverrides, ruleCaps } from './overrides.ts';
import { computeTerms } from './term-values.ts';
import { townshipFactors, type TownshipFactors } from './township-factors.ts';

/** What decides that a township-day has no index at all (see the module comment). */
interface IndexRequirements {
  /** Some weighted term is per 10k, so an unknown population leaves no index. */
  readonly needsPopulation: boolean;
  /** Terms that are not `uncovered`, in domains with weight > 0: their absence means no data. */
  readonly dataTermMask: number;
}

/** Compute the index of every township on every day. Pure; O(days · townships · (terms · window + rules)). */
export function computeIndex(config: IndexConfig, inputs: IndexInputs): IndexResult {
  const T = inputs.codes.length;
  const D = inputs.dayCount;
  const N = D * T;
  checkInputs(inputs, T, D);

  const factors = townshipFactors(config, inputs, T);
  const columnFor = sourceColumns(inputs, N);
  const scratch = new Float64Array(N);
  const { termValue, missingTerms, absentTerms } = computeTerms(config, factors, columnFor, T, D, scratch);
  const matched = new Uint32Array(N);
  matchOverrides(config, columnFor, inputs.series?.rainfall ?? null, factors.exposure, T, D, matched);
  const risk = new Float32Array(N * DOMAIN_COUNT);
  const total = computeDomainRisks(config, termValue, absentTerms, risk, scratch);
  const published = publishIndex(config, indexRequirements(config), factors, total, absentTerms, matched, T, D);

  return {
    config,
    codes: inputs.codes,
    startDay: inputs.startDay,
    dayCount: D,
    townships: T,
    index: published.index,
    rawIndex: published.rawIndex,
    level: published.level,
    risk,
    termValue,
    missingTerms,
    override: published.override,
    matched,
    flags: published.flags,
    exposure: factors.exposure,
    coverage: factors.coverage,
    inputs,
  };
}

function indexRequirements(config: IndexConfig): IndexRequirements {
  let needsPopulation = false;
  let dataTermMask = 0;
  for (let m = 0; m < TERM_COUNT; m++) {
    const spec = TERMS[m]!;
    const domain = config.domains[spec.domain];
    if (domain.weight > 0 && domain.terms[spec.id]!.per10k) needsPopulation = true;
    if (domain.weight > 0 && spec.source !== 'uncovered') dataTermMask |= 1 << m;
  }
  return { needsPopulation, dataTermMask };
}

/**
 * 100 − total, rounded and classified with the bands, then capped by the override rules. Clears
 * `matched` where there is no index, so no rule is reported for a grey township.
 */
function publishIndex(
  config: IndexConfig,
  requires: IndexRequirements,
  factors: TownshipFactors,
  total: Float64Array,
  absentTerms: Uint16Array,
  matched: Uint32Array,
  T: number,
  D: number,
): Pick<IndexResult, 'index' | 'rawIndex' | 'level' | 'override' | 'flags'> {
  const N = D * T;
  const index = new Float64Array(N);
  const rawIndex = new Float64Array(N);
  const level = new Uint8Array(N);
  const override = new Int8Array(N).fill(-1);
  const flags = new Uint8Array(N);
  const { needsPopulation, dataTermMask } = requires;
  const { staticFlags } = factors;
  const [b0, b1, b2, b3] = config.bands;
  const scaleDecimals = 10 ** config.indexDecimals;
  const caps = ruleCaps(config);
  const ceilings = capCeilings(config);
  for (let d = 0, i = 0; d < D; d++) {
    for (let t = 0; t < T; t++, i++) {
      const f = staticFlags[t]!;
      const absent = absentTerms[i]!;
      if ((needsPopulation && (f & FLAG_NO_POPULATION) !== 0) || (dataTermMask !== 0 && (absent & dataTermMask) === dataTermMask)) {
        index[i] = Number.NaN;
        rawIndex[i] = Number.NaN;
        flags[i] = f | FLAG_NO_INDEX;
        matched[i] = 0;
        continue;
      }
      const value = Math.round(Math.min(100, Math.max(0, 100 - total[i]!)) * scaleDecimals) / scaleDecimals;
      rawIndex[i] = value;
      let lv = value >= b3 ? 5 : value >= b2 ? 4 : value >= b1 ? 3 : value >= b0 ? 2 : 1;
      let published = value;
      const bits = matched[i]!;
      if (bits !== 0) {
        const rule = cappingRule(bits, lv, caps);
        if (rule >= 0) {
          override[i] = rule;
          lv = caps[rule]!;
          published = Math.min(published, ceilings[lv]!);
        }
      }
      index[i] = published;
      level[i] = lv;
      flags[i] = f;
    }
  }
  return { index, rawIndex, level, override, flags };
}
