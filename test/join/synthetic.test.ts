/**
 * The join on small synthetic cities built to hit every degenerate case: holes with an enclave,
 * a MultiPolygon, T-junctions, a diagonal shared edge, collinear and repeated vertices, both ring
 * orientations, overlapping polygons, tiny polygons; points on a lattice that lands on edges and
 * vertices all the time.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildJoinIndex } from '../../src/core/pip/build-index';
import { joinPoints } from '../../src/core/pip/join-points';
import { locatePoints } from '../../src/core/pip/locate-points';
import { locatePoint } from '../../src/core/pip/locate-point';
import { deserializeJoinIndex, serializeJoinIndex } from '../../src/core/pip/serialize-index';
import { BandOracle, bboxOf, checkPoint, edgesOf, exactRule, rng, type PolyFeature } from './helpers';

const square = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const poly = (code: string, ...rings: Position[][]): PolyFeature => ({
  type: 'Feature',
  properties: { code },
  geometry: { type: 'Polygon', coordinates: rings },
});

/**
 * A 4 × 4 city over [0, 4]²: a MultiPolygon of the two opposite corner squares, a 2 × 2 block with
 * a square hole filled by an enclave (T-junctions where unit squares meet its sides), a unit square
 * split along its diagonal, a square with collinear and repeated vertices, one ring clockwise.
 */
function city(): PolyFeature[] {
  const fs: PolyFeature[] = [];
  fs.push({
    type: 'Feature',
    properties: { code: 'M' },
    geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(3, 3, 4, 4)]] },
  });
  fs.push(poly('H', square(1, 1, 3, 3), square(1.5, 1.5, 2.5, 2.5).reverse()));
  fs.push(poly('E', square(1.5, 1.5, 2.5, 2.5)));
  fs.push(poly('T1', [[0, 2], [1, 2], [1, 3], [0, 2]]));
  fs.push(poly('T2', [[0, 2], [1, 3], [0, 3], [0, 2]]));
  fs.push(poly('C', [[3, 1], [3.5, 1], [4, 1], [4, 1], [4, 2], [3, 2], [3, 1.5], [3, 1]]));
  fs.push(poly('CW', square(1, 0, 2, 1).reverse()));
  for (const [i, j] of [
    [2, 0],
    [3, 0],
    [0, 1],
    [3, 2],
    [0, 3],
    [1, 3],
    [2, 3],
  ] as const) {
    fs.push(poly(`S${i}${j}`, square(i, j, i + 1, j + 1)));
  }
  return fs;
}

