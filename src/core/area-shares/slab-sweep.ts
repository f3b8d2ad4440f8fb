/**
 * The slab sweep: the area of a township in each class of a prepared layer, without building any
 * output polygon (so no vertex is ever moved or snapped).
 *
 * Cut the township's latitude range into slabs at every vertex of the township and of the layer
 * edges near it, and wherever two edges cross. Within a slab no edges cross, so they are ordered by
 * longitude; walking them west to east while toggling each polygon's inside/outside parity gives
 * every gap between consecutive edges its class (if the township holds the gap: the first class with
 * a polygon holding it, else uncovered). A gap is a trapezoid with straight lon/lat sides, whose
 * `lonLatArea` (lon-lat-area.ts) is linear in its widths at the slab's bottom and top, so a slab
 * needs only the summed widths per class. Layer edges west of the township matter only through their parity; each
 * polygon's are replaced by a few vertical edges west of the township with the same parity.
 * Rounding can only misorder edges that are within rounding of each other (or that cross within
 * {@link MIN_SLAB} of a slab's end), which misplaces no more area than the sliver between them, so
 * shared borders and clip points on them need no special care.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { EARTH_RADIUS, RAD } from './lon-lat-area.ts';
import { polygonsOf, pushEdges } from './polygon-edges.ts';
import type { PreparedAreaLayer } from './prepare-layer.ts';

/** Counts visits to a layer's rows (for {@link PreparedAreaLayer.visited}); 0 is never used. */
let visit = 0;

/**
 * Crossings closer than this (in degrees of latitude) to a slab's bottom or top are not split at:
 * the area misplaced is at most this times the width between the two edges.
 */
const MIN_SLAB = 1e-12;

/**
 * The overlay's edges: the township's, then the layer's nearby ones. Operands (polygons with their
 * own parity): the township's parts 0 … P − 1, then layer polygon q as P + q.
 */
interface OverlayEdges {
  readonly xy: number[];
  readonly operand: number[];
  /** Township parts. */
  readonly P: number;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Per class, then for the uncovered rest: the area (m²) of that part of the township. */
export function overlayAreas(layer: PreparedAreaLayer, geometry: Polygon | MultiPolygon): Float64Array {
  const C = layer.classes.length;
  const overlay = townshipEdges(geometry);
  const box = boundsOf(overlay.xy);
  const areas = new Float64Array(C + 1);
  if (!(box.y1 > box.y0 && box.x1 > box.x0)) return areas;
  const toggles = addNearbyLayerEdges(layer, box, overlay);
  addWestParityEdges(toggles, box.x0 - 1, overlay);
  sweepSlabs(layer, box, overlay, areas);
  const scale = EARTH_RADIUS * EARTH_RADIUS * RAD;
  for (let c = 0; c <= C; c++) areas[c] = Math.max(0, areas[c]! * scale);
  return areas;
}

function townshipEdges(geometry: Polygon | MultiPolygon): OverlayEdges {
  const xy: number[] = [];
  const operand: number[] = [];
  const parts = polygonsOf(geometry);
  parts.forEach((poly, p) => pushEdges(poly, p, xy, operand));
  return { xy, operand, P: parts.length };
}

function boundsOf(xy: readonly number[]): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    x0 = Math.min(x0, xy[i]!);
    x1 = Math.max(x1, xy[i]!);
    y0 = Math.min(y0, xy[i + 1]!);
    y1 = Math.max(y1, xy[i + 1]!);
  }
  return { x0, y0, x1, y1 };
}

/**
 * Adds the layer edges that reach into the township's box. West of the township (x ≤ box.x0) only an
 * edge's latitude span matters — each end toggles its polygon's parity for everything east of it —
 * so those come back as (operand, y) toggle pairs instead.
 */
