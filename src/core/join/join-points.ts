import type { JoinIndex } from './join-index';
import { createScratch, resolveWord } from './locate-point';

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
  const township = new Int32Array(n);
  if (coords instanceof Float64Array) locateAll64(index, coords, township);
  else locateAll32(index, coords, township);

  const T = typeCount ?? (types === undefined ? 1 : maxPlusOne(types));
  const F = index.featureCount;
  const counts = new Uint32Array(F * T);
  if (types === undefined) {
    for (let p = 0; p < n; p++) {
      const k = township[p]!;
      if (k >= 0) counts[k * T]!++;
    }
  } else countTypes(township, types, T, counts);
  if (days === undefined) return { township, counts, typeCount: T, dayCount: 0 };
  const D = dayCount ?? maxPlusOne(days);
  const countsByDay = new Uint32Array(D * F * T);
  for (let p = 0; p < n; p++) {
    const k = township[p]!;
    const d = days[p]!;
    const t = types === undefined ? 0 : types[p]!;
    if (k >= 0 && d >= 0 && d < D && t < T) countsByDay[(d * F + k) * T + t]!++;
  }
  return { township, counts, countsByDay, typeCount: T, dayCount: D };
}

/**
 * Locate interleaved lon, lat points into `out` (−1 outside). The hot loop: two multiplies and one
 * array read per point in a pure cell; mixed cells go through `resolveWord`.
 */
export function locatePoints(index: JoinIndex, coords: Float64Array | Float32Array, out?: Int32Array): Int32Array {
  const n = coords.length >> 1;
  const result = out ?? new Int32Array(n);
  if (coords instanceof Float64Array) locateAll64(index, coords, result);
  else locateAll32(index, coords, result);
  return result;
}

// Two copies of the loop so each stays monomorphic in its coordinate array type. (Splitting pure
// and mixed points into two passes, or radix-partitioning the points by tile first, measured
// slower on these indexes: see data/JOIN.md.)

function locateAll64(index: JoinIndex, coords: Float64Array, out: Int32Array): void {
  const n = coords.length >> 1;
  const { minX, minY, maxX, maxY, invW, invH, nx, ny, cellWord } = index;
  const lastI = nx - 1;
  const lastJ = ny - 1;
  const scratch = createScratch(index);
  const pt = new Float64Array(6);
  for (let p = 0; p < n; p++) {
    const x = coords[2 * p]!;
    const y = coords[2 * p + 1]!;
    let k = -1;
    if (x >= minX && x < maxX && y >= minY && y < maxY) {
      let i = ((x - minX) * invW) | 0;
      if (i > lastI) i = lastI;
      let j = ((y - minY) * invH) | 0;
      if (j > lastJ) j = lastJ;
      k = cellWord[j * nx + i]!;
      if (k < -1) {
        pt[0] = x;
        pt[1] = y;
        k = resolveWord(index, k, i, j, scratch, pt);
      }
    }
    out[p] = k;
  }
}

function locateAll32(index: JoinIndex, coords: Float32Array, out: Int32Array): void {
  const n = coords.length >> 1;
  const { minX, minY, maxX, maxY, invW, invH, nx, ny, cellWord } = index;
  const lastI = nx - 1;
  const lastJ = ny - 1;
  const scratch = createScratch(index);
  const pt = new Float64Array(6);
  for (let p = 0; p < n; p++) {
    const x = coords[2 * p]!;
    const y = coords[2 * p + 1]!;
    let k = -1;
    if (x >= minX && x < maxX && y >= minY && y < maxY) {
      let i = ((x - minX) * invW) | 0;
      if (i > lastI) i = lastI;
      let j = ((y - minY) * invH) | 0;
      if (j > lastJ) j = lastJ;
      k = cellWord[j * nx + i]!;
      if (k < -1) {
        pt[0] = x;
        pt[1] = y;
        k = resolveWord(index, k, i, j, scratch, pt);
      }
    }
    out[p] = k;
  }
}

/**
 * counts[k · T + t]++ for every point inside (k ≥ 0) with a valid type (t < T). Branch-free (the
 * outside points, ~half of a uniform sample, would make the branch unpredictable): invalid points
 * go to a dummy slot; two sub-histograms halve the store-to-load dependency stalls when
 * consecutive points hit the same counter.
 */
function countTypes(township: Int32Array, types: Uint8Array | Uint16Array, T: number, counts: Uint32Array): void {
  const n = township.length;
  const size = counts.length;
  const h = new Uint32Array(2 * size + 2); // [histogram 0, dummy, histogram 1, dummy]
  const half = size + 1;
  let p = 0;
  for (; p + 1 < n; p += 2) {
    const k0 = township[p]!;
    const t0 = types[p]!;
    const bad0 = (k0 | (T - 1 - t0)) >> 31; // −1 when k0 < 0 or t0 ≥ T
    h[((k0 * T + t0) & ~bad0) | (size & bad0)]!++;
    const k1 = township[p + 1]!;
    const t1 = types[p + 1]!;
    const bad1 = (k1 | (T - 1 - t1)) >> 31;
    h[half + (((k1 * T + t1) & ~bad1) | (size & bad1))]!++;
  }
  for (; p < n; p++) {
    const k = township[p]!;
    const t = types[p]!;
    if (k >= 0 && t < T) counts[k * T + t]!++;
  }
  for (let c = 0; c < size; c++) counts[c]! += h[c]! + h[half + c]!;
}

function maxPlusOne(a: Uint8Array | Uint16Array | Int32Array): number {
  let m = -1;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m + 1;
}
