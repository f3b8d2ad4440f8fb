import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { computeAreaShares, layerClasses } from '../../src/core/area-shares/area-shares.ts';
import { lonLatArea } from '../../src/core/area-shares/lon-lat-area.ts';
import { DataError } from '../../src/core/data-error.ts';
import { lishuiTownships } from './helpers.ts';

type Props = { class?: unknown; code?: string } | null;

function box(x0: number, y0: number, x1: number, y1: number, properties: Props = null): Feature<Polygon, Props> {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
}

// Two townships side by side: A = [120, 120.1] × [28, 28.1], B = [120.1, 120.2] × [28, 28.1].
const A = box(120, 28, 120.1, 28.1, { code: 'A' });
const B = box(120.1, 28, 120.2, 28.1, { code: 'B' });
const share = (r: { classes: string[]; shares: Float64Array }, t: number, c: string): number => r.shares[t * r.classes.length + r.classes.indexOf(c)]!;

describe('lonLatArea', () => {
  it('is additive when a polygon is cut, and close to Turf area', () => {
    const whole = lonLatArea(box(120, 28, 120.2, 28.1));
    expect(lonLatArea(A) + lonLatArea(B)).toBeCloseTo(whole, 6);
    // A triangle cut at a non-axis line: the two halves add up exactly.
    const tri = (pts: number[][]): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]!]] } });
    const m = [120.05, 28.2];
    const left = lonLatArea(tri([[120, 28], m, [120.1, 28.5]]));
    const right = lonLatArea(tri([m, [120.2, 28.1], [120.1, 28.5]]));
    const all = lonLatArea(tri([[120, 28], [120.2, 28.1], [120.1, 28.5]]));
    const rest = lonLatArea(tri([[120, 28], [120.2, 28.1], m]));
    expect(left + right + rest).toBeCloseTo(all, 5);
    expect(Math.abs(whole / turfArea(box(120, 28, 120.2, 28.1)) - 1)).toBeLessThan(1e-4);
    // Holes are subtracted.
    const holed: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [A.geometry.coordinates[0]!, box(120.02, 28.02, 120.05, 28.05).geometry.coordinates[0]!] },
    };
    expect(lonLatArea(holed)).toBeCloseTo(lonLatArea(A) - lonLatArea(box(120.02, 28.02, 120.05, 28.05)), 6);
  });
});

