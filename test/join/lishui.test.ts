/**
 * The join against independent oracles on Lishui's real boundaries: the 173 townships of
 * public/data/townships.topo.json (the suite fails when it is missing) and the 9 counties.
 *
 * How all 1,000,000 random points are verified (honestly, without running Turf a million times):
 * 1. every point is classified by BandOracle, a textbook floating-point ray cast over bands of
 *    edges that shares no code with the index, and its distance to the nearest edge is measured;
 *    a point at least NEAR_TOLERANCE (1e-9°) from every edge cannot be misclassified by float
 *    rounding (~1e-14°), so for those the float answer is the truth and must equal ours;
 * 2. the points nearer than that, plus a seeded subset (every 20th point: 50,000), go to Turf's
 *    booleanPointInPolygon (boundary-inclusive and strict), and near points also to the exact
 *    BigInt evaluation of the documented border rule.
 * Adversarial points (vertices, junctions, shared and outer edges, 1e-9° offsets, hole interiors)
 * are checked against Turf and the exact rule one by one.
 */
import { describe, expect, it } from 'vitest';
import { buildJoinIndex } from '../../src/core/pip/build-index';
import { joinPoints } from '../../src/core/pip/join-points';
import { locatePoints } from '../../src/core/pip/locate-points';
import { locatePoint } from '../../src/core/pip/locate-point';
import { deserializeJoinIndex, serializeJoinIndex } from '../../src/core/pip/serialize-index';
import { BandOracle, bboxOf, checkPoint, edgesOf, lishuiSets, randomPoints, rng, type BoundarySet } from './helpers';

const N = 1_000_000;
const SEED = 20240501;
const TURF_EVERY = 20;

for (const set of lishuiSets()) {
  describe(`join on ${set.name} (${set.features.length} polygons)`, () => {
    const index = buildJoinIndex(set.features);
    const box = bboxOf(set.features);
    const edges = edgesOf(set.features);
    const oracle = new BandOracle(edges, box);
    const boxes = set.features.map((f) => bboxOf([f]));

    it(`agrees with the oracles on ${N.toLocaleString('en')} seeded random points`, () => {
      const pts = randomPoints(N, box, SEED);
      const { township } = joinPoints(index, pts);
      let floatChecked = 0;
      let turfChecked = 0;
      let inside = 0;
      const near: number[] = [];
      const mismatches: string[] = [];
      for (let i = 0; i < N; i++) {
        const x = pts[2 * i]!;
        const y = pts[2 * i + 1]!;
        const { feature, near: isNear } = oracle.classify(x, y);
        if (township[i]! >= 0) inside++;
        if (isNear) {
          near.push(i);
          continue;
        }
        floatChecked++;
        if (feature !== township[i] && mismatches.length < 10) mismatches.push(`#${i} (${x}, ${y}): ours ${township[i]}, ray cast ${feature}`);
      }
      const turfIdx = new Set<number>(near);
      for (let i = 0; i < N; i += TURF_EVERY) turfIdx.add(i);
      for (const i of turfIdx) {
        const x = pts[2 * i]!;
        const y = pts[2 * i + 1]!;
        const problem = checkPoint(set.features, oracle, boxes, x, y, township[i]!);
        turfChecked++;
        if (problem !== null && mismatches.length < 10) mismatches.push(`#${i}: ${problem}`);
      }
      expect(mismatches).toEqual([]);
      expect(floatChecked + near.length).toBe(N);
      expect(turfChecked).toBeGreaterThanOrEqual(N / TURF_EVERY);
      // sanity: the sample really covers the city and its surroundings
      expect(inside).toBeGreaterThan(N * 0.3);
      expect(inside).toBeLessThan(N * 0.95);
    }, 300_000);

    it('decides vertices, junctions, shared and outer edges, 1e-9° offsets and holes by the rule', () => {
      const points = adversarialPoints(set);
      const mismatches: string[] = [];
      let internal = 0;
      for (const p of points) {
        const ours = locatePoint(index, p.x, p.y);
        const problem = checkPoint(set.features, oracle, boxes, p.x, p.y, ours);
        if (problem !== null && mismatches.length < 10) mismatches.push(`${p.kind}: ${problem}`);
        if (p.internal) {
          internal++;
          if (ours < 0 && mismatches.length < 10) mismatches.push(`${p.kind} (${p.x}, ${p.y}) inside the city got no township`);
        }
      }
      expect(mismatches).toEqual([]);
      expect(points.length).toBeGreaterThan(5000);
      expect(internal).toBeGreaterThan(1000);
      // the batch path gives the same answers as the single-point path
      const coords = Float64Array.from(points.flatMap((p) => [p.x, p.y]));
      expect(Array.from(locatePoints(index, coords))).toEqual(points.map((p) => locatePoint(index, p.x, p.y)));
    }, 300_000);

    it('gives the same answers in the staged loop (national-sized indexes) as point by point', () => {
      const adversarial = adversarialPoints(set);
      const coords = Float64Array.from([...randomPoints(200_000, box, SEED + 3), ...adversarial.flatMap((p) => [p.x, p.y])]);
      const direct = locatePoints(index, coords, undefined, 'direct');
      expect(locatePoints(index, coords, undefined, 'staged')).toEqual(direct);
      expect(locatePoints(index, new Float32Array(coords), undefined, 'staged')).toEqual(locatePoints(index, new Float32Array(coords), undefined, 'direct'));
      expect(Array.from(direct.subarray(200_000))).toEqual(adversarial.map((p) => locatePoint(index, p.x, p.y)));
    }, 300_000);

    it('gives identical results after a serialization round trip', () => {
      const pts = randomPoints(N, box, SEED + 1);
      const a = joinPoints(index, pts).township;
      const buf = serializeJoinIndex(index);
      const copy = buf.slice(0); // as after a transfer to a worker or a cache read
      const restored = deserializeJoinIndex(copy);
      expect(restored.codes).toEqual(index.codes);
      const b = joinPoints(restored, pts).township;
      expect(b).toEqual(a);
      const adv = adversarialPoints(set);
      for (const p of adv) expect(locatePoint(restored, p.x, p.y)).toBe(locatePoint(index, p.x, p.y));
      expect(() => deserializeJoinIndex(new ArrayBuffer(16))).toThrow(/too small/);
      expect(() => deserializeJoinIndex(buf.slice(0, buf.byteLength - 4096))).toThrow(/truncated/);
    }, 300_000);

    it('gives the same answers whatever the grid resolution and leaf size', () => {
      const pts = randomPoints(200_000, box, SEED + 2);
      const ref = locatePoints(index, pts);
      for (const options of [
        { cellsPerEdge: 0.05, leafMaxEntries: 1, maxDepth: 6 },
        { cellsPerEdge: 16, leafMaxEntries: 64 },
        { cellsPerEdge: 0.5, leafMaxEntries: 2, maxDepth: 1 },
      ]) {
        expect(locatePoints(buildJoinIndex(set.features, options), pts)).toEqual(ref);
      }
    }, 300_000);
  });
}

