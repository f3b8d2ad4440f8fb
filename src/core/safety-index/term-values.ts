/**
 * Step 1 of the index (see compute-index.ts): each term's value per township-day — its input over
 * the window, per 10k and × exposure — and which terms had missing data. Split by window kind
 * because the common case (a decayed window over counts that have no gaps) has a much faster exact
 * path than the general one.
 */
import type { IndexConfig } from './config.ts';
import { TERM_COUNT, TERMS } from './domains.ts';
import type { SourceColumn } from './input-sources.ts';
import type { TownshipFactors } from './township-factors.ts';

export interface TermValues {
  /** `[(d · T + t) · TERM_COUNT + term]`, see IndexResult.termValue. */
  readonly termValue: Float32Array;
  /** Bit `term`: some day the term reads was not reported. */
  readonly missingTerms: Uint16Array;
  /** Bit `term`: the term has no value at all (absent source, null today, or null over its whole window). */
  readonly absentTerms: Uint16Array;
}

/** weights[k] = decay^k; prefixWeight[d] = weights of the days a window on day d < W − 1 has. */
interface WindowWeights {
  readonly weights: Float64Array;
  readonly prefixWeight: Float64Array;
  readonly fullWeight: number;
}

const M = TERM_COUNT;

/** `scratch`: N = D · T doubles, overwritten. */
export function computeTerms(
  config: IndexConfig,
  factors: TownshipFactors,
  columnFor: (id: string) => SourceColumn,
  T: number,
  D: number,
  scratch: Float64Array,
): TermValues {
  const N = D * T;
  const out: TermValues = { termValue: new Float32Array(N * M), missingTerms: new Uint16Array(N), absentTerms: new Uint16Array(N) };
  const window = windowWeights(config.window);
  const W = window.weights.length;
  const scale = new Float64Array(T);
  for (let m = 0; m < M; m++) {
    const spec = TERMS[m]!;
    const cfg = config.domains[spec.domain].terms[spec.id]!;
    if (spec.source === 'uncovered') {
      uncoveredTerm(factors.coverage, out.termValue, m, T, D);
      continue;
    }
    const found = columnFor(spec.id);
    if (found === null) {
      markAbsent(out, m);
      continue;
    }
    const x = found.column;
    for (let t = 0; t < T; t++) scale[t] = (cfg.per10k ? factors.perTenK[t]! : 1) * (spec.exposure === true ? factors.exposure[t]! : 1);
    if (cfg.window === 'today' || W === 1) todayTerm(x, T, scale, out, m);
    else if (!found.source.gaps) decayedTerm(x, T, D, window, scale, out.termValue, m, scratch);
    else gappedTerm(x, T, D, window, scale, out, m);
  }
  return out;
}

function windowWeights(window: IndexConfig['window']): WindowWeights {
  const W = window.days;
  const weights = new Float64Array(W);
  const prefixWeight = new Float64Array(W);
  let fullWeight = 0;
  for (let k = 0; k < W; k++) {
    weights[k] = window.decay ** k;
    fullWeight += weights[k]!;
    prefixWeight[k] = fullWeight;
  }
  return { weights, prefixWeight, fullWeight };
}

/** 1 − coverage: the same every day, never missing. */
function uncoveredTerm(coverage: Float32Array, termValue: Float32Array, m: number, T: number, D: number): void {
  for (let t = 0; t < T; t++) {
    const u = 1 - coverage[t]!;
    for (let d = 0, o = t * M + m; d < D; d++, o += T * M) termValue[o] = u;
  }
}

function markAbsent(out: TermValues, m: number): void {
  const bit = 1 << m;
  const { missingTerms, absentTerms } = out;
  for (let i = 0; i < missingTerms.length; i++) {
    missingTerms[i]! |= bit;
    absentTerms[i]! |= bit;
  }
}

function todayTerm(x: Float64Array, T: number, scale: Float64Array, out: TermValues, m: number): void {
  const bit = 1 << m;
  const { termValue, missingTerms, absentTerms } = out;
  const N = missingTerms.length;
  for (let i = 0, t = 0; i < N; i++, t = t + 1 === T ? 0 : t + 1) {
    const v = x[i]!;
    if (v === v) termValue[i * M + m] = v * scale[t]!;
    else {
      missingTerms[i]! |= bit;
      absentTerms[i]! |= bit;
    }
  }
}

/**
 * A decayed-window term without gaps. Equal, bit for bit, to summing w_k · x(d − k) for k = 0, 1, …
 * in that order, but only the non-zero inputs are visited (most daily counts are 0): scattering them
 * newest first adds each window's terms in the same order, and skipped zeros add exactly nothing.
 * The first W − 1 days are scaled up to the full weight.
 */
function decayedTerm(x: Float64Array, T: number, D: number, window: WindowWeights, scale: Float64Array, out: Float32Array, m: number, acc: Float64Array): void {
  const { weights, prefixWeight, fullWeight } = window;
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

/** A decayed-window term over an input with unreported days: they are left out and the sum scaled to the full weight. */
function gappedTerm(x: Float64Array, T: number, D: number, window: WindowWeights, scale: Float64Array, out: TermValues, m: number): void {
  const { weights, fullWeight } = window;
  const W = weights.length;
  const bit = 1 << m;
  const { termValue, missingTerms, absentTerms } = out;
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