function addNearbyLayerEdges(layer: PreparedAreaLayer, box: Box, overlay: OverlayEdges): number[] {
  const toggles: number[] = [];
  const { edges, edgePolygon, rowStart, rowEdges, visited } = layer;
  if (edges.length === 0) return toggles;
  const { xy, operand, P } = overlay;
  const { x0: tx0, y0: ty0, x1: tx1, y1: ty1 } = box;
  const rows = rowStart.length - 1;
  if (++visit === 0xffffffff) {
    visited.fill(0);
    visit = 1;
  }
  const r0 = Math.max(0, Math.floor((ty0 - layer.rowY0) / layer.rowHeight));
  const r1 = Math.min(rows - 1, Math.floor((ty1 - layer.rowY0) / layer.rowHeight));
  for (let i = rowStart[Math.min(r0, rows)]!, end = rowStart[Math.max(r1 + 1, 0)]!; i < end; i++) {
    const e = rowEdges[i]!;
    if (visited[e] === visit) continue;
    visited[e] = visit;
    const y0 = edges[4 * e + 1]!;
    const y1 = edges[4 * e + 3]!;
    if (y1 <= ty0 || y0 >= ty1) continue;
    const x0 = edges[4 * e]!;
    const x1 = edges[4 * e + 2]!;
    if (x0 >= tx1 && x1 >= tx1) continue;
    const op = P + edgePolygon[e]!;
    if (x0 <= tx0 && x1 <= tx0) toggles.push(op, Math.max(y0, ty0), op, Math.min(y1, ty1));
    else {
      xy.push(x0, y0, x1, y1);
      operand.push(op);
    }
  }
  return toggles;
}

/**
 * Per polygon, toggles at the same latitude cancel in pairs; what is left bounds the latitude
 * intervals where the polygon's parity west of the township is odd — each becomes one vertical edge
 * at longitude `west`.
 */
function addWestParityEdges(toggles: readonly number[], west: number, overlay: OverlayEdges): void {
  if (toggles.length === 0) return;
  const { xy, operand } = overlay;
  const n = toggles.length / 2;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => toggles[2 * a]! - toggles[2 * b]! || toggles[2 * a + 1]! - toggles[2 * b + 1]!);
  let open = NaN;
  for (let i = 0; i < n; ) {
    const op = toggles[2 * order[i]!]!;
    const y = toggles[2 * order[i]! + 1]!;
    let j = i;
    while (j < n && toggles[2 * order[j]!] === op && toggles[2 * order[j]! + 1] === y) j++;
    if ((j - i) % 2 === 1) {
      if (Number.isNaN(open)) open = y;
      else {
        xy.push(west, open, west, y);
        operand.push(op);
        open = NaN;
      }
    }
    i = j;
  }
}