describe('computeAreaShares', () => {
  it('gives 1 for a township wholly inside one class polygon', () => {
    const r = computeAreaShares([A, B], [box(119.9, 27.9, 120.15, 28.2, { class: 'high' }), box(120.15, 27.9, 120.3, 28.2, { class: 'low' })], ['high', 'medium', 'low'], 'hazard.geojson');
    expect(r.classes).toEqual(['high', 'medium', 'low']);
    expect(r.shares.length).toBe(6);
    expect(share(r, 0, 'high')).toBe(1);
    expect(share(r, 0, 'medium')).toBe(0);
    expect(share(r, 0, 'low')).toBe(0);
    expect(share(r, 1, 'high')).toBeCloseTo(0.5, 9);
    expect(share(r, 1, 'low')).toBeCloseTo(0.5, 9);
    expect(share(r, 1, 'high') + share(r, 1, 'low')).toBeCloseTo(1, 12);
  });

  it('does not double count overlapping polygons of one class', () => {
    const layer = [
      box(120, 28, 120.06, 28.1, { class: 'covered' }),
      box(120.04, 28, 120.1, 28.1, { class: 'covered' }),
      box(120.1, 28, 120.15, 28.1, { class: 'covered' }),
      box(120.1, 28, 120.15, 28.1, { class: 'covered' }), // the same polygon twice
    ];
    const r = computeAreaShares([A, B], layer, ['covered'], 'teams.geojson');
    expect(share(r, 0, 'covered')).toBeCloseTo(1, 12);
    expect(share(r, 0, 'covered')).toBeLessThanOrEqual(1);
    expect(share(r, 1, 'covered')).toBeCloseTo(0.5, 9);
  });

  it('lets earlier classes win where classes overlap, so shares sum to at most 1', () => {
    const layer = [box(120, 28, 120.05, 28.1, { class: 'high' }), box(119, 27, 121, 29, { class: 'medium' }), box(120.1, 28, 120.12, 28.1, { class: 'low' })];
    const r = computeAreaShares([A, B], layer, ['high', 'medium', 'low']);
    expect(share(r, 0, 'high')).toBeCloseTo(0.5, 9);
    expect(share(r, 0, 'medium')).toBeCloseTo(0.5, 9);
    expect(share(r, 1, 'medium')).toBeCloseTo(1, 12);
    expect(share(r, 1, 'low')).toBe(0); // covered by medium already
    for (const t of [0, 1]) expect(share(r, t, 'high') + share(r, t, 'medium') + share(r, t, 'low')).toBeCloseTo(1, 12);
  });

  it('on the Lishui townships: shares sum to ≤ 1, and to 1 when the layer covers everything', () => {
    const townships = lishuiTownships();
    // Three bands across the city (they cover it), plus a partial layer of scattered squares.
    const cover = [box(118, 27, 119.3, 30, { class: 'high' }), box(119.3, 27, 119.9, 30, { class: 'medium' }), box(119.9, 27, 121, 30, { class: 'low' })];
    const full = computeAreaShares(townships, cover, ['high', 'medium', 'low'], 'bands.geojson');
    const partialLayer = [box(118.8, 27.5, 119.2, 28.0, { class: 'x' }), box(119.0, 27.8, 119.6, 28.3, { class: 'x' }), box(120.0, 28.2, 120.3, 28.6, { class: 'y' })];
    const partial = computeAreaShares(townships, partialLayer, ['x', 'y'], 'partial.geojson');
    let somePartial = false;
    for (let t = 0; t < townships.length; t++) {
      const sum = full.shares[3 * t]! + full.shares[3 * t + 1]! + full.shares[3 * t + 2]!;
      expect(sum).toBeCloseTo(1, 10);
      expect(sum).toBeLessThanOrEqual(1 + 1e-12);
      const p = partial.shares[2 * t]! + partial.shares[2 * t + 1]!;
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1 + 1e-12);
      if (p > 0.01 && p < 0.99) somePartial = true;
    }
    expect(somePartial).toBe(true);
  });

  it('rejects bad features with the layer file and feature index', () => {
    const ok = box(120, 28, 120.1, 28.1, { class: 'high' });
    const run = (layer: unknown[], classes = ['high']): (() => unknown) => () => computeAreaShares([A], layer, classes, 'hazard.geojson');
    expect(run([ok, box(0, 0, 1, 1, {})])).toThrow(DataError);
    expect(run([ok, box(0, 0, 1, 1, {})])).toThrow('hazard.geojson: feature #1 has no "class" property — fill in its class (e.g. "high") · 要素 #1 缺少“class”属性');
    expect(run([ok, box(0, 0, 1, 1, null)])).toThrow('hazard.geojson: feature #1 has no "class" property');
    expect(run([box(0, 0, 1, 1, { class: 'extreme' })])).toThrow('hazard.geojson: feature #0 has class "extreme", expected one of "high" · 要素 #0 的类别“extreme”无效');
    expect(run([ok, { type: 'Feature', properties: { class: 'high' }, geometry: { type: 'Point', coordinates: [120, 28] } }])).toThrow(
      'hazard.geojson: feature #1 has geometry type Point, expected Polygon or MultiPolygon — export it as polygons · 要素 #1 的几何类型是 Point',
    );
    expect(run([{ type: 'Feature', properties: { class: 'high' }, geometry: { type: 'Polygon', coordinates: [[[120, 28], [121, 28], [120, 28]]] } }])).toThrow(
      'hazard.geojson: feature #0: a ring has 3 positions, at least 4 needed',
    );
    expect(run([{ type: 'Feature', properties: { class: 'high' }, geometry: { type: 'Polygon', coordinates: [[[120, 28], [121, 'x'], [121, 29], [120, 28]]] } }])).toThrow(
      'hazard.geojson: feature #0: position [121,"x"] is not a pair of numbers',
    );
    expect(run([{ type: 'Feature', properties: { class: 'high' }, geometry: null }])).toThrow('hazard.geojson: feature #0 has no geometry');
    expect(run(['nope'])).toThrow('hazard.geojson: feature #0 is "nope", not a GeoJSON Feature — re-export the layer from the GIS tool · 要素 #0 为 "nope"');
    expect(run([ok], ['high', 'high'])).toThrow('hazard.geojson: class "high" is listed twice — list each class once · 类别“high”列出了两次');
  });

  it('lists a layer\'s classes when none are given', () => {
    expect(layerClasses([box(0, 0, 1, 1, { class: 'low' }), box(0, 0, 1, 1, { class: 'high' }), box(0, 0, 1, 1, { class: 'low' })])).toEqual(['high', 'low']);
    expect(computeAreaShares([A], [], ['covered']).shares).toEqual(new Float64Array([0]));
  });
});
