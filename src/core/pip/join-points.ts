import type { JoinIndex } from './join-index.ts';
import { locatePoints } from './locate-points.ts';

export interface JoinResult {
  /** Feature (township) index per point, −1 when outside every polygon. */
  readonly township: Int32Array;
  /** Points per township and type: `counts[township · typeCount + type]`. */
  readonly counts: Uint32Array;
  /** Points per day, township and type: `[(day · featureCount + township) · typeCount + type]`. */
  readonly countsByDay?: Uint32Array;
  readonly typeCount: number;
  readonly dayCount: number;
}

/**
 * Assign every point to the township that contains it (border rule: build-index.ts) and count
 * points per township × type, and per day × township × type when `days` is given.
 *
 * @param coords interleaved lon, lat (length 2n)
 * @param types type index per point (points with a type ≥ typeCount are located but not counted)
 * @param typeCount number of types (default: 1 without `types`, else max(types) + 1)
 * @param days day index per point (negative or ≥ dayCount: located and counted in `counts`, not
 *   in `countsByDay`)
 * @param dayCount number of days (default max(days) + 1)
 */
export function joinPoints(
  index: JoinIndex,
  coords: Float64Array | Float32Array,
  types?: Uint8Array | Uint16Array,
  typeCount?: number,
  days?: Uint16Array | Int32Array,
  dayCount?: number,
): JoinResult {
  if ((coords.length & 1) !== 0) throw new RangeError('joinPoints: coords must hold lon, lat pairs');
  const n = coords.length >> 1;
  if (types !== undefined && types.length < n) throw new RangeError(`joinPoints: ${types.length} types for ${n} points`);
  if (days !== undefined && days.length < n) throw new RangeError(`joinPoints: ${days.length} days for ${n} points`);
  const T = typeCount ?? (types === undefined ? 1 : maxPlusOne(types));
  const D = days === undefined ? undefined : (dayCount ?? maxPlusOne(days));
  const counter = new PointCounter(index, { coords, types, days }, { typeCount: T, dayCount: D, keepTownship: true });
  counter.count(0, n);
  const { township, counts, countsByDay } = counter.finish();
  return { township: township!, counts, ...(countsByDay !== undefined ? { countsByDay } : {}), typeCount: T, dayCount: D ?? 0 };
}

/** The points a {@link PointCounter} counts (lengths checked by the caller). */
export interface CountedPoints {
  /** Interleaved lon, lat. */
  readonly coords: Float64Array | Float32Array;
  readonly types?: Uint8Array | Uint16Array | undefined;
  readonly days?: Uint16Array | Int32Array | undefined;
}

export interface PointCounterOptions {
  /** Types counted (0 … typeCount − 1); a point with a larger type is located, not counted. */
  readonly typeCount: number;
  /** With `days`: days counted in countsByDay (0 … dayCount − 1). Undefined: no countsByDay. */
  readonly dayCount?: number | undefined;
  /** Keep every point's township (else only a chunk's worth of scratch is allocated). */
  readonly keepTownship: boolean;
}

export interface PointCounts {
  readonly counts: Uint32Array;
  readonly countsByDay?: Uint32Array;
  /** Township index per point, −1 outside (with `keepTownship`). */
  readonly township?: Int32Array;
  /** Points outside every township. */
  readonly outside: number;
}

/**
 * The one point-counting loop: locates points a range at a time and counts them per township ×
 * type (× day). `joinPoints` counts all points in one call; the worker counts a range per chunk so
 * it can report progress and be cancelled in between. The result does not depend on the ranges.
 */
export class PointCounter {
  private readonly counts: Uint32Array;
  private readonly countsByDay: Uint32Array | undefined;
  private readonly township: Int32Array | null;
  private scratch: Int32Array | null = null;
  /** Two histograms of counts.length + 1 (see countTypes), summed by finish(). */
  private readonly h: Uint32Array | null;
  /** Points per locate-then-count step (cache-sized when the histograms are small). */
  private readonly step: number;
  private readonly featureCount: number;
  private readonly dayCount: number;
  private outside = 0;

  constructor(
    private readonly index: JoinIndex,
    private readonly points: CountedPoints,
    private readonly options: PointCounterOptions,
  ) {
    const n = points.coords.length >> 1;
    const T = options.typeCount;
    this.featureCount = index.featureCount;
    this.counts = new Uint32Array(this.featureCount * T);
    this.dayCount = points.days === undefined || options.dayCount === undefined ? 0 : options.dayCount;
    this.countsByDay = points.days === undefined || options.dayCount === undefined ? undefined : new Uint32Array(this.dayCount * this.featureCount * T);
    this.township = options.keepTownship ? new Int32Array(n) : null;
    this.h = points.types === undefined ? null : new Uint32Array(2 * this.counts.length + 2);
    // Located and counted a step at a time when the histograms are small, so the counting pass reads
    // townships from cache; large histograms (national) would instead be evicted by every step's
    // lookups and miss again in every step's count.
    this.step = this.counts.length <= COUNT_CHUNK_MAX_COUNTERS ? COUNT_CHUNK : Infinity;
  }

