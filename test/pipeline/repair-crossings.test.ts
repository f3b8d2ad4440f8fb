/**
 * Snapping a topology to its grid can leave a vertex on the far side of a long straight border (one
 * township of Zhejiang); repairCrossings drops that vertex inside its arc so the outline no longer
 * crosses itself, and leaves a clean topology alone.
 */
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { polygonProblem } from '../../src/core/boundaries/check-rings.ts';
import { repairCrossings } from '../../data/pipeline/repair-crossings.ts';

/** One township: a long straight arc A→B, and a second arc back whose last-but-one vertex dips below A→B. */
function sliver(quantized: boolean): Topology {
  const back = [[10, 1], [10, 10], [0.5, 10], [0.5, 0], [0, 0]];
  const delta = (arc: number[][]): number[][] => arc.map((p, i) => (i === 0 ? p : [p[0]! - arc[i - 1]![0]!, p[1]! - arc[i - 1]![1]!]));
  const scaled = (arc: number[][]): number[][] => arc.map(([x, y]) => [x! * 2, y! * 2]);
  return {
    type: 'Topology',
    ...(quantized ? { transform: { scale: [0.5, 0.5], translate: [0, 0] } } : {}),
    arcs: quantized ? [delta(scaled([[0, 0], [10, 1]])), delta(scaled(back))] : [[[0, 0], [10, 1]], back],
    objects: { townships: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]], properties: { code: '990101001' } }] } },
  } as unknown as Topology;
}

const problemOf = (topo: Topology): string | null => {
  const f = feature(topo, (topo.objects.townships as unknown as { geometries: never[] }).geometries[0]!) as unknown as { geometry: { coordinates: number[][][] } };
  return polygonProblem(f.geometry.coordinates, 'township');
};

describe('repairCrossings', () => {
  for (const quantized of [false, true]) {
    it(`drops the vertex that makes the outline cross itself (${quantized ? 'quantized, delta-encoded' : 'plain'} arcs)`, () => {
      const topo = sliver(quantized);
      expect(problemOf(topo)).toMatch(/crosses itself/);
      expect(repairCrossings(topo, 'townships')).toEqual({ removed: 1, unrepaired: [] });
      expect(problemOf(topo)).toBeNull();
      expect(topo.arcs[0]).toHaveLength(2); // arc ends (shared with neighbours) never move
      expect(topo.arcs[1]).toHaveLength(4);
    });
  }

  it('leaves a clean outline alone', () => {
    const topo = sliver(false);
    topo.arcs[1] = [[10, 1], [10, 10], [0.5, 10], [0.5, 1], [0, 0]];
    const before = JSON.stringify(topo);
    expect(repairCrossings(topo, 'townships')).toEqual({ removed: 0, unrepaired: [] });
    expect(JSON.stringify(topo)).toBe(before);
  });
});