interface Adversarial {
  kind: string;
  x: number;
  y: number;
  /** On an internal border, far from the outer boundary: must land in a township. */
  internal: boolean;
}

/**
 * Vertices (a seeded sample of all, plus every vertex shared by three or more polygons), midpoints
 * of shared and of outer edges, points 1e-9° off vertices in eight directions, and points in holes.
 */
function adversarialPoints(set: BoundarySet): Adversarial[] {
  const r = rng(7);
  const edgeOwners = new Map<string, Set<number>>();
  const vertexOwners = new Map<string, Set<number>>();
  const key = (x: number, y: number) => `${x},${y}`;
  const ekey = (a: number[], b: number[]) => {
    const ka = key(a[0]!, a[1]!);
    const kb = key(b[0]!, b[1]!);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  const rings: { f: number; ring: number[][]; hole: boolean }[] = [];
  set.features.forEach((f, fi) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      poly.forEach((ring, ri) => {
        rings.push({ f: fi, ring, hole: ri > 0 });
        for (let k = 0; k + 1 < ring.length; k++) {
          const a = ring[k]!;
          const b = ring[k + 1]!;
          const ek = ekey(a, b);
          if (!edgeOwners.has(ek)) edgeOwners.set(ek, new Set());
          edgeOwners.get(ek)!.add(fi);
          const vk = key(a[0]!, a[1]!);
          if (!vertexOwners.has(vk)) vertexOwners.set(vk, new Set());
          vertexOwners.get(vk)!.add(fi);
        }
      });
    }
  });
  // vertices on an edge owned by one polygon only are on the outer boundary (or a gap)
  const outerVertex = new Set<string>();
  for (const [ek, owners] of edgeOwners) {
    if (owners.size === 1) for (const v of ek.split('|')) outerVertex.add(v);
  }
  const out: Adversarial[] = [];
  const offsets = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ];
  for (const { ring, hole } of rings) {
    for (let k = 0; k + 1 < ring.length; k++) {
      const a = ring[k]!;
      const b = ring[k + 1]!;
      const [ax, ay] = [a[0]!, a[1]!];
      const vk = key(ax, ay);
      const owners = vertexOwners.get(vk)!.size;
      const internal = !outerVertex.has(vk);
      if (owners >= 3 || r() < 0.08) out.push({ kind: owners >= 3 ? 'junction vertex' : 'vertex', x: ax, y: ay, internal });
      if (r() < 0.02) {
        for (const [dx, dy] of offsets) out.push({ kind: 'vertex ± 1e-9°', x: ax + dx! * 1e-9, y: ay + dy! * 1e-9, internal });
      }
      const shared = edgeOwners.get(ekey(a, b))!.size > 1;
      if (r() < (shared ? 0.08 : 0.04)) {
        const mx = (ax + b[0]!) / 2;
        const my = (ay + b[1]!) / 2;
        out.push({ kind: shared ? 'shared-edge midpoint' : 'outer-edge midpoint', x: mx, y: my, internal: shared && internal && !outerVertex.has(key(b[0]!, b[1]!)) });
        // just off the edge on both sides
        const nx = -(b[1]! - ay);
        const ny = b[0]! - ax;
        const len = Math.hypot(nx, ny) || 1;
        out.push({ kind: 'edge ± 1e-9°', x: mx + (nx / len) * 1e-9, y: my + (ny / len) * 1e-9, internal: false });
        out.push({ kind: 'edge ± 1e-9°', x: mx - (nx / len) * 1e-9, y: my - (ny / len) * 1e-9, internal: false });
      }
    }
    if (hole) {
      // random points in the hole's bbox (many inside the hole) and its vertices (above)
      const hb = bboxOf([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }]);
      for (let k = 0; k < 200; k++) {
        out.push({ kind: 'hole', x: hb.minX + r() * (hb.maxX - hb.minX), y: hb.minY + r() * (hb.maxY - hb.minY), internal: false });
      }
    }
  }
  return out;
}
