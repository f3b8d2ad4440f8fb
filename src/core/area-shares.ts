/**
 * # Polygon joins: the share of each township's area inside each class of a polygon layer
 *
 * E.g. a geological-hazard zoning layer with classes high / medium / low, or an emergency-team
 * coverage layer with the single class "covered". For township t and class c the share is
 *
 *     area(t ∩ (c ∖ classes before c)) / area(t)
 *
 * - Polygons of the same class may overlap: an overlap is counted once (a point is in a class when
 *   it is inside any polygon of that class; each part of a MultiPolygon counts as a polygon, its
 *   holes by the even-odd rule).
 * - Where polygons of different classes overlap, the class listed first in `classes` wins (list
 *   hazard classes from most to least severe). So a township's shares sum to at most 1, and to 1
 *   exactly (up to rounding) when the layer covers it.
 * - The overlay is planar in lon/lat, computed as areas only, by a slab sweep (see
 *   {@link townshipAreaShares}): no output polygons are built, so no vertex is ever moved or snapped.
 *   (It replaced Turf's intersect / union / difference — polyclip-ts, bignumber.js arithmetic —
 *   which took ~25 s for Lishui's 173 townships.)
 * - Areas ({@link lonLatArea}) are the exact areas on the sphere of polygons whose edges are
 *   straight in lon/lat, so cutting an edge at a new vertex does not change the area. (Turf's
 *   `area` is not additive that way: splitting townships at a meridian moved their area by up to
 *   2·10⁻⁵, enough to make shares sum to 1.00002.) The denominator is the sum of the township's
 *   pieces (each class and the uncovered rest) as the sweep measured them, so the shares sum to ≤ 1,
 *   and to 1 (to rounding) when the layer covers the township.
 *
 * Bad input is rejected, not skipped: a feature that is not a Polygon/MultiPolygon Feature, has a
 * ring with fewer than 4 positions or a non-numeric / out-of-range coordinate, has no string
 * `properties.class`, or has a class not in `classes` throws a {@link DataError} naming the layer
 * file and the feature's index (0-based, as in the file's `features` array).
 *
 * The work is split so a worker can chunk it and stay cancellable: {@link prepareAreaLayer} once
 * per layer, then {@link townshipAreaShares} per township; {@link computeAreaShares} does both.
 */
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { DataError } from './data-error.ts';

export type AreaFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;
/** A layer feature: `properties.class` (a string) names its class. */
export type ClassFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;

export interface AreaShares {
  readonly classes: string[];
  /** `shares[township · classes.length + class]` ∈ [0, 1]. */
  readonly shares: Float64Array;
}

/** A validated layer as edges, indexed by latitude so a township only visits the edges beside it. */
export interface PreparedAreaLayer {
  readonly file: string;
  readonly classes: string[];
  /** Non-horizontal edges of every layer polygon, x0, y0, x1, y1 each, y0 < y1. */
  readonly edges: Float64Array;
  /** Per edge, its polygon (an index into `polygonClass`). */
  readonly edgePolygon: Int32Array;
  /** Per polygon (each part of a MultiPolygon is one), its class index. */
  readonly polygonClass: Int32Array;
  /** Latitude rows of equal height from `rowY0`: row r lists edges rowEdges[rowStart[r] … rowStart[r + 1]). */
  readonly rowY0: number;
  readonly rowHeight: number;
  readonly rowStart: Int32Array;
  readonly rowEdges: Int32Array;
  /** Scratch: per edge, the last visit that took it (an edge spanning several rows is listed in each). */
  readonly visited: Uint32Array;
}

/**
 * Shares of every township's area in every class of `layer`.
 * @param townships township polygons (their order is the order of the result)
 * @param layer polygons with a `class` property
 * @param classes the classes, most severe first (earlier classes win where classes overlap)
 * @param file the layer's file name, for error messages
 */
export function computeAreaShares(townships: readonly AreaFeature[], layer: readonly unknown[], classes: readonly string[], file = 'layer'): AreaShares {
  const prepared = prepareAreaLayer(layer, classes, file);
  const shares = new Float64Array(townships.length * prepared.classes.length);
  townships.forEach((t, i) => townshipAreaShares(prepared, t, i, shares));
  return { classes: prepared.classes, shares };
}

