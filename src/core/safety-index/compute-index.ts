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
 */
import type { IndexConfig } from './config.ts';
import { flattenCurve, type FlatCurve } from './curve.ts';
import { DOMAIN_COUNT, DOMAINS, TERM_COUNT, TERMS } from './domains.ts';
import { INCIDENT_TYPES } from '../incidents/incident-types.ts';

export interface IndexInputs {
  /** Township codes; every per-township array follows this order. */
  readonly codes: readonly string[];
  /** Day 0 (`YYYY-MM-DD`). */
  readonly startDay: string;
  readonly dayCount: number;
  /** Residents per township; NaN or ≤ 0 = unknown. */
  readonly population: Float64Array;
  /** Incident counts `[(d · townships + t) · typeCount + type]` (the join's countsByDay); absent = none. */
  readonly incidents?: { readonly counts: Uint32Array | Float64Array | Float32Array; readonly typeCount: number } | null;
  /** Daily series by id, `[d · townships + t]`, NaN = not reported; an absent series is missing. */
  readonly series?: Readonly<Partial<Record<string, Float64Array | Float32Array>>>;
  /** Share of each township's area in high / medium geological susceptibility zones (NaN = unknown). */
  readonly hazardShares?: { readonly high: Float64Array | Float32Array; readonly medium: Float64Array | Float32Array } | null;
  /** Share of each township's area covered by emergency teams, 0–1 (NaN = unknown). */
  readonly coverage?: Float64Array | Float32Array | null;
}

/** `flags` bits (per township and day). */
export const FLAG_NO_POPULATION = 1;
export const FLAG_EXPOSURE_DEFAULT = 2;
export const FLAG_COVERAGE_DEFAULT = 4;
/** The township has no index that day (see the module comment). */
export const FLAG_NO_INDEX = 8;

export interface IndexResult {
  readonly config: IndexConfig;
  readonly codes: readonly string[];
  readonly startDay: string;
  readonly dayCount: number;
  readonly townships: number;
  /** Published index `[d · T + t]` (rounded, after overrides); NaN = no index. */
  readonly index: Float64Array;
  /** Index before overrides (rounded). */
  readonly rawIndex: Float64Array;
  /** Level 1–5 `[d · T + t]`; 0 = no index. */
  readonly level: Uint8Array;
  /** Domain risk 0–100 `[(d · T + t) · 6 + domain]` (DOMAINS order). */
  readonly risk: Float32Array;
  /**
   * Term value after window, per 10k and exposure `[(d · T + t) · 11 + term]` (TERMS order); 0 when
   * missing, NaN when a per-10k rate has no population. A domain's load is Σ value / reference over
   * its terms; the raw input of the day is in `inputs` (see {@link termRawValue}).
   */
  readonly termValue: Float32Array;
  /** Bit `term` set: that term had missing data `[d · T + t]`. */
  readonly missingTerms: Uint16Array;
  /** Index of the override rule that capped the level `[d · T + t]`, −1 = none. */
  readonly override: Int8Array;
  /** Bit `rule` set: that rule matched (capping or not) `[d · T + t]`. */
  readonly matched: Uint32Array;
  /** FLAG_* bits `[d · T + t]`. */
  readonly flags: Uint8Array;
  /** Per township: geological exposure used (0–1). */
  readonly exposure: Float32Array;
  /** Per township: emergency-team coverage used (0–1). */
  readonly coverage: Float32Array;
  /** The inputs the index was computed from (kept by reference, for the raw values behind each term). */
  readonly inputs: IndexInputs;
}

interface Source {
  readonly values: ArrayLike<number>;
  readonly stride: number;
  readonly offset: number;
  /** Some value is NaN (not reported); incident counts never are. */
  readonly gaps: boolean;
}

function sourceOf(id: string, inputs: IndexInputs): Source | null {
  const type = (INCIDENT_TYPES as readonly string[]).indexOf(id);
  if (type >= 0) {
    const inc = inputs.incidents;
    if (!inc || type >= inc.typeCount) return null;
    return { values: inc.counts, stride: inc.typeCount, offset: type, gaps: !(inc.counts instanceof Uint32Array) && hasNaN(inc.counts) };
  }
  const series = inputs.series?.[id];
  return series ? { values: series, stride: 1, offset: 0, gaps: hasNaN(series) } : null;
}

/**
 * A decayed-window term without gaps. Equal, bit for bit, to summing w_k · x(d − k) for k = 0, 1, …
 * in that order, but only the non-zero inputs are visited (most daily counts are 0): scattering them
 * newest first adds each window's terms in the same order, and skipped zeros add exactly nothing.
 * The first W − 1 days are scaled up to the full weight.
 */
