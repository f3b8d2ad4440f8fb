import type { JoinIndex } from './join-index';
import { createScratch, descendBlocks, locateInLeaf, resolveWord } from './locate-point';

/**
 * Locate interleaved lon, lat points into `out` (−1 outside). The hot loop: two multiplies and one
 * 16-bit read per point in a pure cell; see `locateDirect` and `locateStaged` for mixed cells.
 */
export function locatePoints(
  index: JoinIndex,
  coords: Float64Array | Float32Array,
  out?: Int32Array,
  /** 'auto' picks by index size; the others exist so tests can run either loop on any index. */
  strategy: 'auto' | 'direct' | 'staged' = 'auto',
): Int32Array {
  const n = coords.length >> 1;
  const result = out ?? new Int32Array(n);
  const staged =
    strategy === 'auto' ? index.cellCode.byteLength + index.nodes.byteLength + index.vertices.byteLength > STAGED_MIN_BYTES : strategy === 'staged';
  if (coords instanceof Float64Array) {
    if (staged) locateStaged(index, coords, result, 0);
    else locateDirect(index, coords, result, 0);
    return result;
  }
  // Float32 input is widened a chunk at a time, so the loops only ever see Float64Array and stay
  // monomorphic (the copy is sequential and costs little next to the lookups).
  const chunk = new Float64Array(2 * Math.min(n, 1 << 14));
  for (let p = 0; p < n; p += chunk.length >> 1) {
    const len = Math.min(chunk.length >> 1, n - p);
    const view = len === chunk.length >> 1 ? chunk : chunk.subarray(0, 2 * len);
    view.set(coords.subarray(2 * p, 2 * (p + len)));
    if (staged) locateStaged(index, view, result, p);
    else locateDirect(index, view, result, p);
  }
  return result;
}

/**
 * Above this many bytes of cell codes, nodes and vertices (about the last-level cache of the
 * machines measured), mixed points are resolved in stages; below it, on the spot, which is
 * cheaper when the loads they make hit the cache anyway.
 */
const STAGED_MIN_BYTES = 32 << 20;

/** Locate points (coords interleaved) into out[base ..], resolving each mixed point at once. */
function locateDirect(index: JoinIndex, coords: Float64Array, out: Int32Array, base: number): void {
  const n = coords.length >> 1;
  const { minX, minY, maxX, maxY, invW, invH, nx, ny, cellCode, directCodes, rowWordStart, rowWord } = index;
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
      const c = cellCode[j * nx + i]!;
      k = c - 1;
      if (c > directCodes) {
        k = rowWord[rowWordStart[j]! + c - directCodes - 1]!;
        if (k < -1) {
          pt[0] = x;
          pt[1] = y;
          k = resolveWord(index, k, i, j, scratch, pt);
        }
      }
    }
    out[base + p] = k;
  }
}

// The staged loop takes points in batches of BATCH. Its first pass over a batch is branch-free for
// points inside the extent: it reads each point's 16-bit cell code, writes the code's word (c − 1,
// right unless the code is indirect) and queues the points with indirect codes (mixed cells). With
// no branch on the loaded code the out-of-order core keeps many of these independent, mostly
// cache-missing loads in flight. `resolveBatch` then walks the queue in stages, each stage issuing
// the next round of independent loads (row words and node headers, then leaf vertices) for all
// queued points before any point waits on them: a mixed point is a chain of dependent loads
// (cell → node → vertices), which point by point costs a full memory latency per link once the
// index is far larger than the cache.

const BATCH = 1024;

