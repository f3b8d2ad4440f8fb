/**
 * The index of every township on every day, with everything that explains it (domain risks, term
 * values, missing data, overrides) — flat typed arrays, day-major, so the worker can transfer it
 * and the UI can read any township-day without a lookup.
 */
import type { IndexConfig } from './config.ts';
import type { IndexInputs } from './index-inputs.ts';

/** `flags` bits (per township and day). */
export const FLAG_NO_POPULATION = 1;
export const FLAG_EXPOSURE_DEFAULT = 2;
export const FLAG_COVERAGE_DEFAULT = 4;
/** The township has no index that day (see compute-index.ts). */
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
   * its terms; the raw input of the day is in `inputs` (see `termRawValue` in input-sources.ts).
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