function decayedTerm(
  x: Float64Array,
  T: number,
  D: number,
  weights: Float64Array,
  prefixWeight: Float64Array,
  fullWeight: number,
  scale: Float64Array,
  out: Float32Array,
  m: number,
  M: number,
  acc: Float64Array,
): void {
  const W = weights.length;
  const N = T * D;
  acc.fill(0);
  for (let j = N - 1; j >= 0; j--) {
    const v = x[j]!;
    if (v === 0) continue;
    for (let k = 0, i = j; k < W && i < N; k++, i += T) acc[i]! += weights[k]! * v;
  }
  for (let d = 0; d < D; d++) {
    const fill = d < W - 1 ? fullWeight / prefixWeight[d]! : 1;
    for (let t = 0, i = d * T; t < T; t++, i++) out[i * M + m] = acc[i]! * fill * scale[t]!;
  }
}

/** load[i] += value[i · M + m] / reference, for every township-day i. */
function addLoad(values: Float32Array, m: number, M: number, reciprocal: number, load: Float64Array): void {
  const N = load.length;
  for (let i = 0, o = m; i < N; i++, o += M) load[i]! += values[o]! * reciprocal;
}

/** risk[i · K + k] = curve(load[i]) (0 when every term of the domain is absent); total[i] += weight · risk. */
function domainRisk(
  load: Float64Array,
  absent: Uint16Array,
  mask: number,
  curve: FlatCurve,
  weight: number,
  risk: Float32Array,
  k: number,
  K: number,
  total: Float64Array,
): void {
  const N = load.length;
  const xs = curve.x;
  const ys = curve.y;
  const n = xs.length;
  const x0 = xs[0]!;
  const y0 = ys[0]!;
  for (let i = 0; i < N; i++) {
    let r = 0;
    if ((absent[i]! & mask) !== mask) {
      const v = load[i]!;
      if (!(v > x0)) r = y0;
      else {
        r = ys[n - 1]!;
        for (let j = 1; j < n; j++) {
          const x1 = xs[j]!;
          if (v <= x1) {
            const xa = xs[j - 1]!;
            const ya = ys[j - 1]!;
            r = ya + ((ys[j]! - ya) * (v - xa)) / (x1 - xa);
            break;
          }
        }
      }
    }
    risk[i * K + k] = r;
    total[i]! += weight * r;
  }
}

function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

/** A source as one Float64Array `[d · T + t]` (series as they are; incident counts de-interleaved). */
function columnOf(source: Source, N: number): Float64Array {
  if (source.stride === 1 && source.offset === 0 && source.values instanceof Float64Array) return source.values;
  const out = new Float64Array(N);
  const { values, stride, offset } = source;
  for (let i = 0, j = offset; i < N; i++, j += stride) out[i] = values[j]!;
  return out;
}

