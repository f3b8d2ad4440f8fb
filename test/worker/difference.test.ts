/** The difference request: the city minus the teams' reach, computed in the worker for the gap layer. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { lonLatArea } from '../../src/core/area-shares/lon-lat-area.ts';
import { WorkerError } from '../../src/worker/client.ts';
import { connect, type Connection } from './helpers.ts';

const open: Connection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function box(x0: number, y0: number, x1: number, y1: number): Feature<Polygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
}

const bboxOf = (f: Feature<Polygon | MultiPolygon>): number[] => {
  const xs: number[] = [];
  const ys: number[] = [];
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const ring of polys.flat()) for (const [x, y] of ring) xs.push(x!), ys.push(y!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

describe('difference request', () => {
  it('leaves the part of the city no reach covers', async () => {
    const c = connect();
    open.push(c);
    const city = box(120, 28, 120.4, 28.2);
    // Two overlapping reaches covering x ≤ 120.3: the gap is the strip 120.3 … 120.4.
    const { gap } = await c.client.request('difference', { area: city, minus: [box(119.9, 27.9, 120.2, 28.3), box(120.1, 27.9, 120.3, 28.3)] });
    expect(gap).not.toBeNull();
    expect(bboxOf(gap!)).toEqual([120.3, 28, 120.4, 28.2]);
    expect(lonLatArea(gap!)).toBeCloseTo(lonLatArea(box(120.3, 28, 120.4, 28.2)), 0);
  });

  it('returns the whole city without reaches, and nothing when the reach covers it', async () => {
    const c = connect();
    open.push(c);
    const city = box(120, 28, 120.4, 28.2);
    expect((await c.client.request('difference', { area: city, minus: [] })).gap).toEqual(city);
    expect((await c.client.request('difference', { area: city, minus: [box(119, 27, 121, 29)] })).gap).toBeNull();
  });

  it('names the file and feature of a bad reach', async () => {
    const c = connect();
    open.push(c);
    const point = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [120, 28] } } as unknown as Feature<Polygon>;
    const error = await c.client.request('difference', { area: box(120, 28, 120.4, 28.2), minus: [box(120, 28, 120.1, 28.1), point], name: 'coverage.geojson' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).file).toBe('coverage.geojson');
    expect((error as Error).message).toMatch(/coverage\.geojson.*feature #1 is not a Polygon/);
  });
});
