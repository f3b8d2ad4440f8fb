/**
 * Exact geometric predicates for the join (see data/JOIN.md, "Border rule").
 *
 * Every decision the index makes about a point and an edge goes through {@link orientSign}:
 * a floating-point filter (Shewchuk's orient2d error bound) that is exact whenever it answers,
 * and an exact expansion-arithmetic fallback for the rare ambiguous cases (points on or within
 * ~1e-14° of an edge). The answers are therefore the true answers for the given doubles, never
 * "roughly right": this is what lets the grid index, the corner labels computed at build time and
 * the per-point tests agree with each other and with Turf.
 */

const EPSILON = 1.1102230246251565e-16; // 2^-53
/** Shewchuk's ccwerrboundA: covers the rounding of the differences, the products and the sum. */
const ERR_BOUND = (3 + 16 * EPSILON) * EPSILON;
const SPLITTER = 134217729; // 2^27 + 1

/**
 * Sign (−1, 0, 1) of the exact value of `(x1−qx)(y2−qy) − (y1−qy)(x2−qx)`, i.e. positive when Q is to
 * the left of the directed line P1→P2, negative when to the right, 0 when the three are collinear.
 */
export function orientSign(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  qx: number,
  qy: number,
): number {
  const l = (x1 - qx) * (y2 - qy);
  const r = (y1 - qy) * (x2 - qx);
  const det = l - r;
  const bound = ERR_BOUND * (Math.abs(l) + Math.abs(r));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return orientSignExact(x1, y1, x2, y2, qx, qy);
}

const terms = new Float64Array(16);
const expansion = new Float64Array(17);

/**
 * Exact sign of `(x1−qx)(y2−qy) − (y1−qy)(x2−qx)`: each difference as an exact two-term sum,
 * each product of terms as an exact two-term product (Dekker/Veltkamp), the 16 terms summed
 * into a non-overlapping expansion (Shewchuk's Grow-Expansion); the sign of the sum is the sign
 * of its largest non-zero component. Slow (a few hundred flops) and rarely called.
 */
export function orientSignExact(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  qx: number,
  qy: number,
): number {
  // a = x1 - qx, b = y1 - qy, c = x2 - qx, d = y2 - qy, each as hi + lo exactly.
  const ah = x1 - qx;
  const al = twoDiffTail(x1, qx, ah);
  const bh = y1 - qy;
  const bl = twoDiffTail(y1, qy, bh);
  const ch = x2 - qx;
  const cl = twoDiffTail(x2, qx, ch);
  const dh = y2 - qy;
  const dl = twoDiffTail(y2, qy, dh);
  let n = 0;
  n = pushProduct(ah, dh, n, 1);
  n = pushProduct(ah, dl, n, 1);
  n = pushProduct(al, dh, n, 1);
  n = pushProduct(al, dl, n, 1);
  n = pushProduct(bh, ch, n, -1);
  n = pushProduct(bh, cl, n, -1);
  n = pushProduct(bl, ch, n, -1);
  n = pushProduct(bl, cl, n, -1);
  // Grow-Expansion: add the terms one by one into a non-overlapping expansion.
  let m = 0;
  for (let t = 0; t < n; t++) {
    let q = terms[t]!;
    for (let k = 0; k < m; k++) {
      const e = expansion[k]!;
      const x = q + e;
      const bv = x - q;
      const av = x - bv;
      expansion[k] = q - av + (e - bv);
      q = x;
    }
    expansion[m++] = q;
  }
  for (let k = m - 1; k >= 0; k--) {
    const v = expansion[k]!;
    if (v > 0) return 1;
    if (v < 0) return -1;
  }
  return 0;
}

function twoDiffTail(a: number, b: number, x: number): number {
  const bv = a - x;
  const av = x + bv;
  const br = bv - b;
  const ar = a - av;
  return ar + br;
}

function pushProduct(a: number, b: number, n: number, sign: number): number {
  if (a === 0 || b === 0) return n;
  const x = a * b;
  let c = SPLITTER * a;
  const ahi = c - (c - a);
  const alo = a - ahi;
  c = SPLITTER * b;
  const bhi = c - (c - b);
  const blo = b - bhi;
  const y = alo * blo - (x - ahi * bhi - alo * bhi - ahi * blo);
  terms[n++] = sign * x;
  if (y !== 0) terms[n++] = sign * y;
  return n;
}

/**
 * For an edge P1P2 that crosses the horizontal line through Q under the half-open rule
 * (`(y1 > qy) !== (y2 > qy)`): is the crossing strictly east of Q (`xint > qx`)? Exact.
 * A crossing exactly at Q answers false.
 */
export function crossesEastOf(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  qx: number,
  qy: number,
): boolean {
  // The crossing lies between x1 and x2: decide from the endpoints when possible.
  if (x1 > qx) {
    if (x2 > qx) return true;
  } else if (!(x2 > qx)) return false;
  // xint − qx = det / (y2 − y1) with det = (x1−qx)(y2−qy) − (y1−qy)(x2−qx).
  const s = orientSign(x1, y1, x2, y2, qx, qy);
  return y2 > y1 ? s > 0 : s < 0;
}

