/**
 * The slab sweep (src/core/area-shares/slab-sweep.ts) against the Turf overlay it replaced
 * (test/support/area-shares-turf.ts), on the committed Lishui layers and on small generated layers
 * full of the awkward cases: shared and collinear edges, vertices on edges, holes, overlapping
 * parts, duplicated polygons, polygons reaching far west of a township.
 */
import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { computeAreaShares } from '../../src/core/area-shares/area-shares.ts';
import type { AreaFeature } from '../../src/core/area-shares/features.ts';
import { lonLatArea } from '../../src/core/area-shares/lon-lat-area.ts';
import { HAZARD_CLASSES } from '../../src/core/overlays/types.ts';
import { createRandom } from '../../src/core/random.ts';
import { turfAreaShares } from '../support/area-shares-turf.ts';
import { lishuiTownships } from '../worker/helpers.ts';

/** Observed: ≤ 4·10⁻¹³ (Turf's polyclip-ts rounds its clip points; the sweep moves none). */
const TOLERANCE = 1e-9;

const maxDiff = (a: Float64Array, b: Float64Array): number => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);
const polygon = (rings: Position[][], properties: Record<string, unknown> = {}): AreaFeature => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rings } });
const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('area shares agree with the former Turf overlay', () => {
  it('on the committed Lishui hazard zones and coverage (every 8th township)', () => {
    const townships = lishuiTownships().filter((_, i) => i % 8 === 0) as AreaFeature[];
    const zones = (JSON.parse(readFileSync('public/data/hazard-zones.geojson', 'utf8')) as { features: AreaFeature[] }).features;
    const coverage = (JSON.parse(readFileSync('public/data/coverage.geojson', 'utf8')) as { features: AreaFeature[] }).features.filter((f) => f.properties!.class === 'covered');
    for (const [layer, classes] of [
      [zones, HAZARD_CLASSES],
      [coverage, ['covered']],
    ] as const) {
      const ours = computeAreaShares(townships, layer, classes);
      expect(maxDiff(ours.shares, turfAreaShares(townships, layer, classes).shares)).toBeLessThan(TOLERANCE);
      expect(ours.shares.some((s) => s > 0.01 && s < 0.99)).toBe(true);
    }
  }, 60_000);

  it('on generated layers with shared edges, holes, overlapping parts and duplicates', () => {
    const classes = ['a', 'b', 'c'];
    // Six townships sharing edges, and a star-shaped one with a hole overlapping them.
    const townships: AreaFeature[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) townships.push(polygon([box(120 + i * 0.1, 28 + j * 0.1, 120.1 + i * 0.1, 28.1 + j * 0.1)]));
    for (let seed = 0; seed < 40; seed++) {
      const random = createRandom(`area-shares ${seed}`);
      // Snapping to a grid makes collinear edges and vertices on edges likely.
      const grid = [0.01, 0.001, 0][seed % 3]!;
      const snap = (x: number): number => (grid === 0 ? x : Math.round(x / grid) * grid);
      const star = (cx: number, cy: number, r: number, n: number, hole: boolean): Position[][] => {
        const ring: Position[] = [];
        for (let i = 0; i < n; i++) {
          const a = (2 * Math.PI * i) / n;
          const rr = r * (0.4 + 0.6 * random());
          ring.push([snap(cx + rr * Math.cos(a)), snap(cy + rr * Math.sin(a))]);
        }
        ring.push(ring[0]!);
        if (!hole) return [ring];
        const inner: Position[] = [];
        for (let i = 0; i < 6; i++) inner.push([snap(cx + r * 0.15 * Math.cos((-2 * Math.PI * i) / 6)), snap(cy + r * 0.15 * Math.sin((-2 * Math.PI * i) / 6))]);
        inner.push(inner[0]!);
        return [ring, inner];
      };
      const towns = [...townships, polygon(star(120.15, 28.1, 0.1, 9, true))];
      const layer: AreaFeature[] = [];
      const count = 2 + Math.floor(random() * 6);
      for (let k = 0; k < count; k++) {
        const kind = random();
        const properties = { class: classes[Math.floor(random() * 3)]! };
        const cx = 119.98 + random() * 0.34;
        const cy = 27.98 + random() * 0.24;
        if (kind < 0.3) {
          const x0 = Math.round(cx / 0.05) * 0.05;
          const y0 = Math.round(cy / 0.05) * 0.05;
          layer.push(polygon([box(x0, y0, x0 + 0.05 * (1 + Math.floor(random() * 3)), y0 + 0.05 * (1 + Math.floor(random() * 3)))], properties));
        } else if (kind < 0.6) {
          const parts = [star(cx, cy, 0.08, 12, random() < 0.5), star(cx + 0.03, cy + 0.02, 0.05, 7, false)];
          layer.push({ type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: parts } });
        } else layer.push(polygon(star(cx, cy, 0.06 + random() * 0.1, 5 + Math.floor(random() * 20), random() < 0.3), properties));
        if (random() < 0.15) layer.push(structuredClone(layer[layer.length - 1]!));
      }
      const ours = computeAreaShares(towns, layer, classes);
      expect(maxDiff(ours.shares, turfAreaShares(towns, layer, classes).shares), `seed ${seed}`).toBeLessThan(TOLERANCE);
    }
  });
});

describe('the slab sweep', () => {
  it('measures pieces exactly as lonLatArea measures them', () => {
    // A township cut along a slanted line through no vertex: the shares are the halves' areas.
    const township = polygon([[[120, 28], [120.3, 28.05], [120.25, 28.4], [120.02, 28.3], [120, 28]]]);
    const west = polygon([[[119, 27], [120.1, 27], [120.2, 29], [119, 29], [119, 27]]], { class: 'west' });
    const r = computeAreaShares([township], [west], ['west']);
    // x on the cut line at latitude y: 120.1 + (y − 27) · 0.05.
    const cut = (y: number): number => 120.1 + (y - 27) * 0.05;
    // The cut crosses the bottom and the top edge; the part west of it is a quadrilateral.
    const crossing = (a: Position, b: Position): Position => {
      const s = (cut(a[1]!) - a[0]!) / (b[0]! - a[0]! - 0.05 * (b[1]! - a[1]!));
      return [a[0]! + s * (b[0]! - a[0]!), a[1]! + s * (b[1]! - a[1]!)];
    };
    const inside = polygon([[[120, 28], crossing([120, 28], [120.3, 28.05]), crossing([120.25, 28.4], [120.02, 28.3]), [120.02, 28.3], [120, 28]]]);
    expect(Math.abs(r.shares[0]! - lonLatArea(inside) / lonLatArea(township))).toBeLessThan(1e-12);
  });

  it('counts polygons reaching round the township from the west by their parity', () => {
    // A big frame whose hole holds township A; a comb whose teeth reach almost to B, across its latitudes.
    const A = polygon([box(120, 28, 120.1, 28.1)]);
    const B = polygon([box(121, 28, 121.1, 28.1)]);
    const frame = polygon([box(118, 27, 122, 29), box(119.9, 27.9, 120.2, 28.2).reverse()], { class: 'x' });
    const comb: Position[] = [[120.3, 27.95]];
    for (let i = 0; i < 10; i++) {
      const y = 27.96 + i * 0.02;
      comb.push([120.95, y], [120.95, y + 0.01], [120.5, y + 0.01], [120.5, y + 0.02]);
    }
    comb.push([120.3, 28.2], [120.3, 27.95]);
    const r = computeAreaShares([A, B], [frame, polygon([comb], { class: 'y' })], ['y', 'x']);
    expect(Array.from(r.shares)).toEqual([0, 0, 0, 1]);
  });
});
