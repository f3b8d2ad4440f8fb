/**
 * Geometry shared by the build phases: which grid cells an edge touches, which row lines it
 * crosses, and the first corner each crossing counts for. A grid is passed as one Float64Array
 * `g` = [x0, y0, cell width, cell height, 1/width, 1/height, margin x, margin y] (doubles given one
 * by one to a function V8 does not inline would each be boxed on the heap).
 */
import { eastOfAt } from './predicates.ts';

/** Edges are assigned to cells widened by this fraction of a cell on every side. */
export const MARGIN = 1e-6;

/**
 * The cells of a grid that the edge from vertex v/2 to the next touches, row by row: writes
 * triples (row j, first column, last column) into `out` and returns how many rows. The grid is
 * `g` = [x0, y0, cell width, cell height, 1/width, 1/height, margin x, margin y] with gx × gy
 * cells; each cell is widened by the margins, so the result is conservative.
 */
export function edgeSpan(vx: Float64Array, v: number, g: Float64Array, gx: number, gy: number, out: Int32Array): number {
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
export function crossedRows(vx: Float64Array, v: number, g: Float64Array, gy: number, out: Int32Array): number {
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
export function firstCorner(vx: Float64Array, v: number, g: Float64Array, gx: number, j: number, q: Float64Array): number {
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
export function absoluteMargin(minX: number, minY: number, maxX: number, maxY: number): number {
  const m = Math.max(Math.abs(minX), Math.abs(minY), Math.abs(maxX), Math.abs(maxY));
  return 1e-13 * (1 + (Number.isFinite(m) ? m : 0));
}

function clampIndex(v: number, n: number): number {
  if (!(v >= 0)) return 0;
  return v >= n ? n - 1 : v;
}
