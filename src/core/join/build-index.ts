/**
 * # Building the point-in-polygon join index
 *
 * ## Border rule (fixed; the same in every code path)
 *
 * A point (x, y) belongs to the polygon that contains the point (x + ε, y + ε²) for an
 * infinitesimally small ε > 0 — "the township immediately to its east; on an east–west edge, the
 * one immediately to its north". Equivalently, it is the classic half-open crossing-number test
 * with a ray cast due east: an edge counts when exactly one endpoint is strictly north of the point
 * (`(y1 > y) !== (y2 > y)`) and it crosses the ray strictly east of the point, all decided with
 * exact arithmetic (predicates.ts). Consequences:
 * - A point strictly inside a polygon, or strictly outside all, gets the same answer as Turf's
 *   `booleanPointInPolygon` (even–odd rule, holes honoured).
 * - A point on an edge shared by two townships (or on a vertex shared by several) lands in exactly
 *   one of them: the one east of it (north of it for an east–west edge; for a vertex, the one
 *   containing the directions just north of due east). Turf says "inside" for all of them.
 * - Points on the city's outer boundary: they belong to the city exactly when the city lies
 *   immediately to their east (north for an east–west edge), so points on the west and south
 *   sides of the boundary are in, points on the east and north sides are out (−1). The same rule
 *   applies at the edge of a hole. Points with x ≥ maxX or y ≥ maxY of all vertices, NaN or ±∞
 *   are outside.
 * - Polygons should not overlap (township partitions do not). If they do, a point covered by
 *   several features is given the lowest feature index (like turf.tag's first match); parts of one
 *   MultiPolygon are tested separately, so overlapping parts do not cancel out.
 *
 * ## Index layout (join-index.ts has the field-by-field description)
 *
 * A uniform grid of nx × ny cells over the extent, about `cellsPerEdge` cells per edge. Each cell
 * is either *pure* — no edge comes near it, so it lies wholly inside one feature or wholly
 * outside — and its word in `cellWord` is the answer, or it is *mixed*. A mixed cell with few edges
 * is a *leaf*: the list of every edge that touches the cell (closed rectangle, widened by a hair),
 * as references into the shared ring vertices, with the part each edge belongs to, and the set of
 * parts containing the cell's south-east corner R = (xr, yb) under the same ε-perturbation. A mixed
 * cell with many edges becomes a *block*: a finer s × s grid over the cell whose sub-cells are
 * pure, leaves or blocks again. For a point P in a leaf, the path P → Q = (xr, py) → R runs inside
 * the cell; the parts containing P are the parts containing R toggled by every edge crossing that
 * path (crossings decided exactly, with the same tie rules), so no edge outside the cell is needed.
 * Top-level corner sets are computed by sweeping each grid row line from the west and toggling at
 * every edge crossing (bucketed by corner); block corners from the parent leaf's data. No
 * per-corner point-in-polygon test is ever run.
 */
import type { Feature, Geometry } from 'geojson';
import { flattenPolygons, type FlatPolygons } from './flatten-polygons';
import type { JoinIndex } from './join-index';
import { crossesEastOf, crossesPath } from './predicates';

export interface BuildJoinIndexOptions {
  /**
   * Target top-level grid cells per polygon edge (default 8 up to 500,000 edges, tapering to 2 for
   * millions). More cells: faster joins, more memory, slower builds.
   */
  readonly cellsPerEdge?: number;
  /** Upper bound on the number of top-level grid cells (default 2^23). */
  readonly maxCells?: number;
  /** Mixed cells with more edges than this are split into a finer child grid (default 12). */
  readonly leafMaxEntries?: number;
  /** Maximum nesting of child grids (default 3). */
  readonly maxDepth?: number;
  /** Feature identifiers to store in the index (default: the codes of the input). */
  readonly codes?: readonly string[];
}

const DEFAULT_MAX_CELLS = 1 << 23;
const DEFAULT_LEAF_MAX_ENTRIES = 12;
const DEFAULT_MAX_DEPTH = 3;
/** Edges are assigned to cells widened by this fraction of a cell on every side. */
const MARGIN = 1e-6;

