import type { JoinIndex } from './join-index';
import { crossesBelow, crossesEastOf } from './predicates';

/**
 * The feature (township index) containing the point (lon, lat) under the border rule of
 * build-index.ts, or −1 when it is in none. For many points use `joinPoints`/`locatePoints`.
 */
export function locatePoint(index: JoinIndex, lon: number, lat: number): number {
  if (!(lon >= index.minX && lon < index.maxX && lat >= index.minY && lat < index.maxY)) return -1;
  let i = ((lon - index.minX) * index.invW) | 0;
  if (i >= index.nx) i = index.nx - 1;
  let j = ((lat - index.minY) * index.invH) | 0;
  if (j >= index.ny) j = index.ny - 1;
  const word = index.cellWord[j * index.nx + i]!;
  if (word >= -1) return word;
  return resolveWord(index, word, lon, lat, i, j, createScratch(index));
}

/** Scratch space for {@link resolveWord}: allocate once per batch, never per point. */
export function createScratch(index: JoinIndex): Int32Array {
  return new Int32Array(index.maxRecordEntries + index.maxSetSize + 1);
}

/**
 * Resolve a point in the mixed top-level cell (i, j) whose word is `word` (≤ −2): descend through
 * child blocks to a pure sub-cell (its word is the answer) or a leaf, then test the leaf's edges.
 */
export function resolveWord(
  index: JoinIndex,
  word: number,
  px: number,
  py: number,
  i: number,
  j: number,
  scratch: Int32Array,
): number {
  const nodes = index.blocks;
  let xr = index.minX + (i + 1) * index.cellW;
  let yb = index.minY + j * index.cellH;
  let v = -2 - word;
  while ((v & 1) === 1) {
    const o = v >> 1;
    const x0 = nodes[o]!;
    const y0 = nodes[o + 1]!;
    const s = nodes[o + 6]!;
    let si = ((px - x0) * nodes[o + 4]!) | 0;
    if (si < 0) si = 0;
    else if (si >= s) si = s - 1;
    let sj = ((py - y0) * nodes[o + 5]!) | 0;
    if (sj < 0) sj = 0;
    else if (sj >= s) sj = s - 1;
    const w = index.blockWords[nodes[o + 7]! + sj * s + si]!;
    if (w >= -1) return w;
    xr = x0 + (si + 1) * nodes[o + 2]!;
    yb = y0 + sj * nodes[o + 3]!;
    v = -2 - w;
  }
  return locateInLeaf(index, v >> 1, px, py, xr, yb, scratch);
}

/**
 * Resolve a point in the leaf at offset o of `leaves` (its cell's south-east corner R = (xr, yb)):
 * start from the parts containing R, toggle the part of every edge crossing the path
 * P → (xr, py) → R (all perturbed by (+ε, +ε²)), and return the lowest feature among the parts left
 * (exactly one, or none, for a partition).
 */
export function locateInLeaf(
  index: JoinIndex,
  o: number,
  px: number,
  py: number,
  xr: number,
  yb: number,
  scratch: Int32Array,
): number {
  const leaves = index.leaves;
  const vx = index.vertices;
  const corner = leaves[o]!;
  const count = leaves[o + 1]!;
  let n = 0;
  if (corner >= 0) scratch[n++] = corner;
  else if (corner <= -2) {
    const s = -2 - corner;
    for (let k = index.setStart[s]!; k < index.setStart[s + 1]!; k++) scratch[n++] = index.setParts[k]!;
  }
  const e0 = o + 2;
  for (let e = 0; e < count; e++) {
    const c = 2 * leaves[e0 + e]!;
    const y1 = vx[c + 1]!;
    const y2 = vx[c + 3]!;
    const x1 = vx[c]!;
    const x2 = vx[c + 2]!;
    // Cheap rejection first: most edges of a leaf cross neither leg's line. The exact tests are
    // the ones of crossesPath (predicates.ts), with their endpoint shortcuts taken inline.
    const h = y1 > py !== y2 > py;
    const v = x1 > xr !== x2 > xr;
    if (!h && !v) continue;
    let cross = false;
    if (h) {
      const eastOfP = x1 > px ? x2 > px || crossesEastOf(x1, y1, x2, y2, px, py) : x2 > px && crossesEastOf(x1, y1, x2, y2, px, py);
      const eastOfR = v ? crossesEastOf(x1, y1, x2, y2, xr, py) : x1 > xr;
      cross = eastOfP !== eastOfR;
    }
    if (v && crossesBelow(x1, y1, x2, y2, xr, py) !== crossesBelow(x1, y1, x2, y2, xr, yb)) cross = !cross;
    if (cross) {
      const part = leaves[e0 + count + e]!;
      let t = 0;
      while (t < n && scratch[t] !== part) t++;
      if (t < n) scratch[t] = scratch[--n]!;
      else scratch[n++] = part;
    }
  }
  if (n === 0) return -1;
  const partFeature = index.partFeature;
  let best = partFeature[scratch[0]!]!;
  for (let t = 1; t < n; t++) {
    const f = partFeature[scratch[t]!]!;
    if (f < best) best = f;
  }
  return best;
}