/** Adds each slab's summed class widths to `areas` (in R² · degrees of longitude, scaled by the caller). */
function sweepSlabs(layer: PreparedAreaLayer, box: Box, overlay: OverlayEdges, areas: Float64Array): void {
  const C = layer.classes.length;
  const { xy, operand, P } = overlay;
  const { y0: ty0, y1: ty1 } = box;
  const E = operand.length;
  const ex0 = new Float64Array(E);
  const ey0 = new Float64Array(E);
  const ex1 = new Float64Array(E);
  const ey1 = new Float64Array(E);
  const lo = new Float64Array(E);
  const hi = new Float64Array(E);
  const events = new Float64Array(2 * E);
  for (let e = 0; e < E; e++) {
    ex0[e] = xy[4 * e]!;
    ey0[e] = xy[4 * e + 1]!;
    ex1[e] = xy[4 * e + 2]!;
    ey1[e] = xy[4 * e + 3]!;
    lo[e] = events[2 * e] = Math.max(ey0[e]!, ty0);
    hi[e] = events[2 * e + 1] = Math.min(ey1[e]!, ty1);
  }
  events.sort();
  const byLo = Int32Array.from({ length: E }, (_, e) => e).sort((a, b) => lo[a]! - lo[b]!);

  const operandClass = new Int32Array(P + layer.polygonClass.length);
  operandClass.fill(-1, 0, P);
  operandClass.set(layer.polygonClass, P);
  const parity = new Uint8Array(operandClass.length);
  const classCount = new Int32Array(C);
  const xa = new Float64Array(E);
  const xb = new Float64Array(E);
  const xm = new Float64Array(E);
  const wa = new Float64Array(C + 1);
  const wb = new Float64Array(C + 1);
  const active: number[] = [];

  const xAt = (e: number, y: number): number => {
    const y0 = ey0[e]!;
    const y1 = ey1[e]!;
    if (y <= y0) return ex0[e]!;
    if (y >= y1) return ex1[e]!;
    return ex0[e]! + (ex1[e]! - ex0[e]!) * ((y - y0) / (y1 - y0));
  };

  const slab = (ya: number, yb: number, depth: number): void => {
    const n = active.length;
    for (let i = 0; i < n; i++) {
      const e = active[i]!;
      xa[e] = xAt(e, ya);
      xb[e] = xAt(e, yb);
      xm[e] = (xa[e]! + xb[e]!) / 2;
    }
    // Insertion sort: the order changes little from one slab to the next.
    for (let i = 1; i < n; i++) {
      const e = active[i]!;
      const x = xm[e]!;
      let j = i - 1;
      while (j >= 0 && xm[active[j]!]! > x) {
        active[j + 1] = active[j]!;
        j--;
      }
      active[j + 1] = e;
    }
    // Neighbours (in the order at mid-slab) that swap places cross inside the slab: split there.
    let splits: number[] | null = null;
    for (let i = 0; i + 1 < n; i++) {
      const a = active[i]!;
      const b = active[i + 1]!;
      const da = xa[b]! - xa[a]!;
      const db = xb[b]! - xb[a]!;
      if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
        const y = ya + (yb - ya) * (da / (da - db));
        if (y - ya > MIN_SLAB && yb - y > MIN_SLAB) (splits ??= []).push(y);
      }
    }
    if (splits !== null && depth < 64) {
      splits.sort((a, b) => a - b);
      let y = ya;
      for (const s of splits) {
        if (s > y) slab(y, s, depth + 1);
        y = s;
      }
      slab(y, yb, depth + 1);
      return;
    }
    for (let i = 0; i < n; i++) parity[operand[active[i]!]!] = 0;
    classCount.fill(0);
    wa.fill(0);
    wb.fill(0);
    let inside = 0;
    for (let i = 0; i + 1 < n; i++) {
      const e = active[i]!;
      const op = operand[e]!;
      const d = (parity[op]! ^= 1) === 1 ? 1 : -1;
      const c = operandClass[op]!;
      if (c < 0) inside += d;
      else classCount[c]! += d;
      if (inside > 0) {
        let k = 0;
        while (k < C && classCount[k] === 0) k++;
        const f = active[i + 1]!;
        wa[k]! += xa[f]! - xa[e]!;
        wb[k]! += xb[f]! - xb[e]!;
      }
    }
    addTrapezoidAreas(ya, yb, wa, wb, areas);
  };

  let next = 0;
  for (let k = 0; k + 1 < events.length; k++) {
    const ya = events[k]!;
    const yb = events[k + 1]!;
    if (!(yb > ya)) continue;
    let w = 0;
    for (let i = 0; i < active.length; i++) if (hi[active[i]!]! > ya) active[w++] = active[i]!;
    active.length = w;
    while (next < E && lo[byLo[next]!]! <= ya) {
      const e = byLo[next++]!;
      if (hi[e]! > ya) active.push(e);
    }
    slab(ya, yb, 0);
  }
}

/**
 * The trapezoid between widths wa (at φa) and wb (at φb) has area, in units of R² per degree of
 * longitude, wa·Ka + wb·Kb (Ka = S − sin φa, Kb = sin φb − S, S = sin φm · sinc h, φm the mid
 * latitude, h the half height); expanded so thin slabs do not cancel catastrophically.
 */
function addTrapezoidAreas(ya: number, yb: number, wa: Float64Array, wb: Float64Array, areas: Float64Array): void {
  const h = ((yb - ya) * RAD) / 2;
  const phi = ((ya + yb) * RAD) / 2;
  const h2 = h * h;
  // sin h / h − cos h, by its series when small.
  const A = h < 1e-2 ? h2 * (1 / 3 - h2 * (1 / 30 - h2 * (1 / 840 - h2 / 45360))) : Math.sin(h) / h - Math.cos(h);
  const B = Math.cos(phi) * Math.sin(h);
  const sA = Math.sin(phi) * A;
  for (let c = 0; c < areas.length; c++) if (wa[c] !== 0 || wb[c] !== 0) areas[c]! += wa[c]! * (sA + B) + wb[c]! * (B - sA);
}