/** Compute the index of every township on every day. Pure; O(days · townships · (terms · window + rules)). */
export function computeIndex(config: IndexConfig, inputs: IndexInputs): IndexResult {
  const T = inputs.codes.length;
  const D = inputs.dayCount;
  const M = TERM_COUNT;
  const K = DOMAIN_COUNT;
  const N = D * T;
  checkInputs(inputs, T, D);

  const index = new Float64Array(N);
  const rawIndex = new Float64Array(N);
  const level = new Uint8Array(N);
  const risk = new Float32Array(N * K);
  const termValue = new Float32Array(N * M);
  const missingTerms = new Uint16Array(N);
  /** Bit `term`: the term has no value at all (absent source, null today, or null over its whole window). */
  const absentTerms = new Uint16Array(N);
  const override = new Int8Array(N).fill(-1);
  const matched = new Uint32Array(N);
  const flags = new Uint8Array(N);

  // Per township: exposure, coverage, population scale.
  const exposure = new Float32Array(T);
  const coverage = new Float32Array(T);
  const staticFlags = new Uint8Array(T);
  const perTenK = new Float64Array(T);
  const { high: wHigh, medium: wMedium, default: defaultExposure } = config.exposure;
  for (let t = 0; t < T; t++) {
    const h = inputs.hazardShares?.high[t];
    const m = inputs.hazardShares?.medium[t];
    if (h === undefined || m === undefined || !Number.isFinite(h) || !Number.isFinite(m)) {
      exposure[t] = defaultExposure;
      staticFlags[t]! |= FLAG_EXPOSURE_DEFAULT;
    } else exposure[t] = Math.min(1, Math.max(0, h * wHigh + m * wMedium));
    const c = inputs.coverage?.[t];
    if (c === undefined || !Number.isFinite(c)) {
      coverage[t] = config.coverage.default;
      staticFlags[t]! |= FLAG_COVERAGE_DEFAULT;
    } else coverage[t] = Math.min(1, Math.max(0, c));
    const p = inputs.population[t]!;
    if (p > 0) perTenK[t] = 10_000 / Math.max(p, config.minPopulation);
    else {
      perTenK[t] = Number.NaN;
      staticFlags[t]! |= FLAG_NO_POPULATION;
    }
  }

  // Window weights; prefixWeight[d] = weights of the days a window on day d < W − 1 has.
  const W = config.window.days;
  const weights = new Float64Array(W);
  const prefixWeight = new Float64Array(W);
  let fullWeight = 0;
  for (let k = 0; k < W; k++) {
    weights[k] = config.window.decay ** k;
    fullWeight += weights[k]!;
    prefixWeight[k] = fullWeight;
  }

  // 1. Terms.
  let needsPopulation = false;
  const termDomain = new Int8Array(M);
  const reciprocalReference = new Float64Array(M);
  /** Terms that are not `uncovered`, in domains with weight > 0: their absence means no data. */
  let dataTermMask = 0;
  const sources = new Map<string, { source: Source; column: Float64Array } | null>();
  const columnFor = (id: string): { source: Source; column: Float64Array } | null => {
    if (!sources.has(id)) {
      const source = sourceOf(id, inputs);
      sources.set(id, source === null ? null : { source, column: columnOf(source, N) });
    }
    return sources.get(id)!;
  };
  const scale = new Float64Array(T);
  let acc: Float64Array | undefined;
  for (let m = 0; m < M; m++) {
    const spec = TERMS[m]!;
    const domain = config.domains[spec.domain];
    const cfg = domain.terms[spec.id]!;
    termDomain[m] = DOMAINS.indexOf(spec.domain);
    reciprocalReference[m] = 1 / cfg.reference;
    if (domain.weight > 0 && cfg.per10k) needsPopulation = true;
    if (domain.weight > 0 && spec.source !== 'uncovered') dataTermMask |= 1 << m;
    const bit = 1 << m;
    if (spec.source === 'uncovered') {
      for (let t = 0; t < T; t++) {
        const u = 1 - coverage[t]!;
        for (let d = 0, o = t * M + m; d < D; d++, o += T * M) termValue[o] = u;
      }
      continue;
    }
    const found = columnFor(spec.id);
    if (found === null) {
      for (let i = 0; i < N; i++) {
        missingTerms[i]! |= bit;
        absentTerms[i]! |= bit;
      }
      continue;
    }
    const x = found.column;
    const gaps = found.source.gaps;
    // Per township: the per-10k and exposure scale of this term.
    for (let t = 0; t < T; t++) scale[t] = (cfg.per10k ? perTenK[t]! : 1) * (spec.exposure === true ? exposure[t]! : 1);
    if (cfg.window === 'today' || W === 1) {
      for (let i = 0, t = 0; i < N; i++, t = t + 1 === T ? 0 : t + 1) {
        const v = x[i]!;
        if (v === v) termValue[i * M + m] = v * scale[t]!;
        else {
          missingTerms[i]! |= bit;
          absentTerms[i]! |= bit;
        }
      }
    } else if (!gaps) {
      decayedTerm(x, T, D, weights, prefixWeight, fullWeight, scale, termValue, m, M, (acc ??= new Float64Array(N)));
    } else {
      for (let d = 0; d < D; d++) {
        const kMax = d < W - 1 ? d : W - 1;
        for (let t = 0, i = d * T; t < T; t++, i++) {
          let sum = 0;
          let present = 0;
          for (let k = 0, j = i; k <= kMax; k++, j -= T) {
            const v = x[j]!;
            if (v === v) {
              sum += weights[k]! * v;
              present += weights[k]!;
            } else missingTerms[i]! |= bit;
          }
          if (present > 0) termValue[i * M + m] = ((sum * fullWeight) / present) * scale[t]!;
          else {
            missingTerms[i]! |= bit;
            absentTerms[i]! |= bit;
          }
        }
      }
    }
  }

  // 2. Override rules: which match on which township-day (bit per rule).
  const R = config.overrides.length;
  const ruleCap = new Uint8Array(R);
  const rainfall = inputs.series?.rainfall ?? null;
  for (let r = 0; r < R; r++) {
    const rule = config.overrides[r]!;
    ruleCap[r] = rule.maxLevel;
    const found = columnFor(rule.input);
    if (found === null || (rule.rainstormDay && rainfall === null)) continue;
    const x = found.column;
    const bit = (1 << r) >>> 0;
    const L = rule.windowDays;
    for (let d = 0, i = 0; d < D; d++) {
      const jMax = d < L - 1 ? d : L - 1;
      for (let t = 0; t < T; t++, i++) {
        if (rule.minExposure !== null && exposure[t]! < rule.minExposure) continue;
        if (rule.rainstormDay && !(rainfall![i]! >= config.rainstormMm)) continue;
        let sum = 0;
        for (let j = 0, o = i; j <= jMax; j++, o -= T) {
          const v = x[o]!;
          if (v === v) sum += v;
        }
        if (sum >= rule.atLeast) matched[i] = (matched[i]! | bit) >>> 0;
      }
    }
  }

  // 3–4. Domains, index, caps.
  const curves = DOMAINS.map((id) => flattenCurve(config.domains[id].curve));
  const domainWeight = Float64Array.from(DOMAINS, (id) => config.domains[id].weight);
  const bands = config.bands;
  const [b0, b1, b2, b3] = bands;
  const scaleDecimals = 10 ** config.indexDecimals;
  const ceilings = [0, ...bands.map((b) => (Math.round(b * scaleDecimals) - 1) / scaleDecimals)];
  // Domain by domain over every township-day: load, risk, and the running weighted total.
  const total = new Float64Array(N);
  const domainLoad = (acc ??= new Float64Array(N));
  for (let k = 0; k < K; k++) {
    let mask = 0;
    domainLoad.fill(0);
    for (let m = 0; m < M; m++) {
      if (termDomain[m] !== k) continue;
      mask |= 1 << m;
      addLoad(termValue, m, M, reciprocalReference[m]!, domainLoad);
    }
    domainRisk(domainLoad, absentTerms, mask, curves[k]!, domainWeight[k]!, risk, k, K, total);
  }

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
        // The most severe cap wins; on a tie the first rule listed.
        for (let r = 0; r < R; r++) {
          if ((bits & (1 << r)) !== 0 && ruleCap[r]! < lv) {
            lv = ruleCap[r]!;
            override[i] = r;
          }
        }
        if (override[i]! >= 0) published = Math.min(published, ceilings[lv]!);
      }
      index[i] = published;
      level[i] = lv;
      flags[i] = f;
    }
  }

  return {
    config,
    codes: inputs.codes,
    startDay: inputs.startDay,
    dayCount: D,
    townships: T,
    index,
    rawIndex,
    level,
    risk,
    termValue,
    missingTerms,
    override,
    matched,
    flags,
    exposure,
    coverage,
    inputs,
  };
}

