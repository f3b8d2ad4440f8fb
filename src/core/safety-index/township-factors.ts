/**
 * What the index needs per township that does not change by day: geological exposure, emergency
 * coverage and the per-10k scale. Computed once, because every term of every day multiplies by them.
 */
import type { IndexConfig } from './config.ts';
import type { IndexInputs } from './index-inputs.ts';
import { FLAG_COVERAGE_DEFAULT, FLAG_EXPOSURE_DEFAULT, FLAG_NO_POPULATION } from './index-result.ts';

export interface TownshipFactors {
  /** Geological exposure 0–1 (the config default where hazard shares are unknown). */
  readonly exposure: Float32Array;
  /** Emergency-team coverage 0–1 (the config default where unknown). */
  readonly coverage: Float32Array;
  /** 10,000 / max(population, minPopulation); NaN = population unknown. */
  readonly perTenK: Float64Array;
  /** FLAG_NO_POPULATION / FLAG_EXPOSURE_DEFAULT / FLAG_COVERAGE_DEFAULT, carried into every day's flags. */
  readonly staticFlags: Uint8Array;
}

export function townshipFactors(config: IndexConfig, inputs: IndexInputs, T: number): TownshipFactors {
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
  return { exposure, coverage, perTenK, staticFlags };
}
