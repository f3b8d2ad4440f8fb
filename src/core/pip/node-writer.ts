import { crossesPathAt } from './predicates.ts';
import { edgeSpan, MARGIN } from './grid-geometry.ts';
import { GrowI32, GrowU32 } from './grow.ts';

export interface NodeOptions {
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
  /** The block's grid for edgeSpan. */
  grid: Float64Array;
  /** The geometry handed to a child: x0, y0, w, h, xr. */
  childGeom: Float64Array;
  /** A child corner C and the parent's corner R as crossesPathAt wants them: cx, cy, xr, yb, xr, cy. */
  corner: Float64Array;
  span: Int32Array;
}

/** Writes the leaves and child blocks of mixed cells. */
export class NodeWriter {
  readonly nodes: GrowI32;
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
    this.nodes = new GrowI32(capacity);
    this.setStart.push(0);
    for (let d = 0; d <= opt.maxDepth; d++) {
      this.scratch.push({
        childSet: new Int32Array(16),
        lists: new Uint32Array(256),
        start: new Uint32Array(65),
        vertical: new Uint32Array(64),
        path: new Uint32Array(64),
        grid: new Float64Array(8),
        childGeom: new Float64Array(5),
        corner: new Float64Array(6),
        span: new Int32Array(3 * 9),
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
   * The word of a mixed cell with the edges `edges[e0 .. e1)` and geometry `geom` = [x0, y0, w, h,
   * xr] (the cell [x0, x0 + w] × [y0, y0 + h]; xr is its east side computed exactly as the query
   * computes it, which may differ from x0 + w in the last bit): a leaf when it has few edges (or
   * cannot be split further), else a child block whose sub-cells are built recursively.
   * `set[0 .. setLen)` holds the parts containing the cell's south-east corner (xr, y0).
   */
  node(set: Int32Array, setLen: number, edges: Uint32Array, e0: number, e1: number, geom: Float64Array, depth: number): number {
    const count = e1 - e0;
    if (count === 0) return this.pureWord(set, setLen);
    const x0 = geom[0]!;
    const y0 = geom[1]!;
    const w = geom[2]!;
    const h = geom[3]!;
    const xr = geom[4]!;
    const opt = this.opt;
    if (count <= opt.leafMaxEntries || depth >= opt.maxDepth || Math.min(w, h) < opt.absMargin * 1e4) {
      return this.leaf(set, setLen, edges, e0, e1);
    }
    // Child block: s × s sub-cells.
    const s = Math.max(2, Math.min(8, Math.ceil(Math.sqrt(count / 2))));
    // the query recomputes exactly these: sw = w / s, sh = h / s, and s / w, s / h for the indices
    const sw = w / s;
    const sh = h / s;
    const words = this.nodes;
    const o = words.n;
    words.reserve(1 + s * s);
    words.a[o] = s;
    const base = o + 1;
    words.n = base + s * s;
    this.blockCount++;
    // Assign the edges to sub-cells (counting sort by sub-cell) into this depth's scratch.
    const sc = this.scratch[depth]!;
    const g = sc.grid;
    g[0] = x0;
    g[1] = y0;
    g[2] = sw;
    g[3] = sh;
    g[4] = s / w;
    g[5] = s / h;
    g[6] = Math.max(sw * MARGIN, opt.absMargin);
    g[7] = Math.max(sh * MARGIN, opt.absMargin);
    const cells = this.pairCells;
    const owners = this.pairEdges;
    cells.n = 0;
    owners.n = 0;
    const vx = this.vx;
    const es = this.edgeStart;
    const span = sc.span;
    for (let k = e0; k < e1; k++) {
      const e = edges[k]!;
      const rows = edgeSpan(vx, 2 * es[e]!, g, s, s, span);
      for (let t = 0; t < rows; t++) {
        const j = span[3 * t]!;
        for (let i = span[3 * t + 1]!; i <= span[3 * t + 2]!; i++) {
          cells.push(j * s + i);
          owners.push(e);
        }
      }
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
    const corner = sc.corner;
    const childGeom = sc.childGeom;
    corner[2] = xr;
    corner[3] = y0;
    corner[4] = xr;
    for (let sj = 0; sj < s; sj++) {
      const cy = y0 + sj * sh;
      corner[1] = cy;
      corner[5] = cy;
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
        corner[0] = cx;
        // parts at the child corner
        let n = setLen;
        for (let t = 0; t < setLen; t++) childSet[t] = set[t]!;
        for (let k = 0; k < np; k++) {
          const e = path[k]!;
          if (crossesPathAt(vx, 2 * es[e]!, corner)) n = toggle(childSet, n, this.edgePart[e]!);
        }
        childGeom[0] = x0 + si * sw;
        childGeom[1] = cy;
        childGeom[2] = sw;
        childGeom[3] = sh;
        childGeom[4] = cx;
        const word = this.node(childSet, n, lists, start[c]!, start[c + 1]!, childGeom, depth + 1);
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
    const leaves = this.nodes;
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