  /** Locate and count the points from … to − 1. */
  count(from: number, to: number): void {
    const { coords, types, days } = this.points;
    const T = this.options.typeCount;
    for (let s = from; s < to; s = Math.min(to, s + this.step)) {
      const e = Math.min(to, s + this.step);
      const located = this.located(s, e);
      locatePoints(this.index, coords.subarray(2 * s, 2 * e), located);
      if (this.h === null) {
        for (let p = 0; p < e - s; p++) {
          const k = located[p]!;
          if (k >= 0) this.counts[k * T]!++;
          else this.outside++;
        }
      } else this.outside += countTypes(located, types!, s, T, this.h);
      if (this.countsByDay !== undefined) countDays(located, types, days!, s, T, this.featureCount, this.dayCount, this.countsByDay);
    }
  }

  finish(): PointCounts {
    const { counts, h } = this;
    if (h !== null) {
      const half = counts.length + 1;
      for (let c = 0; c < counts.length; c++) counts[c] = h[c]! + h[half + c]!;
    }
    return {
      counts,
      outside: this.outside,
      ...(this.countsByDay !== undefined ? { countsByDay: this.countsByDay } : {}),
      ...(this.township !== null ? { township: this.township } : {}),
    };
  }

  /** Where the townships of points s … e − 1 go. */
  private located(s: number, e: number): Int32Array {
    if (this.township !== null) return this.township.subarray(s, e);
    if (this.scratch === null || this.scratch.length < e - s) this.scratch = new Int32Array(e - s);
    return this.scratch.subarray(0, e - s);
  }
}

/** Points per locate-then-count step: their townships (256 KB) stay in cache for the count. */
const COUNT_CHUNK = 1 << 16;
/** Counters (two histograms of them) that leave room in a 1 MB L2 cache for a step's data. */
const COUNT_CHUNK_MAX_COUNTERS = 1 << 16;

/**
 * h[k · T + t]++ for every located point (township[q] = k ≥ 0, types[first + q] = t < T), where h
 * holds two histograms of counts.length + 1 (the last slot a dummy) to be summed by the caller.
 * Branch-free (the outside points, ~half of a uniform sample, would make the branch
 * unpredictable): invalid points go to the dummy slot; the two histograms halve the store-to-load
 * dependency stalls when consecutive points hit the same counter. Returns the points outside.
 */
function countTypes(township: Int32Array, types: Uint8Array | Uint16Array, first: number, T: number, h: Uint32Array): number {
  const half = h.length >> 1;
  const size = half - 1;
  const to = township.length;
  let outside = 0;
  let q = 0;
  for (; q + 1 < to; q += 2) {
    const k0 = township[q]!;
    const t0 = types[first + q]!;
    const bad0 = (k0 | (T - 1 - t0)) >> 31; // −1 when k0 < 0 or t0 ≥ T
    h[((k0 * T + t0) & ~bad0) | (size & bad0)]!++;
    const k1 = township[q + 1]!;
    const t1 = types[first + q + 1]!;
    const bad1 = (k1 | (T - 1 - t1)) >> 31;
    h[half + (((k1 * T + t1) & ~bad1) | (size & bad1))]!++;
    outside -= (k0 >> 31) + (k1 >> 31);
  }
  if (q < to) {
    const k = township[q]!;
    const t = types[first + q]!;
    const bad = (k | (T - 1 - t)) >> 31;
    h[((k * T + t) & ~bad) | (size & bad)]!++;
    outside -= k >> 31;
  }
  return outside;
}

/** countsByDay[(d · F + k) · T + t]++ for the located points inside with 0 ≤ d < D and t < T. */
function countDays(
  township: Int32Array,
  types: Uint8Array | Uint16Array | undefined,
  days: Uint16Array | Int32Array,
  first: number,
  T: number,
  F: number,
  D: number,
  countsByDay: Uint32Array,
): void {
  for (let q = 0; q < township.length; q++) {
    const k = township[q]!;
    const d = days[first + q]!;
    const t = types === undefined ? 0 : types[first + q]!;
    if (k >= 0 && d >= 0 && d < D && t < T) countsByDay[(d * F + k) * T + t]!++;
  }
}

/** One more than the largest value (0 for an empty array): the default count of types or days. */
export function maxPlusOne(a: Uint8Array | Uint16Array | Int32Array): number {
  let m = -1;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m + 1;
}
