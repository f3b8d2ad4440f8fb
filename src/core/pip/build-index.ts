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
 * outside — and its word is the answer, or it is *mixed*. Words are stored as 16-bit cell codes
 * (`cellCode`): the word itself for pure cells, an index into the row's `rowWord` entries for
 * mixed cells (and for features past 65,535 − nx). A mixed cell with few edges
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
import { crossesPathAt, eastOfAt } from './predicates';

export interface BuildJoinIndexOptions {
  /**
   * Target top-level grid cells per polygon edge (default 16 up to 250,000 edges, tapering to 2 for
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
/** Keeps a row's indirect cell codes (at most one per column) within 16 bits beside the direct ones. */
const MAX_COLUMNS = 1 << 15;
/** Edges are assigned to cells widened by this fraction of a cell on every side. */
const MARGIN = 1e-6;

/**
 * 16 cells per edge for small sets (a finer grid puts fewer random points in mixed cells, and with
 * 2-byte cells Zhejiang's grid still stays within a few MB); the cell budget grows more slowly
 * past 250,000 edges, where build time and memory start to matter more.
 */
function defaultCells(edges: number): number {
  return edges <= 250_000 ? 16 * edges : 4_000_000 + 2 * (edges - 250_000);
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
    nx = Math.max(1, Math.min(MAX_COLUMNS, Math.round(Math.sqrt((target * width) / height))));
    ny = Math.max(1, Math.floor(target / nx));
    if (nx * ny > maxCells) nx = Math.max(1, Math.floor(maxCells / ny));
  }
  const cellW = width > 0 ? width / nx : 1;
  const cellH = height > 0 ? height / ny : 1;
  const invW = width > 0 ? nx / width : 0;
  const invH = height > 0 ? ny / height : 0;
  const cellCount = nx * ny;

  // Geometry of the grid for the helpers (passed as one Float64Array: doubles given one by one to
  // a function V8 does not inline would each be boxed on the heap).
  const absMargin = absoluteMargin(minX, minY, maxX, maxY);
  const grid = Float64Array.of(minX, minY, cellW, cellH, invW, invH, Math.max(cellW * MARGIN, absMargin), Math.max(cellH * MARGIN, absMargin));
  const span = new Int32Array(3 * ny + 3);
  const q2 = new Float64Array(2);

  // --- edge → cell pairs (each edge into every cell its segment touches, cells widened by MARGIN),
  //     grouped by grid row: pass 1 counts per row, pass 2 writes (column, edge) in row order
  const rowPairStart = new Uint32Array(ny + 1);
  for (let e = 0; e < edgeCount; e++) {
    const rows = edgeSpan(vx, 2 * edgeStart[e]!, grid, nx, ny, span);
    for (let t = 0; t < rows; t++) rowPairStart[span[3 * t]! + 1]! += span[3 * t + 2]! - span[3 * t + 1]! + 1;
  }
  for (let j = 0; j < ny; j++) rowPairStart[j + 1]! += rowPairStart[j]!;
  const pairCount = rowPairStart[ny]!;
  // columns fit in 16 bits for any grid up to 65,535 columns (a saving of 2 bytes per pair)
  const pairCol = nx <= 0xffff ? new Uint16Array(pairCount) : new Uint32Array(pairCount);
  const pairEdge = new Uint32Array(pairCount);
  {
    const fill = rowPairStart.slice(0, ny);
    for (let e = 0; e < edgeCount; e++) {
      const rows = edgeSpan(vx, 2 * edgeStart[e]!, grid, nx, ny, span);
      for (let t = 0; t < rows; t++) {
        const j = span[3 * t]!;
        let k = fill[j]!;
        for (let i = span[3 * t + 1]!; i <= span[3 * t + 2]!; i++) {
          pairCol[k] = i;
          pairEdge[k++] = e;
        }
        fill[j] = k;
      }
    }
  }

  // --- crossings of every grid row line y = minY + j·cellH, with the first corner
  //     (xr_i = minX + (i+1)·cellW, yb_j) each counts for: a crossing counts for corner i when it
  //     is not strictly east of xr_i. Grouped by row the same way.
  const rowCrossStart = new Uint32Array(ny + 1);
  for (let e = 0; e < edgeCount; e++) {
    const rows = crossedRows(vx, 2 * edgeStart[e]!, grid, ny, span);
    for (let t = 0; t < rows; t++) rowCrossStart[span[t]! + 1]!++;
  }
  for (let j = 0; j < ny; j++) rowCrossStart[j + 1]! += rowCrossStart[j]!;
  const crossCol = nx < 0xffff ? new Uint16Array(rowCrossStart[ny]!) : new Uint32Array(rowCrossStart[ny]!);
  const crossPart = new Int32Array(crossCol.length);
  {
    const fill = rowCrossStart.slice(0, ny);
    for (let e = 0; e < edgeCount; e++) {
      const v = 2 * edgeStart[e]!;
      const rows = crossedRows(vx, v, grid, ny, span);
      for (let t = 0; t < rows; t++) {
        const j = span[t]!;
        const k = fill[j]!++;
        crossCol[k] = firstCorner(vx, v, grid, nx, j, q2);
        crossPart[k] = edgePart[e]!;
      }
    }
  }