/** The distinct classes of a layer, sorted (for when the caller gives none). */
export function layerClasses(layer: readonly unknown[], file = 'layer'): string[] {
  const set = new Set<string>();
  layer.forEach((f, i) => set.add(classOf(f, i, file)));
  return [...set].sort();
}

/** Validate a layer and index its edges (throws a DataError naming the file and feature). */
export function prepareAreaLayer(layer: readonly unknown[], classes: readonly string[], file = 'layer'): PreparedAreaLayer {
  if (!Array.isArray(layer)) throw new DataError(file, 'layer has no features array');
  const position = new Map<string, number>();
  classes.forEach((c, i) => {
    if (position.has(c)) throw new DataError(file, `class "${c}" is listed twice`);
    position.set(c, i);
  });
  const edges: number[] = [];
  const edgePolygon: number[] = [];
  const polygonClass: number[] = [];
  layer.forEach((f, i) => {
    const c = classOf(f, i, file);
    const k = position.get(c);
    if (k === undefined) throw new DataError(file, `feature #${i} has class "${c}", expected one of ${classes.map((x) => `"${x}"`).join(', ')}`);
    const feature = f as AreaFeature;
    checkPolygonal(feature, `feature #${i}`, file);
    for (const poly of polygonsOf(feature.geometry)) {
      pushEdges(poly, polygonClass.length, edges, edgePolygon);
      polygonClass.push(k);
    }
  });
  const E = edgePolygon.length;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let e = 0; e < E; e++) {
    yMin = Math.min(yMin, edges[4 * e + 1]!);
    yMax = Math.max(yMax, edges[4 * e + 3]!);
  }
  // ~16 edges a row: a township then visits little more than the edges in its own latitudes.
  const rows = E === 0 ? 1 : Math.max(1, Math.min(4096, Math.ceil(E / 16)));
  const rowY0 = E === 0 ? 0 : yMin;
  const rowHeight = E === 0 || !(yMax > yMin) ? 1 : (yMax - yMin) / rows;
  const rowOf = (y: number): number => Math.min(rows - 1, Math.max(0, Math.floor((y - rowY0) / rowHeight)));
  const rowStart = new Int32Array(rows + 1);
  for (let e = 0; e < E; e++) for (let r = rowOf(edges[4 * e + 1]!), r1 = rowOf(edges[4 * e + 3]!); r <= r1; r++) rowStart[r + 1]!++;
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  const fill = rowStart.slice(0, rows);
  const rowEdges = new Int32Array(rowStart[rows]!);
  for (let e = 0; e < E; e++) for (let r = rowOf(edges[4 * e + 1]!), r1 = rowOf(edges[4 * e + 3]!); r <= r1; r++) rowEdges[fill[r]!++] = e;
  return {
    file,
    classes: [...classes],
    edges: Float64Array.from(edges),
    edgePolygon: Int32Array.from(edgePolygon),
    polygonClass: Int32Array.from(polygonClass),
    rowY0,
    rowHeight,
    rowStart,
    rowEdges,
    visited: new Uint32Array(E),
  };
}

/** Counts visits to a layer's rows (for {@link PreparedAreaLayer.visited}); 0 is never used. */
let visit = 0;

/**
 * Crossings closer than this (in degrees of latitude) to a slab's bottom or top are not split at:
 * the area misplaced is at most this times the width between the two edges.
 */
const MIN_SLAB = 1e-12;

/**
 * Write township `t`'s shares into `out[t · classes.length …]`. `township` must be a valid
 * Polygon/MultiPolygon feature (a township with zero area gets all-zero shares).
 *
 * Method: cut the township's latitude range into slabs at every vertex of the township and of the
 * layer edges near it, and wherever two edges cross. Within a slab no edges cross, so they are
 * ordered by longitude; walking them west to east while toggling each polygon's inside/outside
 * parity gives every gap between consecutive edges its class (if the township holds the gap: the
 * first class with a polygon holding it, else uncovered). A gap is a trapezoid with straight lon/lat sides, whose
 * {@link lonLatArea} is linear in its widths at the slab's bottom and top, so a slab needs only the
 * summed widths per class. Layer edges west of the township matter only through their parity; each
 * polygon's are replaced by a few vertical edges west of the township with the same parity.
 * Rounding can only misorder edges that are within rounding of each other (or that cross within
 * {@link MIN_SLAB} of a slab's end), which misplaces no more area than the sliver between them, so
 * shared borders and clip points on them need no special care.
 */