/** Locate points (coords interleaved) into out[base ..], resolving mixed points a batch at a time. */
function locateStaged(index: JoinIndex, coords: Float64Array, out: Int32Array, base: number): void {
  const n = coords.length >> 1;
  const { minX, minY, maxX, maxY, invW, invH, nx, ny, cellCode, directCodes } = index;
  const lastI = nx - 1;
  const lastJ = ny - 1;
  const q = new BatchQueue(index);
  const { point, cell, qx, qy } = q;
  for (let b = 0; b < n; b += BATCH) {
    const end = Math.min(n, b + BATCH);
    let m = 0;
    for (let p = b; p < end; p++) {
      const x = coords[2 * p]!;
      const y = coords[2 * p + 1]!;
      let c = 0;
      let k = 0;
      if (x >= minX && x < maxX && y >= minY && y < maxY) {
        let i = ((x - minX) * invW) | 0;
        if (i > lastI) i = lastI;
        let j = ((y - minY) * invH) | 0;
        if (j > lastJ) j = lastJ;
        k = j * nx + i;
        c = cellCode[k]!;
      }
      out[base + p] = c - 1;
      // queued unconditionally, kept only when the code is indirect: no branch to mispredict
      point[m] = base + p;
      cell[m] = k;
      m -= (directCodes - c) >> 31;
    }
    if (m > 0) {
      for (let t = 0; t < m; t++) {
        const p = point[t]! - base;
        qx[t] = coords[2 * p]!;
        qy[t] = coords[2 * p + 1]!;
      }
      resolveBatch(index, q, m, out);
    }
  }
}

/** The points of one batch with indirect cell codes: input position, cell, coordinates, stage state. */
class BatchQueue {
  readonly point = new Int32Array(BATCH);
  readonly cell = new Int32Array(BATCH);
  readonly qx = new Float64Array(BATCH);
  readonly qy = new Float64Array(BATCH);
  /** Offset in `nodes` of the point's leaf, and the leaf cell's south-east corner. */
  readonly leaf = new Int32Array(BATCH);
  readonly xr = new Float64Array(BATCH);
  readonly yb = new Float64Array(BATCH);
  readonly scratch: Int32Array;
  /** The point handed to locateInLeaf: px, py, xr, yb, xr, py. */
  readonly pt = new Float64Array(6);
  /** Where the prefetching loads' values go, so the compiler cannot drop them. */
  readonly sink = new Float64Array(1);
  constructor(index: JoinIndex) {
    this.scratch = createScratch(index);
  }
}

/**
 * Resolve the queued points q[0 .. m) (out[p] holds their cell code − 1) and write their features.
 * Stage 1 reads each point's word from `rowWord` and touches its node (block or leaf header), so
 * the misses overlap; stage 2 descends blocks (cached at the first level), keeps the points that
 * reach a leaf and touches every vertex of it; stage 3 tests the leaf edges, from cache.
 */
function resolveBatch(index: JoinIndex, q: BatchQueue, m: number, out: Int32Array): void {
  const { nodes, vertices: vx, nx, directCodes, rowWordStart, rowWord } = index;
  const { point, cell, qx, qy, leaf, xr: qxr, yb: qyb } = q;
  let acc = 0;
  let l = 0;
  for (let t = 0; t < m; t++) {
    const p = point[t]!;
    const k = cell[t]!;
    const j = (k / nx) | 0;
    const word = rowWord[rowWordStart[j]! + out[p]! - directCodes]!;
    out[p] = word;
    if (word >= -1) continue;
    acc += nodes[(-2 - word) >> 1]!;
    point[l] = p;
    cell[l] = k;
    qx[l] = qx[t]!;
    qy[l] = qy[t]!;
    l++;
  }
  m = l;
  l = 0;
  const { pt, scratch } = q;
  for (let t = 0; t < m; t++) {
    const p = point[t]!;
    const j = (cell[t]! / nx) | 0;
    pt[0] = qx[t]!;
    pt[1] = qy[t]!;
    const word = descendBlocks(index, out[p]!, cell[t]! - j * nx, j, pt);
    if (word >= -1) {
      out[p] = word;
      continue;
    }
    const o = (-2 - word) >> 1;
    point[l] = p;
    qx[l] = pt[0]!;
    qy[l] = pt[1]!;
    leaf[l] = o;
    qxr[l] = pt[2]!;
    qyb[l] = pt[3]!;
    l++;
    const e1 = o + 2 + nodes[o + 1]!;
    for (let e = o + 2; e < e1; e++) acc += vx[2 * nodes[e]!]!;
  }
  q.sink[0] = acc;
  for (let t = 0; t < l; t++) {
    pt[0] = qx[t]!;
    pt[1] = qy[t]!;
    pt[2] = qxr[t]!;
    pt[3] = qyb[t]!;
    pt[4] = qxr[t]!;
    pt[5] = qy[t]!;
    out[point[t]!] = locateInLeaf(index, leaf[t]!, scratch, pt);
  }
}
