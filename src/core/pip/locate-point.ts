import type { JoinIndex } from './join-index';
import { crossesPathAt } from './predicates';

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
  const c = index.cellCode[j * index.nx + i]!;
  if (c <= index.directCodes) return c - 1;
  const word = index.rowWord[index.rowWordStart[j]! + c - index.directCodes - 1]!;
  if (word >= -1) return word;
  const pt = new Float64Array(6);
  pt[0] = lon;
  pt[1] = lat;
  return resolveWord(index, word, i, j, createScratch(index), pt);
}

/** Scratch space for {@link resolveWord}: allocate once per batch, never per point. */
export function createScratch(index: JoinIndex): Int32Array {
  return new Int32Array(index.maxRecordEntries + index.maxSetSize + 1);
}

/**
 * Resolve the point (pt[0], pt[1]) in the mixed top-level cell (i, j) whose word is `word` (≤ −2):
 * descend through child blocks to a pure sub-cell (its word is the answer) or a leaf, then test the
 * leaf's edges. The point travels in a Float64Array of 6 (doubles passed one by one to a function
 * V8 does not inline would be boxed on the heap, once per point); pt[2 .. 5] are overwritten.
 */
export function resolveWord(index: JoinIndex, word: number, i: number, j: number, scratch: Int32Array, pt: Float64Array): number {
  const w = descendBlocks(index, word, i, j, pt);
  return w >= -1 ? w : locateInLeaf(index, (-2 - w) >> 1, scratch, pt);
}

/**
 * Descend from the mixed top-level cell (i, j) with word `word` (≤ −2) through child blocks to the
 * sub-cell holding (pt[0], pt[1]). Returns the sub-cell's word: ≥ −1 when it is pure (the answer),
 * else a leaf's word (its offset is (−2 − word) >> 1), with pt[2 .. 5] set to the leaf cell's
 * [xr, yb, xr, py] as {@link locateInLeaf} wants them.
 */
export function descendBlocks(index: JoinIndex, word: number, i: number, j: number, pt: Float64Array): number {
  const px = pt[0]!;
  const py = pt[1]!;
  const nodes = index.nodes;
  // the cell's geometry, computed exactly as the build computed it
  let x0 = index.minX + i * index.cellW;
  let y0 = index.minY + j * index.cellH;
  let w = index.cellW;
  let h = index.cellH;
  let xr = index.minX + (i + 1) * index.cellW;
  let v = -2 - word;
  while ((v & 1) === 1) {
    const o = v >> 1;
    const s = nodes[o]!;
    const sw = w / s;
    const sh = h / s;
    let si = ((px - x0) * (s / w)) | 0;
    if (si < 0) si = 0;
    else if (si >= s) si = s - 1;
    let sj = ((py - y0) * (s / h)) | 0;
    if (sj < 0) sj = 0;
    else if (sj >= s) sj = s - 1;
    const child = nodes[o + 1 + sj * s + si]!;
    if (child >= -1) return child;
    xr = x0 + (si + 1) * sw;
    x0 = x0 + si * sw;
    y0 = y0 + sj * sh;
    w = sw;
    h = sh;
    v = -2 - child;
  }
  pt[2] = xr;
  pt[3] = y0;
  pt[4] = xr;
  pt[5] = py;
  return -2 - v;
}

/**
 * Resolve the point P = (pt[0], pt[1]) in the leaf at offset o of `nodes`, whose cell's south-east
 * corner is R = (pt[2], pt[3]) (pt = [px, py, xr, yb, xr, py]): start from the parts containing R, toggle the part of every edge crossing the path
 * P → (xr, py) → R (all perturbed by (+ε, +ε²)), and return the lowest feature among the parts left
 * (exactly one, or none, for a partition).
 */
export function locateInLeaf(index: JoinIndex, o: number, scratch: Int32Array, pt: Float64Array): number {
  const py = pt[1]!;
  const xr = pt[2]!;
  const leaves = index.nodes;
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
    // Cheap rejection first: most edges of a leaf straddle neither the row line y = py nor the
    // column line x = xr, so they cannot cross the path.
    if (vx[c + 1]! > py === vx[c + 3]! > py && vx[c]! > xr === vx[c + 2]! > xr) continue;
    if (crossesPathAt(vx, c, pt)) {
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
