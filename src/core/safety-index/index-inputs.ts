/**
 * What the index is computed from, as flat arrays aligned to one township order — so the engine
 * never looks codes up and the worker can transfer the arrays as they are.
 */

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

/** Throws a RangeError on mis-sized arrays: the engine indexes them unchecked, so a short one would read undefined as data. */
export function checkInputs(inputs: IndexInputs, T: number, D: number): void {
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
