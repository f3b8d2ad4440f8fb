import { describe, expect, it } from 'vitest';
import { multiPolygonArea, partitionUnit } from '../../data/pipeline/partition.ts';
import type { Unit } from '../../data/pipeline/sources.ts';

/** An L-shaped county (concave, so clipping cuts some Voronoi cells) with 12 townships. */
function lShapedUnit(): Unit {
  const townships = Array.from({ length: 12 }, (_, i) => ({
    code: `9901011${String(i).padStart(2, '0')}`,
    name: i < 3 ? `第${i}街道` : `第${i}镇`,
  }));
  return {
    key: '990101',
    counties: [{ code: '990101', name: '试验县', townships }],
    territory: [
      [
        [
          [120, 28],
          [120.4, 28],
          [120.4, 28.1],
          [120.1, 28.1],
          [120.1, 28.4],
          [120, 28.4],
          [120, 28],
        ],
      ],
    ],
    seat: [120.05, 28.05],
    approximate: false,
  };
}

describe('partitionUnit', () => {
  it('gives every township a cell and tiles the territory', () => {
    const unit = lShapedUnit();
    const cells = partitionUnit(unit, 'test');
    expect(cells.map((c) => c.township.code).sort()).toEqual(unit.counties[0].townships.map((t) => t.code).sort());
    const total = cells.reduce((sum, c) => sum + Math.abs(multiPolygonArea(c.coords)), 0);
    expect(total / Math.abs(multiPolygonArea(unit.territory))).toBeCloseTo(1, 9);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const a = JSON.stringify(partitionUnit(lShapedUnit(), 'test'));
    expect(JSON.stringify(partitionUnit(lShapedUnit(), 'test'))).toBe(a);
    expect(JSON.stringify(partitionUnit(lShapedUnit(), 'other'))).not.toBe(a);
  });

  it('puts urban 街道 nearest the county seat', () => {
    const cells = partitionUnit(lShapedUnit(), 'test');
    const distance = (c: (typeof cells)[number]): number => {
      const ring = c.coords[0][0];
      const [x, y] = ring.reduce(([sx, sy], p) => [sx + p[0] / ring.length, sy + p[1] / ring.length], [0, 0]);
      return Math.hypot(x - 120.05, y - 28.05);
    };
    const urban = cells.filter((c) => c.township.name.endsWith('街道')).map(distance);
    const towns = cells.filter((c) => c.township.name.endsWith('镇')).map(distance);
    expect(Math.max(...urban)).toBeLessThan(Math.min(...towns) + 0.05);
    expect(urban.reduce((a, b) => a + b) / urban.length).toBeLessThan(towns.reduce((a, b) => a + b) / towns.length);
  });
});