  // --- sweep each row west → east: corner sets; pure cells get their feature, mixed cells a node.
  //     Words are stored as 16-bit cell codes (join-index.ts): half the bytes of int32 words, which
  //     is what keeps the national grid's random lookups mostly in the last-level cache.
  const cellCode = new Uint16Array(cellCount);
  const directCodes = Math.min(featureCount, 0xffff - nx);
  // mixed top-level cells (distinct row/column pairs), to size the leaf buffer once
  let mixedCells = 0;
  {
    const stamp = new Int32Array(nx).fill(-1);
    for (let j = 0; j < ny; j++) {
      for (let k = rowPairStart[j]!; k < rowPairStart[j + 1]!; k++) {
        const i = pairCol[k]!;
        if (stamp[i] !== j) {
          stamp[i] = j;
          mixedCells++;
        }
      }
    }
  }
  // (about 3.5 words per pair on the national set once blocks are counted: sized so that the
  // buffer rarely grows, since every large allocation brings the next full GC closer)
  const out = new NodeWriter(vx, edgeStart, edgePart, partFeature, 2 * mixedCells + Math.ceil(3.6 * pairCount) + 1024, {
    leafMaxEntries: options.leafMaxEntries ?? DEFAULT_LEAF_MAX_ENTRIES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    absMargin,
  });
  let maxRowPairs = 0;
  let maxRowCross = 0;
  for (let j = 0; j < ny; j++) {
    maxRowPairs = Math.max(maxRowPairs, rowPairStart[j + 1]! - rowPairStart[j]!);
    maxRowCross = Math.max(maxRowCross, rowCrossStart[j + 1]! - rowCrossStart[j]!);
  }
  const colStart = new Uint32Array(nx + 2);
  const cornerStart = new Uint32Array(nx + 2);
  const rowEdges = new Uint32Array(maxRowPairs);
  const rowParts = new Int32Array(maxRowCross);
  const geom = new Float64Array(5);
  let cur: Int32Array = new Int32Array(16);
  const rowWordStart = new Uint32Array(ny + 1);
  const rowWord = new GrowI32(mixedCells + 16);
  for (let j = 0; j < ny; j++) {
    rowWordStart[j] = rowWord.n;
    // counting sorts of the row's pairs by column and crossings by corner (offsets shifted by one:
    // after the fill, colStart[i + 1] is where column i starts)
    colStart.fill(0);
    const p0 = rowPairStart[j]!;
    const p1 = rowPairStart[j + 1]!;
    for (let k = p0; k < p1; k++) colStart[pairCol[k]! + 2]!++;
    for (let i = 0; i < nx; i++) colStart[i + 2]! += colStart[i + 1]!;
    for (let k = p0; k < p1; k++) rowEdges[colStart[pairCol[k]! + 1]!++] = pairEdge[k]!;
    cornerStart.fill(0);
    const c0 = rowCrossStart[j]!;
    const c1 = rowCrossStart[j + 1]!;
    for (let k = c0; k < c1; k++) cornerStart[crossCol[k]! + 2]!++;
    for (let i = 0; i < nx; i++) cornerStart[i + 2]! += cornerStart[i + 1]!;
    for (let k = c0; k < c1; k++) rowParts[cornerStart[crossCol[k]! + 1]!++] = crossPart[k]!;
    let n = 0;
    const yb = minY + j * cellH;
    for (let i = 0; i < nx; i++) {
      for (let k = cornerStart[i]!; k < cornerStart[i + 1]!; k++) {
        const part = rowParts[k]!;
        let t = 0;
        while (t < n && cur[t] !== part) t++;
        if (t < n) cur[t] = cur[--n]!;
        else {
          if (n === cur.length) cur = growI32(cur);
          cur[n++] = part;
        }
      }
      const es = colStart[i]!;
      const ee = colStart[i + 1]!;
      let word: number;
      if (es === ee) word = n === 0 ? -1 : n === 1 ? partFeature[cur[0]!]! : out.pureWord(cur, n);
      else {
        geom[0] = minX + i * cellW;
        geom[1] = yb;
        geom[2] = cellW;
        geom[3] = cellH;
        geom[4] = minX + (i + 1) * cellW;
        word = out.node(cur, n, rowEdges, es, ee, geom, 0);
      }
      if (word >= -1 && word < directCodes) cellCode[j * nx + i] = word + 1;
      else {
        cellCode[j * nx + i] = directCodes + 1 + rowWord.n - rowWordStart[j]!;
        rowWord.push(word);
      }
    }
  }
  rowWordStart[ny] = rowWord.n;

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
    cellCode,
    directCodes,
    rowWordStart,
    rowWord: rowWord.done(),
    nodes: out.nodes.done(),
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
  /** The block's grid for edgeSpan. */
  grid: Float64Array;
  /** The geometry handed to a child: x0, y0, w, h, xr. */
  childGeom: Float64Array;
  /** A child corner C and the parent's corner R as crossesPathAt wants them: cx, cy, xr, yb, xr, cy. */
  corner: Float64Array;
  span: Int32Array;
}

