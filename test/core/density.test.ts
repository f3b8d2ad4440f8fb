import { describe, expect, it } from 'vitest';
import { colorizeDensity, densityGrid } from '../../src/core/incidents/density.ts';

const bbox = [119, 27, 121, 29] as const;

describe('densityGrid', () => {
  it('puts a point in its cell, north at row 0', () => {
    const g = densityGrid([119.05, 28.98, 120.95, 27.02], 2, bbox, 20, 20, 0);
    expect(g.values[0 * 20 + 0]).toBe(1);
    expect(g.values[19 * 20 + 19]).toBe(1);
    expect(g.values.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('spaces rows in Web Mercator: the middle latitude is not the middle row', () => {
    const g = densityGrid([120, 28.0], 1, [119, 0, 121, 60], 4, 100, 0);
    const row = g.values.findIndex((v) => v > 0) >> 2;
    // Mercator stretches the north: 28° N sits well below the linear 53rd row.
    expect(row).toBeGreaterThan(60);
  });

  it('smooths symmetrically and keeps the total away from the edges', () => {
    const g = densityGrid([120, 28], 1, bbox, 41, 41, 3);
    const at = (x: number, y: number): number => g.values[y * 41 + x];
    const centre = g.values.indexOf(Math.max(...g.values));
    const cx = centre % 41;
    const cy = Math.floor(centre / 41);
    expect(at(cx - 2, cy)).toBeCloseTo(at(cx + 2, cy), 6);
    expect(at(cx, cy - 2)).toBeCloseTo(at(cx, cy + 2), 6);
    expect(at(cx, cy)).toBeGreaterThan(at(cx + 2, cy));
    expect(g.values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('ignores points outside the box', () => {
    const g = densityGrid([118, 28, 120, 30, 122, 28], 3, bbox, 8, 8, 1);
    expect(g.values.every((v) => v === 0)).toBe(true);
  });
});

describe('colorizeDensity', () => {
  it('takes the last stop reached and leaves thin cells transparent', () => {
    const grid = { bbox, width: 3, height: 1, values: Float32Array.from([0.01, 0.5, 5]) };
    const px = colorizeDensity(grid, [
      [0.1, 10, 20, 30, 100],
      [1, 200, 210, 220, 250],
    ]);
    expect(Array.from(px)).toEqual([0, 0, 0, 0, 10, 20, 30, 100, 200, 210, 220, 250]);
  });
});
