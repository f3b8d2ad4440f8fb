import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { DataError } from '../../src/core/data-error.ts';

const fixture = (name: string): string => readFileSync(`test/fixtures/boundaries/${name}`, 'utf8');

describe('parseBoundaries', () => {
  it('decodes townships, draws each border once and finds label points', () => {
    const b = parseBoundaries(fixture('two-townships.topo.json'), 'two-townships.topo.json');
    expect(b.townships.features.map((f) => f.properties.code)).toEqual(['990101001', '990102001']);
    expect(b.byCode.get('990102001')?.name).toBe('西街道');
    // The shared edge separates two counties: it is a county border, not a township border.
    expect(b.townshipBorders.geometry.coordinates).toEqual([]);
    // County borders: the outer edge (0.6°) plus the shared edge (0.1°), each drawn once.
    const length = b.countyBorders.geometry.coordinates
      .flatMap((line) => line.slice(1).map((p, i) => Math.hypot(p[0] - line[i][0], p[1] - line[i][1])))
      .reduce((a, d) => a + d, 0);
    expect(length).toBeCloseTo(0.7, 9);
    expect(b.counties.map((c) => c.name)).toEqual(['甲区', '乙县']);
    expect(b.bbox).toEqual([119.9, 28, 120.1, 28.1]);
    expect(b.townshipLabels.features[0].geometry.coordinates).toEqual([120.05, 28.05]);
  });

  it('reads the committed Lishui file', () => {
    const b = parseBoundaries(readFileSync('public/data/townships.topo.json', 'utf8'), 'townships.topo.json');
    expect(b.byCode.size).toBe(173);
    expect(b.counties).toHaveLength(9);
    expect(b.countyBorders.geometry.coordinates.length).toBeGreaterThan(0);
    expect(b.townshipBorders.geometry.coordinates.length).toBeGreaterThan(100);
  });

  it.each([
    ['truncated.topo.json', /truncated\.topo\.json: not valid JSON/],
    ['swapped-lat-lon.topo.json', /swapped-lat-lon\.topo\.json: township 990101001 .*look like \[lat, lon\]/],
    ['projected.topo.json', /projected\.topo\.json: township 990101001 .*outside lon\/lat ranges/],
    ['duplicate-code.topo.json', /duplicate-code\.topo\.json: duplicate township code 990101001/],
  ])('rejects %s with the file and the problem named', (name, message) => {
    expect(() => parseBoundaries(fixture(name), name)).toThrow(DataError);
    expect(() => parseBoundaries(fixture(name), name)).toThrow(message);
  });

  it('rejects a GeoJSON file given where TopoJSON is expected, and an empty file', () => {
    expect(() => parseBoundaries('{"type":"FeatureCollection","features":[]}', 'a.json')).toThrow(/a\.json: not a TopoJSON Topology/);
    expect(() => parseBoundaries('', 'b.json')).toThrow(/b\.json: the file is empty/);
  });
});