describe('join on a synthetic city with every degenerate case', () => {
  const features = city();
  const box = bboxOf(features);
  const oracle = new BandOracle(edgesOf(features), box, 64);
  const boxes = features.map((f) => bboxOf([f]));
  const variants = [
    buildJoinIndex(features),
    buildJoinIndex(features, { cellsPerEdge: 0.1 }),
    buildJoinIndex(features, { cellsPerEdge: 50, leafMaxEntries: 1, maxDepth: 5 }),
    deserializeJoinIndex(serializeJoinIndex(buildJoinIndex(features, { cellsPerEdge: 3, leafMaxEntries: 2 }))),
  ];

  it('decides every lattice point (on edges, vertices, T-junctions, in holes) by the rule and agrees with Turf', () => {
    const problems: string[] = [];
    let count = 0;
    for (let a = -4; a <= 36; a++) {
      for (let b = -4; b <= 36; b++) {
        const x = a / 8;
        const y = b / 8;
        for (const [v, index] of variants.entries()) {
          const ours = locatePoint(index, x, y);
          const problem = checkPoint(features, oracle, boxes, x, y, ours);
          if (problem !== null && problems.length < 10) problems.push(`variant ${v}: ${problem}`);
          // The documented outer-edge behaviour for this square city: the half-open square.
          const expectInside = x >= 0 && x < 4 && y >= 0 && y < 4;
          if (ours >= 0 !== expectInside && problems.length < 10) problems.push(`variant ${v}: (${x}, ${y}) inside=${ours >= 0}`);
          count++;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBe(41 * 41 * variants.length);
  });

  it('puts points in the hole into the enclave and holes of a lone polygon outside', () => {
    const [index] = variants;
    expect(locatePoint(index!, 2, 2)).toBe(2); // enclave E
    expect(locatePoint(index!, 1.25, 1.25)).toBe(1); // H around the hole
    const lone = buildJoinIndex([poly('ring', square(0, 0, 4, 4), square(1, 1, 3, 3))]);
    expect(locatePoint(lone, 2, 2)).toBe(-1);
    expect(locatePoint(lone, 0.5, 2)).toBe(0);
    // on the hole's edge: the region just east/north decides
    expect(locatePoint(lone, 1, 2)).toBe(-1); // west side of the hole: east of it is the hole
    expect(locatePoint(lone, 3, 2)).toBe(0); // east side of the hole: east of it is the ring
    expect(locatePoint(lone, 2, 1)).toBe(-1); // south side: north of it is the hole
    expect(locatePoint(lone, 2, 3)).toBe(0);
  });

  it('agrees with the exact rule on random points near edges (offsets down to 1e-15)', () => {
    const r = rng(99);
    const problems: string[] = [];
    const edges = edgesOf(features);
    for (let k = 0; k < 20_000; k++) {
      const e = Math.floor(r() * edges.count);
      const t = r();
      const c = edges.coords;
      const off = (r() - 0.5) * 10 ** -(1 + Math.floor(r() * 15));
      const x = c[4 * e]! + t * (c[4 * e + 2]! - c[4 * e]!) + off;
      const y = c[4 * e + 1]! + t * (c[4 * e + 3]! - c[4 * e + 1]!) - off;
      const rule = exactRule(oracle, x, y);
      const expected = rule.length > 0 ? rule[0]! : -1;
      for (const [v, index] of variants.entries()) {
        const ours = locatePoint(index, x, y);
        if (ours !== expected && problems.length < 10) problems.push(`variant ${v}: (${x}, ${y}) ours ${ours}, rule ${rule}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('treats NaN, ±Infinity and the far edges of the extent as outside', () => {
    const [index] = variants;
    const pts = Float64Array.from([NaN, 1, 1, NaN, Infinity, 1, -Infinity, 1, 4, 3.5, 3.5, 4, 0, 0, 4 - 1e-12, 4 - 1e-12]);
    expect(Array.from(locatePoints(index!, pts))).toEqual([-1, -1, -1, -1, -1, -1, 0, 0]);
  });
});

describe('join on overlapping and degenerate inputs', () => {
  it('gives a point covered by several polygons the lowest index, like turf.tag', () => {
    const a = poly('A', square(0, 0, 2, 2));
    const b = poly('B', square(1, 1, 3, 3));
    for (const index of [buildJoinIndex([a, b]), buildJoinIndex([a, b], { cellsPerEdge: 20, leafMaxEntries: 1 })]) {
      expect(locatePoint(index, 1.5, 1.5)).toBe(0);
      expect(locatePoint(index, 0.5, 0.5)).toBe(0);
      expect(locatePoint(index, 2.5, 2.5)).toBe(1);
    }
    const swapped = buildJoinIndex([b, a]);
    expect(locatePoint(swapped, 1.5, 1.5)).toBe(0);
    expect(locatePoint(swapped, 0.5, 0.5)).toBe(1);
    // the overlap sits across many cells and corners: compare with the exact rule everywhere
    const features = [a, b];
    const oracle = new BandOracle(edgesOf(features), bboxOf(features), 16);
    const index = buildJoinIndex(features, { cellsPerEdge: 8 });
    for (let i = -2; i <= 26; i++) {
      for (let j = -2; j <= 26; j++) {
        const rule = exactRule(oracle, i / 8, j / 8);
        expect(locatePoint(index, i / 8, j / 8)).toBe(rule.length > 0 ? rule[0] : -1);
      }
    }
  });

  it('does not let overlapping parts of one MultiPolygon cancel out', () => {
    const m: PolyFeature = {
      type: 'Feature',
      properties: { code: 'M' },
      geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 2, 2)], [square(1, 1, 3, 3)]] },
    };
    const index = buildJoinIndex([m]);
    expect(locatePoint(index, 1.5, 1.5)).toBe(0);
    expect(locatePoint(index, 2.5, 2.5)).toBe(0);
    expect(locatePoint(index, 2.5, 0.5)).toBe(-1);
  });

  it('handles no polygons, null geometries and zero-area rings', () => {
    const empty = buildJoinIndex([]);
    expect(Array.from(locatePoints(empty, Float64Array.from([0, 0, 1, 1])))).toEqual([-1, -1]);
    const withNull = buildJoinIndex([{ type: 'Feature', properties: {}, geometry: null }, poly('x', square(0, 0, 1, 1))]);
    expect(locatePoint(withNull, 0.5, 0.5)).toBe(1);
    const flat = buildJoinIndex([poly('line', [[0, 0], [1, 1], [0, 0]])]);
    expect(locatePoint(flat, 0.5, 0.5)).toBe(-1);
  });

  it('handles tiny polygons next to huge ones', () => {
    const a = square(110, 30, 110.001, 30.001);
    const b = square(110.0002, 30.0002, 110.0002 + 1e-7, 30.0002 + 1e-7);
    const features = [poly('big', square(100, 20, 130, 50), a), poly('mid', a, b), poly('tiny', b)];
    const index = buildJoinIndex(features);
    const oracle = new BandOracle(edgesOf(features), bboxOf(features), 1024);
    const r = rng(5);
    for (let k = 0; k < 5000; k++) {
      const x = 110 + r() * 0.0012 - 0.0001;
      const y = 30 + r() * 0.0012 - 0.0001;
      const rule = exactRule(oracle, x, y);
      expect(locatePoint(index, x, y)).toBe(rule.length > 0 ? rule[0] : -1);
    }
    expect(locatePoint(index, 110.00020005, 30.00020005)).toBe(2);
    expect(locatePoint(index, 110.0005, 30.0005)).toBe(1);
  });
});

describe('joinPoints counts', () => {
  const features = city();
  const index = buildJoinIndex(features);

  it('counts per township × type and per day × township × type', () => {
    const r = rng(3);
    const n = 10_000;
    const coords = new Float64Array(2 * n);
    const types = new Uint8Array(n);
    const days = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      coords[2 * i] = -0.5 + r() * 5;
      coords[2 * i + 1] = -0.5 + r() * 5;
      types[i] = Math.floor(r() * 7);
      days[i] = Math.floor(r() * 4) - (i % 97 === 0 ? 10 : 0);
    }
    const res = joinPoints(index, coords, types, 7, days, 4);
    const F = features.length;
    const counts = new Uint32Array(F * 7);
    const byDay = new Uint32Array(4 * F * 7);
    for (let i = 0; i < n; i++) {
      const k = locatePoint(index, coords[2 * i]!, coords[2 * i + 1]!);
      expect(res.township[i]).toBe(k);
      if (k < 0) continue;
      counts[k * 7 + types[i]!]!++;
      if (days[i]! >= 0) byDay[(days[i]! * F + k) * 7 + types[i]!]!++;
    }
    expect(res.counts).toEqual(counts);
    expect(res.countsByDay).toEqual(byDay);
    expect(res.typeCount).toBe(7);
    expect(res.dayCount).toBe(4);
    // Float32 coordinates and defaults
    const f32 = joinPoints(index, Float32Array.from(coords));
    expect(f32.typeCount).toBe(1);
    expect(f32.counts.reduce((a, b) => a + b, 0)).toBe(res.counts.reduce((a, b) => a + b, 0));
    expect(joinPoints(index, coords, types).typeCount).toBe(7);
  });

  it('rejects inconsistent inputs', () => {
    expect(() => joinPoints(index, new Float64Array(3))).toThrow(RangeError);
    expect(() => joinPoints(index, new Float64Array(4), new Uint8Array(1))).toThrow(RangeError);
  });
});