export function townshipAreaShares(layer: PreparedAreaLayer, township: AreaFeature, t: number, out: Float64Array): void {
  const C = layer.classes.length;
  const o = t * C;
  out.fill(0, o, o + C);
  checkPolygonal(township, `township #${t}${codeOf(township)}`, 'townships');
  const areas = overlayAreas(layer, township.geometry);
  let total = 0;
  for (let c = 0; c <= C; c++) total += areas[c]!;
  if (!(total > 0)) return;
  for (let c = 0; c < C; c++) out[o + c] = areas[c]! / total;
}

/** Per class, then for the uncovered rest: the area (m²) of that part of the township. */
function overlayAreas(layer: PreparedAreaLayer, geometry: Polygon | MultiPolygon): Float64Array {
  const C = layer.classes.length;
  // Edges of the overlay: the township's, then the layer's nearby ones. Operands (polygons with
  // their own parity): the township's parts 0 … P − 1, then layer polygon q as P + q.
  const xy: number[] = [];
  const operand: number[] = [];
  const parts = polygonsOf(geometry);
  parts.forEach((poly, p) => pushEdges(poly, p, xy, operand));
  const P = parts.length;
  let tx0 = Infinity;
  let ty0 = Infinity;
  let tx1 = -Infinity;
  let ty1 = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    tx0 = Math.min(tx0, xy[i]!);
    tx1 = Math.max(tx1, xy[i]!);
    ty0 = Math.min(ty0, xy[i + 1]!);
    ty1 = Math.max(ty1, xy[i + 1]!);
  }
  const areas = new Float64Array(C + 1);
  if (!(ty1 > ty0 && tx1 > tx0)) return areas;

  // Nearby layer edges. West of the township (x ≤ tx0) only an edge's latitude span matters: each
  // end toggles its polygon's parity for everything east of it.
  const toggles: number[] = []; // operand, y pairs
  const { edges, edgePolygon, rowStart, rowEdges, visited } = layer;
  const rows = rowStart.length - 1;
  if (edges.length > 0) {
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
  }
  // Per polygon, toggles at the same latitude cancel in pairs; what is left bounds the latitude
  // intervals where the polygon's parity west of the township is odd.
  if (toggles.length > 0) {
    const n = toggles.length / 2;
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => toggles[2 * a]! - toggles[2 * b]! || toggles[2 * a + 1]! - toggles[2 * b + 1]!);
    const west = tx0 - 1;
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
    // The trapezoid between widths wa (at φa) and wb (at φb) has area, in units of R² per degree
    // of longitude, wa·Ka + wb·Kb (Ka = S − sin φa, Kb = sin φb − S, S = sin φm · sinc h, φm the
    // mid latitude, h the half height); expanded so thin slabs do not cancel catastrophically.
    const h = ((yb - ya) * RAD) / 2;
    const phi = ((ya + yb) * RAD) / 2;
    const h2 = h * h;
    // sin h / h − cos h, by its series when small.
    const A = h < 1e-2 ? h2 * (1 / 3 - h2 * (1 / 30 - h2 * (1 / 840 - h2 / 45360))) : Math.sin(h) / h - Math.cos(h);
    const B = Math.cos(phi) * Math.sin(h);
    const sA = Math.sin(phi) * A;
    for (let c = 0; c <= C; c++) if (wa[c] !== 0 || wb[c] !== 0) areas[c]! += wa[c]! * (sA + B) + wb[c]! * (B - sA);
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
  const scale = EARTH_RADIUS * EARTH_RADIUS * RAD;
  for (let c = 0; c <= C; c++) areas[c] = Math.max(0, areas[c]! * scale);
  return areas;
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Appends a polygon's non-horizontal edges (x0, y0, x1, y1 with y0 < y1) with their operand. */
function pushEdges(poly: Position[][], op: number, xy: number[], operand: number[]): void {
  for (const ring of poly) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[i + 1 < n ? i + 1 : 0]!;
      const ay = a[1]!;
      const by = b[1]!;
      if (ay === by) continue;
      if (ay < by) xy.push(a[0]!, ay, b[0]!, by);
      else xy.push(b[0]!, by, a[0]!, ay);
      operand.push(op);
    }
  }
}