/** Writes the leaves and child blocks of mixed cells. */
class NodeWriter {
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

/**
 * The cells of a grid that the edge from vertex v/2 to the next touches, row by row: writes
 * triples (row j, first column, last column) into `out` and returns how many rows. The grid is
 * `g` = [x0, y0, cell width, cell height, 1/width, 1/height, margin x, margin y] with gx × gy
 * cells; each cell is widened by the margins, so the result is conservative.
 */
function edgeSpan(vx: Float64Array, v: number, g: Float64Array, gx: number, gy: number, out: Int32Array): number {
  const x1 = vx[v]!;
  const y1 = vx[v + 1]!;
  const x2 = vx[v + 2]!;
  const y2 = vx[v + 3]!;
  const ox = g[0]!;
  const oy = g[1]!;
  const ch = g[3]!;
  const invW = g[4]!;
  const invH = g[5]!;
  const mX = g[6]!;
  const mY = g[7]!;
  const exLo = (x1 < x2 ? x1 : x2) - mX;
  const exHi = (x1 < x2 ? x2 : x1) + mX;
  const eyLo = (y1 < y2 ? y1 : y2) - mY;
  const eyHi = (y1 < y2 ? y2 : y1) + mY;
  if (exHi < ox - mX || eyHi < oy - mY || exLo > ox + gx * g[2]! + mX || eyLo > oy + gy * ch + mY) return 0;
  const j0 = clampIndex(Math.floor((eyLo - oy) * invH), gy);
  const j1 = clampIndex(Math.floor((eyHi - oy) * invH), gy);
  const dxdy = y1 !== y2 ? (x2 - x1) / (y2 - y1) : 0;
  let n = 0;
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
    out[3 * n] = j;
    out[3 * n + 1] = clampIndex(Math.floor((xa - ox) * invW), gx);
    out[3 * n + 2] = clampIndex(Math.floor((xb - ox) * invW), gx);
    n++;
  }
  return n;
}

/**
 * The grid row lines y = y0 + j·cellH (g as for edgeSpan) that the edge from vertex v/2 crosses
 * under the half-open rule (exactly one endpoint strictly above): writes the rows j into `out`,
 * returns how many.
 */
function crossedRows(vx: Float64Array, v: number, g: Float64Array, gy: number, out: Int32Array): number {
  const y1 = vx[v + 1]!;
  const y2 = vx[v + 3]!;
  if (y1 === y2) return 0;
  const oy = g[1]!;
  const ch = g[3]!;
  const invH = g[5]!;
  const lo = y1 < y2 ? y1 : y2;
  const hi = y1 < y2 ? y2 : y1;
  const jStart = Math.max(0, Math.ceil((lo - oy) * invH) - 1);
  const jEnd = Math.min(gy - 1, Math.floor((hi - oy) * invH) + 1);
  let n = 0;
  for (let j = jStart; j <= jEnd; j++) {
    const yb = oy + j * ch;
    if (lo <= yb && yb < hi) out[n++] = j;
  }
  return n;
}

/**
 * The first corner (i, j), i.e. the smallest i with xr_i = x0 + (i+1)·cellW, for which the
 * crossing of row line j by the edge from vertex v/2 counts: the crossing is not strictly east of
 * xr_i. Returns gx when it counts for none. Exact (a float estimate, then exact steps).
 */
function firstCorner(vx: Float64Array, v: number, g: Float64Array, gx: number, j: number, q: Float64Array): number {
  const x1 = vx[v]!;
  const y1 = vx[v + 1]!;
  const x2 = vx[v + 2]!;
  const y2 = vx[v + 3]!;
  const ox = g[0]!;
  const cw = g[2]!;
  const yb = g[1]! + j * g[3]!;
  const xf = x1 + ((yb - y1) * (x2 - x1)) / (y2 - y1);
  let i = Math.ceil((xf - ox) * g[4]!) - 1;
  if (!(i >= 0)) i = 0;
  if (i > gx) i = gx;
  q[1] = yb;
  for (;;) {
    if (i === 0) break;
    q[0] = ox + i * cw;
    if (eastOfAt(vx, v, q, 0)) break;
    i--;
  }
  for (;;) {
    if (i === gx) break;
    q[0] = ox + (i + 1) * cw;
    if (!eastOfAt(vx, v, q, 0)) break;
    i++;
  }
  return i;
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
  /** Make room for k more values (a may be reallocated, 1.5× larger). */
  reserve(k: number): void {
    if (this.n + k > this.a.length) {
      const b = new Int32Array(Math.max(Math.ceil(this.a.length * 1.5), this.n + k));
      b.set(this.a);
      this.a = b;
    }
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  /** The filled part (a view when at most a third is wasted, else a copy). */
  done(): Int32Array {
    return this.n >= this.a.length * 0.66 ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
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