/**
 * For an edge P1P2 that crosses the vertical line x = qx + ε (`(x1 > qx) !== (x2 > qx)`):
 * is the crossing below the point (qx + ε, qy + ε²) for infinitesimal ε > 0? That is: the edge's
 * height at qx is below qy, or equal to qy and the edge does not rise to the east. Exact.
 */
export function crossesBelow(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  qx: number,
  qy: number,
): boolean {
  if (y1 < qy) {
    if (y2 < qy) return true;
  } else if (y1 > qy && y2 > qy) return false;
  // yint − qy = −det / (x2 − x1).
  const s = orientSign(x1, y1, x2, y2, qx, qy);
  if (s !== 0) return x2 > x1 ? s > 0 : s < 0;
  // The edge passes exactly through (qx, qy): below iff its slope is ≤ 0.
  return y1 === y2 || y2 > y1 !== x2 > x1;
}

/**
 * Does the edge cross the path P → (xr, py) → (xr, yb), every point perturbed by (+ε, +ε²)?
 * Used by the query (locate-point.ts) and by the index build for child corners.
 */
export function crossesPath(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  px: number,
  py: number,
  xr: number,
  yb: number,
): boolean {
  let cross = false;
  if (y1 > py !== y2 > py) {
    cross = crossesEastOf(x1, y1, x2, y2, px, py) !== crossesEastOf(x1, y1, x2, y2, xr, py);
  }
  if (x1 > xr !== x2 > xr) {
    if (crossesBelow(x1, y1, x2, y2, xr, py) !== crossesBelow(x1, y1, x2, y2, xr, yb)) cross = !cross;
  }
  return cross;
}

// --- Array-based forms for the hot loops. In V8, doubles passed one by one to a function that is
// not inlined are boxed on the heap; these take the edge as an offset into a vertex array and the
// point as an offset into a small Float64Array, so calling them allocates nothing.

/** {@link orientSign} for the edge vx[v .. v+3] and the point (q[k], q[k+1]). */
export function orientAt(vx: Float64Array, v: number, q: Float64Array, k: number): number {
  const x1 = vx[v]!;
  const y1 = vx[v + 1]!;
  const x2 = vx[v + 2]!;
  const y2 = vx[v + 3]!;
  const qx = q[k]!;
  const qy = q[k + 1]!;
  const l = (x1 - qx) * (y2 - qy);
  const r = (y1 - qy) * (x2 - qx);
  const det = l - r;
  const bound = ERR_BOUND * (Math.abs(l) + Math.abs(r));
  if (det > bound) return 1;
  if (-det > bound) return -1;
  return orientSignExact(x1, y1, x2, y2, qx, qy);
}

/** {@link crossesEastOf} for the edge vx[v .. v+3] and the point (q[k], q[k+1]). */
export function eastOfAt(vx: Float64Array, v: number, q: Float64Array, k: number): boolean {
  const x1 = vx[v]!;
  const x2 = vx[v + 2]!;
  const qx = q[k]!;
  if (x1 > qx) {
    if (x2 > qx) return true;
  } else if (!(x2 > qx)) return false;
  const s = orientAt(vx, v, q, k);
  return vx[v + 3]! > vx[v + 1]! ? s > 0 : s < 0;
}

/** {@link crossesBelow} for the edge vx[v .. v+3] and the point (q[k], q[k+1]). */
export function belowAt(vx: Float64Array, v: number, q: Float64Array, k: number): boolean {
  const y1 = vx[v + 1]!;
  const y2 = vx[v + 3]!;
  const qy = q[k + 1]!;
  if (y1 < qy) {
    if (y2 < qy) return true;
  } else if (y1 > qy && y2 > qy) return false;
  const s = orientAt(vx, v, q, k);
  const x1 = vx[v]!;
  const x2 = vx[v + 2]!;
  if (s !== 0) return x2 > x1 ? s > 0 : s < 0;
  return y1 === y2 || y2 > y1 !== x2 > x1;
}

/**
 * {@link crossesPath} for the edge vx[v .. v+3], with the path given as
 * `q` = [px, py, xr, yb, xr, py] (P, then R, then Q).
 */
export function crossesPathAt(vx: Float64Array, v: number, q: Float64Array): boolean {
  const py = q[1]!;
  const xr = q[2]!;
  const h = vx[v + 1]! > py !== vx[v + 3]! > py;
  const vert = vx[v]! > xr !== vx[v + 2]! > xr;
  let cross = false;
  if (h) cross = eastOfAt(vx, v, q, 0) !== eastOfAt(vx, v, q, 4);
  if (vert && belowAt(vx, v, q, 4) !== belowAt(vx, v, q, 2)) cross = !cross;
  return cross;
}