/** The raw input of term `m` (TERMS order) for township t on day d: count, mm, backlog or uncovered share; NaN = not reported. */
export function termRawValue(result: IndexResult, m: number, t: number, d: number): number {
  const spec = TERMS[m]!;
  if (spec.source === 'uncovered') return 1 - result.coverage[t]!;
  const source = sourceOf(spec.id, result.inputs);
  return source === null ? Number.NaN : Number(source.values[(d * result.townships + t) * source.stride + source.offset]);
}

function checkInputs(inputs: IndexInputs, T: number, D: number): void {
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`computeIndex: dayCount must be a positive integer, got ${D}`);
  if (inputs.population.length !== T) throw new RangeError(`computeIndex: ${inputs.population.length} population values for ${T} townships`);
  const inc = inputs.incidents;
  if (inc && inc.counts.length !== D * T * inc.typeCount) {
    throw new RangeError(`computeIndex: incident counts have ${inc.counts.length} values, expected ${D} days × ${T} townships × ${inc.typeCount} types`);
  }
  for (const [id, s] of Object.entries(inputs.series ?? {})) {
    if (s && s.length !== D * T) throw new RangeError(`computeIndex: series ${id} has ${s.length} values, expected ${D} days × ${T} townships`);
  }
  if (inputs.hazardShares && (inputs.hazardShares.high.length !== T || inputs.hazardShares.medium.length !== T)) {
    throw new RangeError(`computeIndex: hazard shares must have one value per township (${T})`);
  }
  if (inputs.coverage && inputs.coverage.length !== T) throw new RangeError(`computeIndex: coverage must have one value per township (${T})`);
}