function classOf(f: unknown, i: number, file: string): string {
  if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') throw new DataError(file, `feature #${i} is not a GeoJSON Feature`);
  const props = (f as { properties?: unknown }).properties;
  const c = typeof props === 'object' && props !== null ? (props as { class?: unknown }).class : undefined;
  if (typeof c !== 'string' || c === '') throw new DataError(file, `feature #${i} has no "class" property`);
  return c;
}

function codeOf(f: AreaFeature): string {
  const props = f.properties as { code?: unknown } | null | undefined;
  const code = typeof props === 'object' && props !== null ? props.code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? ` (${code})` : '';
}

function checkPolygonal(f: AreaFeature, label: string, file: string): void {
  const g = (f as { geometry?: unknown }).geometry as Polygon | MultiPolygon | null | undefined;
  if (typeof g !== 'object' || g === null) throw new DataError(file, `${label} has no geometry`);
  const type = (g as { type?: unknown }).type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') throw new DataError(file, `${label} has geometry type ${String(type)}, expected Polygon or MultiPolygon`);
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polys)) throw new DataError(file, `${label} has no coordinates array`);
  for (const poly of polys as unknown[]) {
    if (!Array.isArray(poly) || poly.length === 0) throw new DataError(file, `${label}: a polygon is not an array of rings`);
    for (const ring of poly as unknown[]) {
      if (!Array.isArray(ring)) throw new DataError(file, `${label}: a ring is not an array of positions`);
      if (ring.length < 4) throw new DataError(file, `${label}: a ring has ${ring.length} positions, at least 4 needed`);
      for (const p of ring as Position[]) {
        const x = Array.isArray(p) ? p[0] : undefined;
        const y = Array.isArray(p) ? p[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          throw new DataError(file, `${label}: position ${JSON.stringify(p)} is not a pair of numbers`);
        }
        if (x < -180 || x > 180 || y < -90 || y > 90) throw new DataError(file, `${label}: position [${x}, ${y}] is outside lon/lat ranges`);
      }
    }
  }
}

/** Mean Earth radius in metres (as Turf). */
const EARTH_RADIUS = 6371008.8;
const RAD = Math.PI / 180;

/**
 * Area in m² on a sphere of a Polygon/MultiPolygon whose edges are straight lines in lon/lat
 * (plate carrée) — the shape a planar clipper works with. By Green's theorem the area is
 * R² |∮ sin φ dλ|; along a straight edge φ is linear in λ, so each edge contributes
 * (λ₂ − λ₁) · sin φ̄ · sinc(Δφ / 2) exactly (φ̄ the mean latitude, Δφ = φ₂ − φ₁). The area is
 * therefore additive: a polygon cut in two along any line has exactly the area of its halves.
 * Holes are subtracted (ring orientation does not matter).
 */
export function lonLatArea(f: Feature<Polygon | MultiPolygon, unknown> | Polygon | MultiPolygon): number {
  const g = f.type === 'Feature' ? f.geometry : f;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const poly of polys) {
    poly.forEach((ring, r) => {
      const a = Math.abs(ringIntegral(ring));
      total += r === 0 ? a : -a;
    });
  }
  return Math.max(0, total) * EARTH_RADIUS * EARTH_RADIUS;
}

function ringIntegral(ring: Position[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1 < n ? i + 1 : 0]!;
    const dl = (b[0]! - a[0]!) * RAD;
    if (dl === 0) continue;
    const half = ((b[1]! - a[1]!) * RAD) / 2;
    const sinc = half === 0 ? 1 : Math.sin(half) / half;
    sum += dl * Math.sin(((a[1]! + b[1]!) * RAD) / 2) * sinc;
  }
  return sum;
}
