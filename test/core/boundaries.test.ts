import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { readBoundaryFeatures } from '../../src/core/boundaries/read-boundaries.ts';
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
    ['duplicate-code.topo.json', /duplicate-code\.topo\.json: duplicate township code 990101001 \(features #0 and #1\)/],
  ])('rejects %s with the file and the problem named', (name, message) => {
    expect(() => parseBoundaries(fixture(name), name)).toThrow(DataError);
    expect(() => parseBoundaries(fixture(name), name)).toThrow(message);
  });

  it('rejects a GeoJSON file given where TopoJSON is expected, and an empty file', () => {
    expect(() => parseBoundaries('{"type":"FeatureCollection","features":[]}', 'a.json')).toThrow(/a\.json: not a TopoJSON Topology/);
    expect(() => parseBoundaries('', 'b.json')).toThrow(/b\.json: the file is empty/);
  });

  const REEXPORT = 're-export the boundaries from the GIS tool (e.g. mapshaper -o format=topojson)';
  // Golden messages: the app and the worker/CLI read boundaries with the same parser, so both get
  // exactly these DataErrors (never a raw TypeError from topojson-client).
  it.each([
    ['arc-of-scalars.topo.json', `arc #1 position #0 is 120, not an [x, y] pair of numbers; the file is damaged: ${REEXPORT}`],
    [
      'arc-out-of-range.topo.json',
      `township 990102001 (feature #1) refers to arc #7, but the file has only 3 arcs (#0 … #2); the file was cut or damaged: ${REEXPORT}`,
    ],
    ['no-geometries.topo.json', `object "townships" is a GeometryCollection without a "geometries" array, so it holds no townships; ${REEXPORT}`],
    ['polygon-without-arcs.topo.json', `township 990101001 (feature #0) is a Polygon without "arcs", so it has no outline; ${REEXPORT}`],
    ['missing-code.topo.json', 'feature #1 ("西街道") has no "code" property; give every township its code in properties.code'],
    ['empty.topo.json', 'has no townships (the collection is empty); export the township polygons into it'],
  ])('rejects %s with a DataError naming the file, the feature and the fix', (name, problem) => {
    for (const parse of [parseBoundaries, readBoundaryFeatures]) {
      let error: unknown;
      try {
        parse(fixture(name), name);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).file).toBe(name);
      // English first, then " · " and the Chinese (the style of data-error.ts); test/publish checks both halves.
      expect((error as DataError).message.startsWith(`${name}: ${problem} · `)).toBe(true);
    }
  });

  it('reads GeoJSON with the same rules: codes are never invented, an empty collection is an error', () => {
    const feature = (properties: Record<string, unknown>) => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Polygon', coordinates: [[[120, 28], [120.1, 28], [120.1, 28.1], [120, 28]]] },
    });
    const text = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    expect(readBoundaryFeatures(text([feature({ code: '990101001' })]), 'ok.geojson').map((f) => f.properties.code)).toEqual(['990101001']);
    expect(() => readBoundaryFeatures(text([feature({ code: '990101001' }), { ...feature({ name: '西街道' }), id: 7 }]), 'b.geojson')).toThrow(
      'b.geojson: feature #1 ("西街道") has no "code" property; give every township its code in properties.code',
    );
    expect(() => readBoundaryFeatures(text([]), 'c.geojson')).toThrow('c.geojson: has no townships (the collection is empty); export the township polygons into it');
  });
});
