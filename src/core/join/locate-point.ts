import type { JoinIndex } from './join-index';
import { crossesPath } from './predicates';

/**
 * The feature (township index) containing the point (lon, lat) under the border rule of
 * build-index.ts, or −1 when it is in none. For many points use `joinPoints`.
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

/**
 * Resolve a mixed top-level cell (i, j) whose word is `word` (≤ −2): descend through child blocks
 * to a pure sub-cell or a leaf record and test the leaf's edges.
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
  let xr = index.minX + (i + 1) * index.cellW;
  let yb = index.minY + j * index.cellH;
  let v = -2 - word;
  while ((v & 1) === 1) {
    const b = v >> 1;
    const g = b * 6;
    const geom = index.blockGeom;
    const s = index.blockDim[b]!;
    const x0 = geom[g]!;
    const y0 = geom[g + 1]!;
    const sw = geom[g + 2]!;
    const sh = geom[g + 3]!;
    let si = ((px - x0) * geom[g + 4]!) | 0;
    if (si < 0) si = 0;
    else if (si >= s) si = s - 1;
    let sj = ((py - y0) * geom[g + 5]!) | 0;
    if (sj < 0) sj = 0;
    else if (sj >= s) sj = s - 1;
    const w = index.cellWord[index.blockWordStart[b]! + sj * s + si]!;
    if (w >= -1) return w;
    xr = x0 + (si + 1) * sw;
    yb = y0 + sj * sh;
    v = -2 - w;
  }
  return locateInRecord(index, v >> 1, px, py, xr, yb, scratch);
}

/** Scratch space for {@link locateInRecord}: allocate once per batch, never per point. */
export function createScratch(index: JoinIndex): Int32Array {
  return new Int32Array(index.maxRecordEntries + index.maxSetSize + 1);
}

/**
 * Resolve a point in a leaf cell (record r; the cell's south-east corner R = (xr, yb)): start from
 * the parts containing R, toggle the parts of the edges crossing the path P → (xr, py) → R,
 * and return the lowest feature among the parts left (exactly one for a partition).
 */
export function locateInRecord(
  index: JoinIndex,
  r: number,
  px: number,
  py: number,
  xr: number,
  yb: number,
  scratch: Int32Array,
): number {
  const corner = index.recCorner[r]!;
  let n = 0;
  if (corner >= 0) scratch[n++] = corner;
  else if (corner <= -2) {
    const s = -2 - corner;
    for (let k = index.setStart[s]!; k < index.setStart[s + 1]!; k++) scratch[n++] = index.setParts[k]!;
  }
  const coords = index.entryCoords;
  const parts = index.entryPart;
  const end = index.recStart[r + 1]!;
  for (let e = index.recStart[r]!; e < end; e++) {
    const o = e * 4;
    const x1 = coords[o]!;
    const y1 = coords[o + 1]!;
    const x2 = coords[o + 2]!;
    const y2 = coords[o + 3]!;
    if (crossesPath(x1, y1, x2, y2, px, py, xr, yb)) {
      const part = parts[e]!;
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