/** 8 cells per edge for small sets; the cell budget grows more slowly past 500,000 edges. */
function defaultCells(edges: number): number {
  return edges <= 500_000 ? 8 * edges : 4_000_000 + 2 * (edges - 500_000);
}

/**
 * Build the join index from GeoJSON Polygon/MultiPolygon features (the result's feature indices
 * are positions in `polygons`) or from {@link FlatPolygons}.
 */
export function buildJoinIndex(
  polygons: readonly Feature<Geometry | null>[] | FlatPolygons,
  options: BuildJoinIndexOptions = {},
): JoinIndex {
  const flat: FlatPolygons = isFlat(polygons) ? polygons : flattenPolygons(polygons);
  const { vertices: vx, ringStart, partRingStart, featurePartStart } = flat;
  const featureCount = featurePartStart.length - 1;
  const partCount = partRingStart.length - 1;

  // --- parts → features
  const partFeature = new Int32Array(partCount);
  for (let f = 0; f < featureCount; f++) {
    for (let p = featurePartStart[f]!; p < featurePartStart[f + 1]!; p++) partFeature[p] = f;
  }

  // --- extent, and the edges: edge e runs from vertex edgeStart[e] to the next one of its (closed)
  //     ring; zero-length edges are dropped (they never cross anything)
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const vertexCount = vx.length >> 1;
  for (let v = 0; v < vertexCount; v++) {
    const x = vx[2 * v]!;
    const y = vx[2 * v + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const edgeStart = new Uint32Array(vertexCount);
  const edgePart = new Int32Array(edgeStart.length);
  let edgeCount = 0;
  for (let p = 0; p < partCount; p++) {
    for (let r = partRingStart[p]!; r < partRingStart[p + 1]!; r++) {
      const s = ringStart[r]!;
      const e = ringStart[r + 1]!;
      if (e > s && (vx[2 * s] !== vx[2 * e - 2] || vx[2 * s + 1] !== vx[2 * e - 1])) {
        throw new Error(`buildJoinIndex: ring ${r} is not closed (FlatPolygons rings repeat their first vertex)`);
      }
      for (let v = s; v + 1 < e; v++) {
        if (vx[2 * v] === vx[2 * v + 2] && vx[2 * v + 1] === vx[2 * v + 3]) continue;
        edgeStart[edgeCount] = v;
        edgePart[edgeCount++] = p;
      }
    }
  }

  // --- grid
  const width = maxX - minX;
  const height = maxY - minY;
  let nx = 1;
  let ny = 1;
  if (edgeCount > 0 && width > 0 && height > 0) {
    const maxCells = Math.max(1, Math.floor(options.maxCells ?? DEFAULT_MAX_CELLS));
    const wanted = options.cellsPerEdge === undefined ? defaultCells(edgeCount) : edgeCount * options.cellsPerEdge;
    const target = Math.max(1, Math.min(maxCells, Math.round(wanted)));
    nx = Math.max(1, Math.round(Math.sqrt((target * width) / height)));
    ny = Math.max(1, Math.floor(target / nx));
    if (nx * ny > maxCells) nx = Math.max(1, Math.floor(maxCells / ny));
  }
  const cellW = width > 0 ? width / nx : 1;
  const cellH = height > 0 ? height / ny : 1;
  const invW = width > 0 ? nx / width : 0;
  const invH = height > 0 ? ny / height : 0;
  const cellCount = nx * ny;

  // --- edge → cell pairs (each edge into every cell its segment touches, cells widened by MARGIN)
  const absMargin = absoluteMargin(minX, minY, maxX, maxY);
  const mX = Math.max(cellW * MARGIN, absMargin);
  const mY = Math.max(cellH * MARGIN, absMargin);
  // size the pair buffers from the rows and columns each edge spans (plus slack)
  let estimate = 16;
  for (let e = 0; e < edgeCount; e++) {
    const o = 2 * edgeStart[e]!;
    estimate += Math.abs(vx[o + 2]! - vx[o]!) * invW + Math.abs(vx[o + 3]! - vx[o + 1]!) * invH + 2.5;
  }
  const pairCells = new GrowU32(Math.ceil(Math.min(estimate, 2 ** 30)));
  let pairEdge: Uint32Array = new Uint32Array(pairCells.a.length);
  // cellFill[c + 1] counts the edges of cell c, then (prefix sums) cellFill[c] is where they start
  const cellFill = new Uint32Array(cellCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const o = 2 * edgeStart[e]!;
    const before = pairCells.n;
    assignEdge(vx[o]!, vx[o + 1]!, vx[o + 2]!, vx[o + 3]!, minX, minY, cellW, cellH, invW, invH, nx, ny, mX, mY, pairCells);
    if (pairCells.n > pairEdge.length) pairEdge = growU32(pairEdge, pairCells.n);
    const pc = pairCells.a;
    for (let k = before; k < pairCells.n; k++) {
      pairEdge[k] = e;
      cellFill[pc[k]! + 1]!++;
    }
  }
  const pairCount = pairCells.n;
  // counting sort of pairs by cell; afterwards cellFill[c] is the END of cell c's edges (and the
  // start of cell c + 1's), so no copy of the offsets is needed
  let mixedCells = 0;
  for (let c = 0; c < cellCount; c++) {
    if (cellFill[c + 1]! > 0) mixedCells++;
    cellFill[c + 1]! += cellFill[c]!;
  }
  const cellEdges = new Uint32Array(pairCount);
  {
    const pc = pairCells.a;
    for (let k = 0; k < pairCount; k++) cellEdges[cellFill[pc[k]!]!++] = pairEdge[k]!;
  }
  pairCells.a = new Uint32Array(0);
  pairEdge = new Uint32Array(0);

  // --- crossings of every grid row line y = minY + j·cellH, bucketed by the first corner
  //     (xr_i = minX + (i+1)·cellW, yb_j) they count for: a crossing counts for corner i when
  //     it is not strictly east of xr_i.
  estimate = 16;
  for (let e = 0; e < edgeCount; e++) {
    const o = 2 * edgeStart[e]!;
    estimate += Math.abs(vx[o + 3]! - vx[o + 1]!) * invH + 1;
  }
  let crossKey: Uint32Array = new Uint32Array(Math.ceil(Math.min(estimate, 2 ** 30)));
  let crossPart: Int32Array = new Int32Array(crossKey.length);
  let crossCount = 0;
  const bucketStart = new Uint32Array(cellCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const o = 2 * edgeStart[e]!;
    const x1 = vx[o]!;
    const y1 = vx[o + 1]!;
    const x2 = vx[o + 2]!;
    const y2 = vx[o + 3]!;
    if (y1 === y2) continue;
    const lo = y1 < y2 ? y1 : y2;
    const hi = y1 < y2 ? y2 : y1;
    const jStart = Math.max(0, Math.ceil((lo - minY) * invH) - 1);
    const jEnd = Math.min(ny - 1, Math.floor((hi - minY) * invH) + 1);
    const dxdy = (x2 - x1) / (y2 - y1);
    for (let j = jStart; j <= jEnd; j++) {
      const yb = minY + j * cellH;
      if (!(lo <= yb && yb < hi)) continue;
      const xf = x1 + (yb - y1) * dxdy;
      let i = Math.ceil((xf - minX) * invW) - 1;
      if (!(i >= 0)) i = 0;
      if (i > nx) i = nx;
      while (i > 0 && !crossesEastOf(x1, y1, x2, y2, minX + i * cellW, yb)) i--;
      while (i < nx && crossesEastOf(x1, y1, x2, y2, minX + (i + 1) * cellW, yb)) i++;
      if (i === nx) continue;
      if (crossCount === crossKey.length) {
        crossKey = growU32(crossKey);
        crossPart = growI32(crossPart);
      }
      const key = j * nx + i;
      crossKey[crossCount] = key;
      crossPart[crossCount++] = edgePart[e]!;
      bucketStart[key + 1]!++;
    }
  }
  for (let c = 0; c < cellCount; c++) bucketStart[c + 1]! += bucketStart[c]!;
  // as for cellFill: afterwards bucketStart[c] is the end of corner c's crossings
  const bucketParts = new Int32Array(crossCount);
  for (let k = 0; k < crossCount; k++) bucketParts[bucketStart[crossKey[k]!]!++] = crossPart[k]!;
  crossKey = new Uint32Array(0);
  crossPart = new Int32Array(0);

  // --- sweep each row west → east: corner sets; pure cells get their feature, mixed cells a node
  const cellWord = new Int32Array(cellCount);
  const out = new NodeWriter(vx, edgeStart, edgePart, partFeature, 2 * mixedCells + 2 * pairCount + 1024, {
    leafMaxEntries: options.leafMaxEntries ?? DEFAULT_LEAF_MAX_ENTRIES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    absMargin,
  });
  let cur: Int32Array = new Int32Array(16);
  let edgeEnd = 0;
  let bucketEnd = 0;
  for (let j = 0; j < ny; j++) {
    let n = 0;
    for (let i = 0; i < nx; i++) {
      const c = j * nx + i;
      const bs = bucketEnd;
      bucketEnd = bucketStart[c]!;
      for (let k = bs; k < bucketEnd; k++) {
        const part = bucketParts[k]!;
        let t = 0;
        while (t < n && cur[t] !== part) t++;
        if (t < n) cur[t] = cur[--n]!;
        else {
          if (n === cur.length) cur = growI32(cur);
          cur[n++] = part;
        }
      }
      const es = edgeEnd;
      edgeEnd = cellFill[c]!;
      cellWord[c] =
        es === edgeEnd
          ? n === 0
            ? -1
            : n === 1
              ? partFeature[cur[0]!]!
              : out.pureWord(cur, n)
          : out.node(cur, n, cellEdges, es, edgeEnd, minX + i * cellW, minY + j * cellH, cellW, cellH, minX + (i + 1) * cellW, 0);
    }
  }

  const codes = options.codes ?? flat.codes ?? null;
  if (codes !== null && codes.length !== featureCount) {
    throw new Error(`buildJoinIndex: ${codes.length} codes given for ${featureCount} features`);
  }
  return {
    featureCount,
    partCount,
    minX,
    minY,
    maxX,
    maxY,
    nx,
    ny,
    cellW,
    cellH,
    invW,
    invH,
    cellWord,
    blocks: out.blocks.done(),
    blockWords: out.blockWords.done(),
    leaves: out.leaves.done(),
    vertices: vx,
    partFeature,
    setStart: out.setStart.done(),
    setParts: out.setParts.done(),
    maxRecordEntries: out.maxRecordEntries,
    maxSetSize: out.maxSetSize,
    leafCount: out.leafCount,
    blockCount: out.blockCount,
    entryCount: out.entryCount,
    codes: codes === null ? null : [...codes],
  };
}

interface NodeOptions {
  readonly leafMaxEntries: number;
  readonly maxDepth: number;
  readonly absMargin: number;
}

/** Per-depth scratch of NodeWriter.node (a child at depth d+1 never touches depth d's). */
interface DepthScratch {
  childSet: Int32Array;
  lists: Uint32Array;
  start: Uint32Array;
  vertical: Uint32Array;
  path: Uint32Array;
}

/** Writes the leaves and child blocks of mixed cells. */
class NodeWriter {
  readonly blocks = new GrowF64(1024);
  readonly blockWords = new GrowI32(1024);
  readonly leaves: GrowI32;
  readonly setStart = new GrowU32(4);
  readonly setParts = new GrowI32(4);
  maxRecordEntries = 0;
  maxSetSize = 1;
  leafCount = 0;
  blockCount = 0;
  entryCount = 0;
  private readonly pairCells = new GrowU32(256);
  private readonly pairEdges = new GrowU32(256);
  private readonly scratch: DepthScratch[] = [];

  constructor(
    private readonly vx: Float64Array,
    private readonly edgeStart: Uint32Array,
    private readonly edgePart: Int32Array,
    private readonly partFeature: Int32Array,
    capacity: number,
    private readonly opt: NodeOptions,
  ) {
    this.leaves = new GrowI32(capacity);
    this.setStart.push(0);
    for (let d = 0; d <= opt.maxDepth; d++) {
      this.scratch.push({
        childSet: new Int32Array(16),
        lists: new Uint32Array(256),
        start: new Uint32Array(65),
        vertical: new Uint32Array(64),
        path: new Uint32Array(64),
      });
    }
  }

  /** The word of a cell no edge comes near: the lowest feature among the corner's parts. */
  pureWord(set: Int32Array, n: number): number {
    if (n === 0) return -1;
    const pf = this.partFeature;
    let best = pf[set[0]!]!;
    for (let t = 1; t < n; t++) if (pf[set[t]!]! < best) best = pf[set[t]!]!;
    return best;
  }

  /**
   * The word of a mixed cell [x0, x0 + w] × [y0, y0 + h] with the edges `edges[e0 .. e1)`: a leaf
   * when it has few edges (or cannot be split further), else a child block whose sub-cells are
   * built recursively. `set[0 .. setLen)` holds the parts containing the cell's south-east corner
   * (xr, y0), where xr is computed exactly as the query computes it (it may differ from x0 + w in
   * the last bit).
   */
  node(
    set: Int32Array,
    setLen: number,
    edges: Uint32Array,
    e0: number,
    e1: number,
    x0: number,
    y0: number,
    w: number,
    h: number,
    xr: number,
    depth: number,
  ): number {
    const count = e1 - e0;
    if (count === 0) return this.pureWord(set, setLen);
    const opt = this.opt;
    if (count <= opt.leafMaxEntries || depth >= opt.maxDepth || Math.min(w, h) < opt.absMargin * 1e4) {
      return this.leaf(set, setLen, edges, e0, e1);
    }
    // Child block: s × s sub-cells.
    const s = Math.max(2, Math.min(8, Math.ceil(Math.sqrt(count / 2))));
    const sw = w / s;
    const sh = h / s;
    const blocks = this.blocks;
    const o = blocks.n;
    const words = this.blockWords;
    const base = words.n;
    blocks.reserve(8);
    const ba = blocks.a;
    ba[o] = x0;
    ba[o + 1] = y0;
    ba[o + 2] = sw;
    ba[o + 3] = sh;
    ba[o + 4] = s / w;
    ba[o + 5] = s / h;
    ba[o + 6] = s;
    ba[o + 7] = base;
    blocks.n = o + 8;
    words.reserve(s * s);
    words.n = base + s * s;
    this.blockCount++;
    // Assign the edges to sub-cells (counting sort by sub-cell) into this depth's scratch.
    const sc = this.scratch[depth]!;
    const cells = this.pairCells;
    const owners = this.pairEdges;
    cells.n = 0;
    owners.n = 0;
    const mX = Math.max(sw * MARGIN, opt.absMargin);
    const mY = Math.max(sh * MARGIN, opt.absMargin);
    const vx = this.vx;
    const es = this.edgeStart;
    for (let k = e0; k < e1; k++) {
      const e = edges[k]!;
      const v = 2 * es[e]!;
      assignEdge(vx[v]!, vx[v + 1]!, vx[v + 2]!, vx[v + 3]!, x0, y0, sw, sh, s / w, s / h, s, s, mX, mY, cells);
      while (owners.n < cells.n) owners.push(e);
    }
    const start = sc.start;
    start.fill(0, 0, s * s + 1);
    for (let t = 0; t < cells.n; t++) start[cells.a[t]! + 1]!++;
    for (let c = 0; c < s * s; c++) start[c + 1]! += start[c]!;
    if (sc.lists.length < cells.n) sc.lists = new Uint32Array(cells.n * 2);
    const lists = sc.lists;
    // fill using `start` shifted by one, then restore
    for (let t = 0; t < cells.n; t++) lists[start[cells.a[t]!]!++] = owners.a[t]!;
    for (let c = s * s; c > 0; c--) start[c] = start[c - 1]!;
    start[0] = 0;
    // Child corners (x0 + (si+1)·sw, y0 + sj·sh): the parent corner's parts toggled by the edges
    // crossing the path corner → (xr, cy) → (xr, y0). Only edges straddling x = xr (vertical leg)
    // or the row line y = cy (horizontal leg) can cross it.
    if (sc.vertical.length < count) {
      sc.vertical = new Uint32Array(count * 2);
      sc.path = new Uint32Array(count * 2);
    }
    const vertical = sc.vertical;
    const path = sc.path;
    let nv = 0;
    for (let k = e0; k < e1; k++) {
      const e = edges[k]!;
      const v = 2 * es[e]!;
      if (vx[v]! > xr !== vx[v + 2]! > xr) vertical[nv++] = e;
    }
    if (sc.childSet.length < setLen + count) sc.childSet = new Int32Array((setLen + count) * 2);
    const childSet = sc.childSet;
    for (let sj = 0; sj < s; sj++) {
      const cy = y0 + sj * sh;
      let np = 0;
      for (let k = e0; k < e1; k++) {
        const e = edges[k]!;
        const v = 2 * es[e]!;
        if (vx[v + 1]! > cy !== vx[v + 3]! > cy) path[np++] = e;
      }
      for (let k = 0; k < nv; k++) {
        const e = vertical[k]!;
        const v = 2 * es[e]!;
        if (!(vx[v + 1]! > cy !== vx[v + 3]! > cy)) path[np++] = e;
      }
      for (let si = 0; si < s; si++) {
        const c = sj * s + si;
        const cx = x0 + (si + 1) * sw;
        // parts at the child corner
        let n = setLen;
        for (let t = 0; t < setLen; t++) childSet[t] = set[t]!;
        for (let k = 0; k < np; k++) {
          const e = path[k]!;
          const v = 2 * es[e]!;
          if (crossesPath(vx[v]!, vx[v + 1]!, vx[v + 2]!, vx[v + 3]!, cx, cy, xr, y0)) n = toggle(childSet, n, this.edgePart[e]!);
        }
        const word = this.node(childSet, n, lists, start[c]!, start[c + 1]!, x0 + si * sw, cy, sw, sh, cx, depth + 1);
        words.a[base + c] = word; // after the call: it may reallocate words.a
      }
    }
    return -2 - (2 * o + 1);
  }

  private leaf(set: Int32Array, setLen: number, edges: Uint32Array, e0: number, e1: number): number {
    let corner = -1;
    if (setLen === 1) corner = set[0]!;
    else if (setLen > 1) {
      corner = -2 - (this.setStart.n - 1);
      for (let t = 0; t < setLen; t++) this.setParts.push(set[t]!);
      this.setStart.push(this.setParts.n);
      if (setLen > this.maxSetSize) this.maxSetSize = setLen;
    }
    const leaves = this.leaves;
    const o = leaves.n;
    const count = e1 - e0;
    leaves.reserve(2 + 2 * count);
    const a = leaves.a;
    a[o] = corner;
    a[o + 1] = count;
    const es = this.edgeStart;
    const ep = this.edgePart;
    let w = o + 2;
    for (let k = e0; k < e1; k++) a[w++] = es[edges[k]!]!;
    for (let k = e0; k < e1; k++) a[w++] = ep[edges[k]!]!;
    leaves.n = w;
    if (count > this.maxRecordEntries) this.maxRecordEntries = count;
    this.leafCount++;
    this.entryCount += count;
    return -2 - 2 * o;
  }
}

/** Toggle `part` in the set a[0 .. n): remove it when present, else append. Returns the new size. */
function toggle(a: Int32Array, n: number, part: number): number {
  for (let t = 0; t < n; t++) {
    if (a[t] === part) {
      a[t] = a[n - 1]!;
      return n - 1;
    }
  }
  a[n] = part;
  return n + 1;
}

/**
 * Assign the segment (x1, y1)–(x2, y2) to every cell of the grid (origin ox, oy; cell cw × ch;
 * gx × gy cells) whose rectangle, widened by mX, mY, it touches; pushes the cell numbers.
 */
function assignEdge(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  ox: number,
  oy: number,
  cw: number,
  ch: number,
  invW: number,
  invH: number,
  gx: number,
  gy: number,
  mX: number,
  mY: number,
  outCells: GrowU32,
): void {
  const exLo = (x1 < x2 ? x1 : x2) - mX;
  const exHi = (x1 < x2 ? x2 : x1) + mX;
  const eyLo = (y1 < y2 ? y1 : y2) - mY;
  const eyHi = (y1 < y2 ? y2 : y1) + mY;
  if (exHi < ox - mX || eyHi < oy - mY || exLo > ox + gx * cw + mX || eyLo > oy + gy * ch + mY) return;
  const j0 = clampIndex(Math.floor((eyLo - oy) * invH), gy);
  const j1 = clampIndex(Math.floor((eyHi - oy) * invH), gy);
  const dxdy = y1 !== y2 ? (x2 - x1) / (y2 - y1) : 0;
  for (let j = j0; j <= j1; j++) {
    let xa: number;
    let xb: number;
    if (y1 === y2 || j0 === j1) {
      xa = exLo;
      xb = exHi;
    } else {
      const ya = Math.max(eyLo, oy + j * ch - mY);
      const yb = Math.min(eyHi, oy + (j + 1) * ch + mY);
      const xAtA = x1 + (ya - y1) * dxdy;
      const xAtB = x1 + (yb - y1) * dxdy;
      xa = Math.max(exLo, (xAtA < xAtB ? xAtA : xAtB) - mX);
      xb = Math.min(exHi, (xAtA < xAtB ? xAtB : xAtA) + mX);
    }
    const i0 = clampIndex(Math.floor((xa - ox) * invW), gx);
    const i1 = clampIndex(Math.floor((xb - ox) * invW), gx);
    outCells.reserve(i1 - i0 + 1);
    const a = outCells.a;
    let n = outCells.n;
    for (let i = i0; i <= i1; i++) a[n++] = j * gx + i;
    outCells.n = n;
  }
}

/** Margin below which coordinate rounding could move a point across a cell border. */
function absoluteMargin(minX: number, minY: number, maxX: number, maxY: number): number {
  const m = Math.max(Math.abs(minX), Math.abs(minY), Math.abs(maxX), Math.abs(maxY));
  return 1e-13 * (1 + (Number.isFinite(m) ? m : 0));
}

function isFlat(x: readonly Feature<Geometry | null>[] | FlatPolygons): x is FlatPolygons {
  return !Array.isArray(x);
}

function clampIndex(v: number, n: number): number {
  if (!(v >= 0)) return 0;
  return v >= n ? n - 1 : v;
}

function growU32(a: Uint32Array, need = 0): Uint32Array {
  const b = new Uint32Array(Math.max(a.length * 2, need));
  b.set(a);
  return b;
}

function growI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

class GrowI32 {
  a: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Int32Array(Math.max(4, cap));
  }
  /** Make room for k more values (a may be reallocated). */
  reserve(k: number): void {
    if (this.n + k > this.a.length) {
      const b = new Int32Array(Math.max(this.a.length * 2, this.n + k));
      b.set(this.a);
      this.a = b;
    }
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  /** The filled part (a view when little is wasted, else a copy). */
  done(): Int32Array {
    return this.n >= this.a.length * 0.75 ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
  }
}

class GrowU32 {
  a: Uint32Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Uint32Array(Math.max(4, cap));
  }
  /** Make room for k more values (a may be reallocated). */
  reserve(k: number): void {
    if (this.n + k > this.a.length) {
      const b = new Uint32Array(Math.max(this.a.length * 2, this.n + k));
      b.set(this.a);
      this.a = b;
    }
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  done(): Uint32Array {
    return this.n >= this.a.length * 0.75 ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
  }
}

class GrowF64 {
  a: Float64Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Float64Array(Math.max(4, cap));
  }
  /** Make room for k more values (a may be reallocated). */
  reserve(k: number): void {
    if (this.n + k > this.a.length) {
      const b = new Float64Array(Math.max(this.a.length * 2, this.n + k));
      b.set(this.a);
      this.a = b;
    }
  }
  /** The filled part (a view when little is wasted, else a copy). */
  done(): Float64Array {
    return this.n >= this.a.length * 0.75 ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
  }
}
